import Foundation

/// The credentials file of `--credentials-file`: `NAME=VALUE` lines using the environment variables' names,
/// so the same file works with `set -a; . FILE`, `docker --env-file` and systemd's `EnvironmentFile=`:
///
/// ```
/// # AccessKey of the deploy user
/// ALIBABA_CLOUD_ACCESS_KEY_ID=LTAI5tExample
/// ALIBABA_CLOUD_ACCESS_KEY_SECRET=…
/// ```
///
/// Blank lines and lines starting with `#` are ignored; CRLF line ends are accepted. Everything else is an
/// error with its line and column, because a stray space or quote would be signed into every request and
/// surface only as "signature does not match": values are taken verbatim, so they may not be quoted or
/// begin or end with whitespace, names must be one of the two above, each at most once.
enum CredentialsFile {
    struct Entries: Equatable {
        var accessKeyID: String?
        var accessKeySecret: String?
    }

    static func read(path: String) throws(CredentialsError) -> Entries {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw .unreadableFile(path: path, reason: (error as NSError).localizedFailureReason ?? "no such file or not readable")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw .unreadableFile(path: path, reason: "not UTF-8 text")
        }
        return try parse(text, path: path)
    }

    static func parse(_ text: String, path: String) throws(CredentialsError) -> Entries {
        var entries = Entries()
        var firstLine: [String: Int] = [:]
        // Split on the scalar: "\r\n" is one `Character` in Swift, and it ends a line too.
        let rawLines = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map { String(String.UnicodeScalarView($0)) }
        for (index, rawLine) in rawLines.enumerated() {
            let lineNumber = index + 1
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine[...]
            func fail(_ column: Int, _ message: String) -> CredentialsError {
                .malformedFile(path: path, line: lineNumber, column: column, message: message)
            }
            if line.allSatisfy(\.isWhitespace) || line.first == "#" { continue }
            guard let equals = line.firstIndex(of: "=") else {
                throw fail(1, "expected NAME=VALUE (\(Credentials.accessKeyIDVariable)=… or \(Credentials.accessKeySecretVariable)=…)")
            }
            let name = String(line[..<equals])
            let value = line[line.index(after: equals)...]
            let valueColumn = line.unicodeScalars.distance(from: line.startIndex, to: equals) + 2
            guard name == Credentials.accessKeyIDVariable || name == Credentials.accessKeySecretVariable else {
                throw fail(1, "unknown name '\(name)'; expected \(Credentials.accessKeyIDVariable) or \(Credentials.accessKeySecretVariable)")
            }
            if let first = firstLine[name] {
                throw fail(1, "\(name) is set again (first on line \(first)); keep one")
            }
            firstLine[name] = lineNumber
            if value.isEmpty { throw fail(valueColumn, "\(name) has no value") }
            if value.first!.isWhitespace || value.last!.isWhitespace {
                let column = value.first!.isWhitespace ? valueColumn : valueColumn + value.unicodeScalars.count - 1
                throw fail(column, "\(name) begins or ends with whitespace, which would be signed with it; remove it")
            }
            if let quote = value.first, quote == "\"" || quote == "'" {
                throw fail(valueColumn, "\(name) is quoted; values are taken verbatim, so remove the quotes")
            }
            if name == Credentials.accessKeyIDVariable { entries.accessKeyID = String(value) } else { entries.accessKeySecret = String(value) }
        }
        return entries
    }
}
