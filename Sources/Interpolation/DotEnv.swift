/// One variable a `.env` file defines, after quotes, escapes and interpolation.
public struct DotEnvEntry: Sendable, Hashable {
    /// May be empty: Compose reads `=value`, and a last line with neither `=` nor a line break, as a
    /// value for the empty key.
    public var key: String
    public var value: String
    /// 1-based position of the key; the column counts Unicode scalars like every other column in stackc.
    public var line: Int
    public var column: Int

    public init(key: String, value: String, line: Int, column: Int) {
        self.key = key
        self.value = value
        self.line = line
        self.column = column
    }
}

/// A statement of a `.env` file that Compose would refuse (it refuses the whole file).
public struct DotEnvFailure: Error, Sendable, Hashable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    public var message: String

    public init(line: Int, column: Int, message: String) {
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String { "line \(line), column \(column): \(message)" }
}

/// Parses a `.env` file exactly as Docker Compose (compose-go's `dotenv` package) does.
///
/// Entries come in file order; a key may repeat and the later entry wins. `lookup` is the environment
/// outside this file (the process, then earlier env files); inside a value it is consulted *before*
/// this file's earlier entries, as Compose does, and a bare `KEY` line copies its value from there.
///
/// Compose stops at the first bad statement; this parser records it and carries on with the next line
/// (or, after an unterminated quote, stops), so one run reports every problem. A failed statement adds
/// no entry.
public func parseDotEnv(_ text: String,
                        lookup: (Substring) -> String?) -> (entries: [DotEnvEntry], failures: [DotEnvFailure]) {
    withoutActuallyEscaping(lookup) { lookup in
        var parser = DotEnvParser(text: text, lookup: lookup)
        parser.run()
        return (parser.entries, parser.failures)
    }
}

/// Walks the file's Unicode scalars, mirroring compose-go's parser statement by statement.
private struct DotEnvParser {
    let scalars: [Unicode.Scalar]
    /// Index of the first scalar of each line, for turning positions into line and column.
    let lineStarts: [Int]
    let lookup: (Substring) -> String?

    var entries: [DotEnvEntry] = []
    var failures: [DotEnvFailure] = []
    /// The latest value of every key so far, for interpolation in later values.
    var defined: [String: String] = [:]
    var position = 0

    init(text: String, lookup: @escaping (Substring) -> String?) {
        var scalars = Array(text.unicodeScalars)
        if scalars.first == "\u{FEFF}" { scalars.removeFirst() }  // editors on Windows add a BOM
        self.scalars = scalars
        self.lineStarts = [0] + scalars.indices.filter { scalars[$0] == "\n" }.map { $0 + 1 }
        self.lookup = lookup
    }

    mutating func run() {
        while skipToStatement() {
            statement()
        }
    }

    /// Skips blank space (line breaks included) and `#` comment lines; false at the end of the file.
    private mutating func skipToStatement() -> Bool {
        while position < scalars.count {
            let scalar = scalars[position]
            if DotEnvCharacters.isSpace(scalar) {
                position += 1
            } else if scalar == "#" {
                position = lineEnd(from: position)
            } else {
                return true
            }
        }
        return false
    }

    private mutating func statement() {
        let keyStart = startOfKey()
        guard keyStart < scalars.count else {
            return fail(at: position, "\"export\" is not followed by a variable name", resumeAt: scalars.count)
        }
        var index = keyStart
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "=" || scalar == ":" || scalar == "\n" { break }  // `KEY: value` is accepted too
            if !DotEnvCharacters.isBlank(scalar) && !DotEnvCharacters.isKeyCharacter(scalar) {
                // Compose quotes the whole line; the name alone is quoted here, since what follows `=` is a value.
                let nameEnd = scalars[keyStart..<lineEnd(from: keyStart)].firstIndex { $0 == "=" || $0 == ":" } ?? lineEnd(from: keyStart)
                let name = String(String.UnicodeScalarView(scalars[keyStart..<nameEnd]))
                return fail(at: index, "unexpected character \"\(scalar.escaped(asASCII: true))\" in variable name "
                                + "\"\(name)\"", resumeAt: lineEnd(from: index) + 1)
            }
            index += 1
        }
        let key: String
        let valueStart: Int
        if index == scalars.count {
            // Neither `=` nor a line break before the end of the file: Compose takes the whole rest as
            // the value of the empty key (and so never reads a last bare `KEY` as inherited).
            key = ""
            valueStart = keyStart
        } else {
            key = String(String.UnicodeScalarView(scalars[keyStart..<trimmingSpace(keyStart..<index)]))
            valueStart = index + 1
        }
        if key.unicodeScalars.contains(" ") {
            return fail(at: keyStart, "key cannot contain a space", resumeAt: lineEnd(from: index) + 1)
        }
        if index < scalars.count && scalars[index] == "\n" {
            // A bare `KEY` copies the variable from the outside environment, if it is set there.
            position = index + 1
            if let value = lookup(key[...]) { define(key, value, at: keyStart) }
            return
        }
        var start = valueStart
        while start < scalars.count && DotEnvCharacters.isBlank(scalars[start]) { start += 1 }
        if start < scalars.count && (scalars[start] == "\"" || scalars[start] == "'") {
            quotedValue(key: key, keyStart: keyStart, quoteAt: start)
        } else {
            unquotedValue(key: key, keyStart: keyStart, from: start)
        }
    }

    /// Where the key starts: after an `export` followed by white space (Go's `^export\s+`), if any.
    private func startOfKey() -> Int {
        let export: [Unicode.Scalar] = ["e", "x", "p", "o", "r", "t"]
        let afterWord = position + export.count
        guard afterWord < scalars.count, scalars[position..<afterWord].elementsEqual(export),
              ["\t", "\n", "\u{0C}", "\r", " "].contains(scalars[afterWord]) else { return position }
        var start = afterWord
        while start < scalars.count && DotEnvCharacters.isBlank(scalars[start]) { start += 1 }
        return start
    }

    /// An unquoted value runs to the end of the line, loses a ` #` comment and trailing space, and is
    /// interpolated.
    private mutating func unquotedValue(key: String, keyStart: Int, from start: Int) {
        let end = lineEnd(from: start)
        position = min(end + 1, scalars.count)
        var valueEnd = end
        if start + 1 < end,
           let comment = (start..<end - 1).first(where: { scalars[$0] == " " && scalars[$0 + 1] == "#" }) {
            valueEnd = comment
        }
        let value = SourcedScalars(scalars[start..<trimmingSpace(start..<valueEnd)], from: start)
        interpolateAndDefine(key, value, at: keyStart)
    }

    /// A quoted value may span lines. A backslash keeps the quote after it inside the value; single
    /// quotes keep everything else literally, double quotes then decode escapes and interpolate.
    private mutating func quotedValue(key: String, keyStart: Int, quoteAt start: Int) {
        let quote = scalars[start]
        var value = SourcedScalars()
        var escaped = false
        var index = start + 1
        while index < scalars.count {
            let scalar = scalars[index]
            if escaped {
                escaped = false
                if scalar != quote { value.append("\\", from: index - 1) }
                value.append(scalar, from: index)
            } else if scalar == "\\" {
                escaped = true
            } else if scalar == quote {
                break
            } else {
                value.append(scalar, from: index)
            }
            index += 1
        }
        guard index < scalars.count else {
            // Compose quotes the value; it may be a secret, so only the quote is named here.
            return fail(at: start, "unterminated quoted value: the \(quote) that opens it is never closed", resumeAt: scalars.count)
        }
        position = index + 1
        if quote == "'" {
            define(key, value.string, at: keyStart)
        } else {
            interpolateAndDefine(key, DotEnvCharacters.decodingEscapes(value), at: keyStart)
        }
    }

    private mutating func interpolateAndDefine(_ key: String, _ value: SourcedScalars, at keyStart: Int) {
        let text = value.string
        let result = interpolate(text) { name in
            if let outside = lookup(name) { return .value(outside) }
            return defined[String(name)].map(VariableLookup.value) ?? .unset
        }
        if let failure = result.failure {
            return fail(at: value.source(ofUTF8Offset: failure.offset), failure.description,
                        resumeAt: position)
        }
        define(key, result.value, at: keyStart)
    }

    private mutating func define(_ key: String, _ value: String, at keyStart: Int) {
        let (line, column) = location(of: keyStart)
        entries.append(DotEnvEntry(key: key, value: value, line: line, column: column))
        defined[key] = value
    }

    private mutating func fail(at index: Int, _ message: String, resumeAt resume: Int) {
        let (line, column) = location(of: index)
        failures.append(DotEnvFailure(line: line, column: column, message: message))
        position = min(resume, scalars.count)
    }

    /// Index of the line break ending the line that contains `index` (or the end of the file).
    private func lineEnd(from index: Int) -> Int {
        scalars[index...].firstIndex(of: "\n") ?? scalars.count
    }

    /// The end of `range` once trailing space (Go's `unicode.IsSpace`) is dropped.
    private func trimmingSpace(_ range: Range<Int>) -> Int {
        var end = range.upperBound
        while end > range.lowerBound && DotEnvCharacters.isSpace(scalars[end - 1]) { end -= 1 }
        return end
    }

    private func location(of index: Int) -> (line: Int, column: Int) {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= index { low = middle } else { high = middle - 1 }
        }
        return (low + 1, index - lineStarts[low] + 1)
    }
}
