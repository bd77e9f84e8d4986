import Diagnostics
import Reporting

/// Small builders for the reporter tests.
enum Fixture {
    /// Everything a reporter writes for these reports, as the driver would run it: each file in turn,
    /// then the end with the summary of them all.
    static func output(of reporter: some Reporter, for reports: [FileReport]) -> String {
        var reporter = reporter
        var summary = Summary()
        var streamed = ""
        for report in reports {
            summary.add(report)
            streamed += reporter.report(report)
        }
        return streamed + reporter.finish(summary)
    }

    static func location(_ line: Int, _ column: Int) -> SourceLocation {
        SourceLocation(line: line, column: column, offset: 0)
    }

    static func range(_ line: Int, _ column: Int, _ endLine: Int, _ endColumn: Int) -> SourceRange {
        SourceRange(start: location(line, column), end: location(endLine, endColumn))
    }

    static func report(_ path: String, _ diagnostics: [Diagnostic]) -> FileReport {
        FileReport(file: SourceFile(path: path, text: ""), diagnostics: diagnostics)
    }

    static let portRange = Diagnostic(
        rule: "port-range", severity: .error, message: "port 70000 is out of range 1–65535",
        range: range(12, 7, 12, 18), path: NodePath([.key("services"), .key("web"), .key("ports"), .index(0)]))

    static let duplicateKey = Diagnostic(
        rule: .duplicateKey, severity: .error, message: "duplicate key 'image'",
        range: range(4, 3, 4, 8), path: NodePath([.key("web"), .key("image")]),
        notes: [Diagnostic.Note(message: "first defined here", range: range(3, 3, 3, 8))])

    static let unreadable = Diagnostic(
        rule: .unreadableInput, severity: .error, message: "cannot read: Permission denied", range: nil)

    static let unsetWarning = Diagnostic(
        rule: "unset-variable", severity: .warning, message: "variable 'TAG' is not set", range: range(2, 12, 2, 18),
        path: NodePath([.key("labels"), .key("aliyun.scale")]))

    static let kindInfo = Diagnostic(
        rule: "unknown-kind", severity: .info, message: "not a template", range: range(1, 1, 1, 4))

    /// A file with non-ASCII text before a fixable key on one line ('é' is two bytes, '😀' four), and
    /// the finding with its fix: the key `restrat`, bytes 35–42 of the file, is at columns 22–29 of
    /// line 2 counted in code points and 26–33 counted in UTF-8 bytes.
    static let fixableFile = SourceFile(path: "/work/repo/a.yaml", text: "services:\n  web: {command: é😀, restrat: always}\n")
    static let fixable = Diagnostic(
        rule: "unknown-field", severity: .error, message: "unknown key 'restrat'", range: SourceRange(start: fixableFile.location(ofByte: 35), end: fixableFile.location(ofByte: 42)),
        fix: Fix(title: "rename key 'restrat' to 'restart'", edits: [Fix.Edit(range: 35..<42, replacement: "restart")]))
}
