import Diagnostics
import Model
import Syntax

/// Finds `# stackc-…` directives in a file's bytes. libyaml drops comments, so they are found by a
/// byte scan instead of a second parse: a `#` at the start of a line or after a space or tab begins a
/// comment, unless it lies inside a scalar (a quoted or block scalar can hold `# stackc-disable-file`
/// as text), which the tree's scalar ranges tell.
///
/// Directives (rule lists are comma-separated; none means every rule; `-- reason` is kept for readers):
/// - `# stackc-disable-line RULE[,RULE] -- reason`: its own line (a comment after the value)
/// - `# stackc-disable-next-line RULE[,RULE] -- reason`: the next line with content
/// - `# stackc-disable RULE` … `# stackc-enable RULE`: the lines in between (to the end without an enable)
/// - `# stackc-disable-file`: the whole file
enum SuppressionComments {
    static let disableLine = "stackc-disable-line"
    static let disableNextLine = "stackc-disable-next-line"
    static let disableFile = "stackc-disable-file"
    static let directives = [disableLine, disableNextLine, "stackc-disable", "stackc-enable", disableFile]

    private static let prefix = Array("stackc-".utf8)

    /// The suppressions the comments declare, and findings about malformed directives.
    static func scan(_ file: SourceFile, tree: YAMLTree?) -> (suppressions: [Suppression], diagnostics: [Diagnostic]) {
        let comments = candidates(in: file.bytes, excluding: tree)
        guard !comments.isEmpty else { return ([], []) }
        var parser = DirectiveParser(file: file)
        for offset in comments { parser.read(commentAt: offset) }
        return parser.finish()
    }

    /// Offsets of the `#` of every comment that starts with `stackc-`, in file order.
    static func candidates(in bytes: [UInt8], excluding tree: YAMLTree?) -> [Int] {
        var found: [Int] = []
        var index = bytes.startIndex
        while let hash = ByteSearch.firstIndex(of: UInt8(ascii: "#"), in: bytes, from: index) {
            index = hash + 1
            if hash > 0, !isSpaceOrBreak(bytes[hash - 1]) { continue }
            var start = hash + 1
            while start < bytes.count, bytes[start] == UInt8(ascii: " ") || bytes[start] == UInt8(ascii: "\t") { start += 1 }
            if bytes[start...].starts(with: prefix) { found.append(hash) }
        }
        guard !found.isEmpty, let tree else { return found }
        // Scalars never overlap, so sorted by start they are sorted by end too: one sweep over both lists.
        let scalars = tree.nodes.filter(\.isScalar).map { $0.range.start.offset..<$0.range.end.offset }.sorted { $0.lowerBound < $1.lowerBound }
        var next = 0
        return found.filter { offset in
            while next < scalars.count, scalars[next].upperBound <= offset { next += 1 }
            return !(next < scalars.count && scalars[next].contains(offset))
        }
    }

    static func isSpaceOrBreak(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
    }
}

/// Turns directive comments into suppressions, pairing `stackc-disable` with `stackc-enable`.
private struct DirectiveParser {
    let file: SourceFile
    var suppressions: [Suppression] = []
    var diagnostics: [Diagnostic] = []
    /// Open `stackc-disable` regions by rule (nil: every rule), with where they were opened.
    var open: [(rule: RuleID?, line: Int, range: SourceRange)] = []

    init(file: SourceFile) {
        self.file = file
    }

    mutating func read(commentAt hash: Int) {
        let bytes = file.bytes
        var end = hash
        while end < bytes.count, bytes[end] != UInt8(ascii: "\n"), bytes[end] != UInt8(ascii: "\r") { end += 1 }
        let text = String(decoding: bytes[(hash + 1)..<end], as: UTF8.self)
        let commentRange = range(hash, end)
        let line = commentRange.start.line
        let body = text.drop { $0 == " " || $0 == "\t" }
        let bodyOffset = end - body.utf8.count
        let word = body.prefix { !$0.isWhitespace }
        guard let directive = SuppressionComments.directives.first(where: { $0 == word }) else {
            let suggestion = Suggestions.closest(to: String(word), among: SuppressionComments.directives)
            let hint = suggestion.map { "; did you mean '\($0)'?" } ?? "; the directives are " + SuppressionComments.directives.joined(separator: ", ")
            diagnostics.append(Diagnostic(rule: .suppressionInvalid, severity: .warning,
                                          message: "'\(word)' is not a stackc directive\(hint)", range: commentRange))
            return
        }
        let rules = ruleList(after: body.dropFirst(word.count), startingAt: bodyOffset + word.utf8.count)
        let targets: [(rule: RuleID?, range: SourceRange)] = rules.isEmpty ? [(nil, commentRange)] : rules
        switch directive {
        case "stackc-disable-line" where onlyCommentOnLine(before: hash):
            diagnostics.append(Diagnostic(rule: .suppressionInvalid, severity: .warning,
                                          message: "stackc-disable-line suppresses findings on its own line, which holds only the comment; "
                                              + "put it after the value, or write stackc-disable-next-line above it", range: commentRange))
        case "stackc-disable-line", "stackc-disable-next-line":
            let target = directive == "stackc-disable-line" ? line : nextContentLine(after: line)
            for (rule, range) in targets {
                suppressions.append(Suppression(scope: .lines(target...target), rule: rule, range: range, form: directive))
            }
        case "stackc-disable-file":
            for (rule, range) in targets {
                suppressions.append(Suppression(scope: .file, rule: rule, range: range, form: directive))
            }
        case "stackc-disable":
            for (rule, range) in targets { open.append((rule, line, range)) }
        default:
            enable(rules.isEmpty ? nil : rules.map(\.rule), at: line, commentRange: commentRange)
        }
    }

    /// Closes the matching open regions; `nil` closes all of them.
    private mutating func enable(_ rules: [RuleID?]?, at line: Int, commentRange: SourceRange) {
        let closing = open.indices.filter { index in rules.map { $0.contains(open[index].rule) } ?? true }
        if closing.isEmpty {
            diagnostics.append(Diagnostic(rule: .suppressionInvalid, severity: .warning,
                                          message: "stackc-enable has no matching stackc-disable above it", range: commentRange))
        }
        for index in closing {
            let region = open[index]
            suppressions.append(Suppression(scope: .lines(region.line...line), rule: region.rule, range: region.range, form: "stackc-disable"))
        }
        for index in closing.reversed() { open.remove(at: index) }
    }

    /// Regions never closed run to the end of the file.
    mutating func finish() -> (suppressions: [Suppression], diagnostics: [Diagnostic]) {
        for region in open {
            suppressions.append(Suppression(scope: .lines(region.line...max(region.line, file.lineCount)), rule: region.rule,
                                            range: region.range, form: "stackc-disable"))
        }
        open.removeAll()
        return (suppressions, diagnostics)
    }

    /// The comma-separated ids before an optional `-- reason`, each with its own range.
    private func ruleList(after rest: Substring, startingAt offset: Int) -> [(rule: RuleID?, range: SourceRange)] {
        let list = rest[..<reasonStart(in: rest)]
        var result: [(rule: RuleID?, range: SourceRange)] = []
        var position = offset
        for piece in list.split(separator: ",", omittingEmptySubsequences: false) {
            let leading = piece.prefix { $0.isWhitespace }.utf8.count
            let name = piece.trimmingWhitespace()
            if !name.isEmpty {
                let start = position + leading
                result.append((RuleID(String(name)), range(start, start + name.utf8.count)))
            }
            position += piece.utf8.count + 1
        }
        return result
    }

    /// Where ` -- reason` begins (rule ids never hold two dashes in a row), or the end.
    private func reasonStart(in text: Substring) -> Substring.Index {
        var previous: Substring.Index?
        for index in text.indices {
            if text[index] == "-", let previous, text[previous] == "-" { return previous }
            previous = index
        }
        return text.endIndex
    }

    /// Whether only spaces and tabs precede the `#` at `hash` on its line.
    private func onlyCommentOnLine(before hash: Int) -> Bool {
        var index = hash
        while index > 0, file.bytes[index - 1] == UInt8(ascii: " ") || file.bytes[index - 1] == UInt8(ascii: "\t") { index -= 1 }
        return index == 0 || file.bytes[index - 1] == UInt8(ascii: "\n") || file.bytes[index - 1] == UInt8(ascii: "\r")
    }

    /// The first line after `line` that is neither blank nor only a comment, so directives can be
    /// stacked above the line they are for.
    private func nextContentLine(after line: Int) -> Int {
        var candidate = line + 1
        while candidate <= file.lineCount {
            let text = file.lineText(candidate).trimmingWhitespace()
            if !text.isEmpty, !text.hasPrefix("#") { return candidate }
            candidate += 1
        }
        return line + 1
    }

    private func range(_ start: Int, _ end: Int) -> SourceRange {
        SourceRange(start: file.location(ofByte: start), end: file.location(ofByte: end))
    }
}

extension StringProtocol {
    func trimmingWhitespace() -> SubSequence {
        let start = firstIndex { !$0.isWhitespace } ?? endIndex
        let end = lastIndex { !$0.isWhitespace }.map(index(after:)) ?? start
        return self[start..<end]
    }
}
