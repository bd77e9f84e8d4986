import Diagnostics

/// JUnit XML, which GitLab, Jenkins and most CI dashboards display as test results: one `<testsuite>`
/// per file, and in it one `<testcase>` per rule with findings, whose `<failure>` lists them all
/// (`line:column: severity: message`, notes indented below). A file without findings has a single
/// passing test case, so the dashboard shows it was checked. Streams per file.
public struct JUnitReporter: Reporter {
    private var started = false

    public init() {}

    public mutating func report(_ file: FileReport) -> String {
        var output = header()
        let name = XML.escape(file.file.path)
        var rules: [RuleID] = []
        var findings: [RuleID: [Diagnostic]] = [:]
        for diagnostic in file.diagnostics {
            if findings[diagnostic.rule] == nil { rules.append(diagnostic.rule) }
            findings[diagnostic.rule, default: []].append(diagnostic)
        }
        output += "  <testsuite name=\"\(name)\" tests=\"\(max(rules.count, 1))\" failures=\"\(rules.count)\" errors=\"0\">\n"
        if rules.isEmpty {
            output += "    <testcase classname=\"\(name)\" name=\"stackc\"/>\n"
        }
        for rule in rules {
            let diagnostics = findings[rule]!
            let worst = diagnostics.map(\.severity).max()!
            let message = diagnostics.count == 1 ? diagnostics[0].message : "\(diagnostics.count) findings"
            output += "    <testcase classname=\"\(name)\" name=\"\(XML.escape(rule.name))\">\n"
            output += "      <failure type=\"\(worst)\" message=\"\(XML.escape(message))\">"
            output += diagnostics.flatMap(Self.lines).map(XML.escape).joined(separator: "\n")
            output += "</failure>\n    </testcase>\n"
        }
        return output + "  </testsuite>\n"
    }

    public mutating func finish(_ summary: Summary) -> String {
        header() + "</testsuites>\n"
    }

    private mutating func header() -> String {
        guard !started else { return "" }
        started = true
        return XML.declaration + "<testsuites name=\"stackc\">\n"
    }

    /// The finding and its notes, a line each (escaped line by line, so template text cannot add lines).
    private static func lines(_ diagnostic: Diagnostic) -> [String] {
        [position(diagnostic.range) + "\(diagnostic.severity): " + diagnostic.message]
            + diagnostic.notes.map { "  " + position($0.range) + "note: " + $0.message }
    }

    private static func position(_ range: SourceRange?) -> String {
        range.map { "\($0.start.line):\($0.start.column): " } ?? ""
    }
}
