import Diagnostics

/// Checkstyle XML, the lingua franca of lint reports that Jenkins (warnings-ng), reviewdog
/// (`-f=checkstyle`), SonarQube and many CI plugins import: `<checkstyle>` holds a `<file name>` per
/// checked file (a clean file is an empty element, so it shows as checked) and in it an `<error>` per
/// finding with `line`, `column`, `severity` (`error`, `warning`, `info`, Checkstyle's own levels),
/// `message` (notes appended) and `source` (the rule id). A finding about the whole file has line 0
/// and no column. Text is escaped as in JUnit (`XML.escape`). Streams per file.
public struct CheckstyleReporter: Reporter {
    private var started = false

    public init() {}

    public mutating func report(_ file: FileReport) -> String {
        var output = header()
        let name = XML.escape(file.file.path)
        guard !file.diagnostics.isEmpty else { return output + "  <file name=\"\(name)\"/>\n" }
        output += "  <file name=\"\(name)\">\n"
        for diagnostic in file.diagnostics {
            let position = diagnostic.range.map { "line=\"\($0.start.line)\" column=\"\($0.start.column)\"" } ?? "line=\"0\""
            output += "    <error \(position) severity=\"\(diagnostic.severity)\" message=\"\(XML.escape(diagnostic.messageWithNotes))\""
                + " source=\"\(XML.escape(diagnostic.rule.name))\"/>\n"
        }
        return output + "  </file>\n"
    }

    public mutating func finish(_ summary: Summary) -> String {
        header() + "</checkstyle>\n"
    }

    /// Checkstyle's own reports say `version="4.3"` or later; consumers read the elements, not the number.
    private mutating func header() -> String {
        guard !started else { return "" }
        started = true
        return XML.declaration + "<checkstyle version=\"4.3\">\n"
    }
}
