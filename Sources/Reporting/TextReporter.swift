import Diagnostics

/// GNU style, one finding per line (`file:line:col: severity: message [rule]`), which editors, CI log
/// parsers and `grep` all understand. Notes follow their finding as `note:` lines.
public struct TextReporter: Reporter {
    private let colors: Bool

    public init(colors: Bool) {
        self.colors = colors
    }

    public mutating func report(_ file: FileReport) -> String {
        var output = ""
        for diagnostic in file.diagnostics {
            output += position(file.file.path, diagnostic.range)
            output += paint(diagnostic.severity.description + ":", severityColor(diagnostic.severity))
            output += " " + Sanitizer.terminalSafe(diagnostic.message)
            output += paint(" [\(diagnostic.rule)]", "2")
            output += "\n"
            for note in diagnostic.notes {
                output += position(file.file.path, note.range)
                output += paint("note:", "36") + " " + Sanitizer.terminalSafe(note.message) + "\n"
            }
        }
        return output
    }

    /// Nothing at the end on stdout: the one-line summary goes to stderr (see `summaryLine`).
    public mutating func finish(_ summary: Summary) -> String { "" }

    /// "2 errors and 1 warning in 3 files (10 files checked)", for stderr when there are findings.
    public static func summaryLine(_ summary: Summary, filesWithFindings: Int) -> String {
        var parts: [String] = []
        if summary.errors > 0 { parts.append(plural(summary.errors, "error")) }
        if summary.warnings > 0 { parts.append(plural(summary.warnings, "warning")) }
        if summary.infos > 0 { parts.append(plural(summary.infos, "info")) }
        let findings = parts.count > 1 ? parts.dropLast().joined(separator: ", ") + " and " + parts.last! : parts.first ?? "no problems"
        return "\(findings) in \(plural(filesWithFindings, "file")) (\(plural(summary.files, "file")) checked)"
    }

    private static func plural(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }

    private func position(_ path: String, _ range: SourceRange?) -> String {
        let text = range.map { "\(path):\($0.start.line):\($0.start.column): " } ?? "\(path): "
        return paint(Sanitizer.terminalSafe(text), "1")
    }

    private func severityColor(_ severity: Severity) -> String {
        switch severity {
        case .error: "1;31"
        case .warning: "1;33"
        case .info: "1;36"
        }
    }

    private func paint(_ text: String, _ code: String) -> String {
        colors ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
