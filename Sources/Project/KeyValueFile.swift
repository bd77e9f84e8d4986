import Interpolation

/// The text of a service's `env_file` or `label_file`, read as Docker Compose reads it: the `.env`
/// syntax (compose-go's `dotenv`, the parser `.env` itself goes through), or with `format: raw` Docker's
/// plain `KEY=VALUE` lines (no quotes, no substitution; a bare `KEY` copies its value from `lookup`).
enum KeyValueFile {
    static let formats = ["", ".env", "raw"]

    static func parse(_ text: String, format: String, lookup: (Substring) -> String?) -> (entries: [DotEnvEntry], failures: [DotEnvFailure]) {
        format == "raw" ? parseRaw(text, lookup: lookup) : parseDotEnv(text, lookup: lookup)
    }

    /// docker/cli's `ParseEnvFile`: leading blanks trimmed, blank and `#` lines skipped, each other line
    /// split at its first `=`; a name that is empty or holds a blank is an error.
    private static func parseRaw(_ text: String, lookup: (Substring) -> String?) -> (entries: [DotEnvEntry], failures: [DotEnvFailure]) {
        var entries: [DotEnvEntry] = []
        var failures: [DotEnvFailure] = []
        var body = Substring(text)
        if body.first == "\u{FEFF}" { body = body.dropFirst() }
        for (index, rawLine) in body.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.drop { $0.isWhitespace }
            guard !line.isEmpty, line.first != "#" else { continue }
            let column = rawLine.count - line.count + 1
            let equals = line.firstIndex(of: "=")
            let name = line[..<(equals ?? line.endIndex)]
            if name.isEmpty {
                failures.append(DotEnvFailure(line: index + 1, column: column, message: "no variable name on line '\(line)'"))
            } else if name.contains(where: \.isWhitespace) {
                failures.append(DotEnvFailure(line: index + 1, column: column, message: "variable '\(name)' contains blanks; raw env files take NAME=value lines"))
            } else if let equals {
                entries.append(DotEnvEntry(key: String(name), value: String(line[line.index(after: equals)...]), line: index + 1, column: column))
            } else if let value = lookup(name) {
                entries.append(DotEnvEntry(key: String(name), value: value, line: index + 1, column: column))
            }
        }
        return (entries, failures)
    }
}
