import Diagnostics
import Testing

/// `FileReport` (one file's findings, sorted, capped) and `Summary` (totals of a run).
struct SummaryTests {
    static func finding(_ severity: Severity, line: Int? = nil, rule: RuleID = "r") -> Diagnostic {
        let range = line.map { SourceRange(at: SourceLocation(line: $0, column: 1, offset: $0)) }
        return Diagnostic(rule: rule, severity: severity, message: "\(severity) at \(line ?? 0)", range: range)
    }

    static func report(_ diagnostics: [Diagnostic]) -> FileReport {
        FileReport(file: SourceFile(path: "t.yaml", text: ""), diagnostics: diagnostics)
    }

    @Test func emptySummary() {
        let summary = Summary()
        #expect(summary.files == 0 && summary.errors == 0 && summary.warnings == 0 && summary.infos == 0)
        #expect(summary.findings == 0)
    }

    @Test func countsFilesAndEachSeverity() {
        var summary = Summary()
        summary.add(Self.report([Self.finding(.error, line: 1), Self.finding(.warning, line: 2), Self.finding(.error, line: 3)]))
        summary.add(Self.report([]))
        summary.add(Self.report([Self.finding(.info), Self.finding(.warning, line: 1)]))
        #expect(summary.files == 3)
        #expect(summary.errors == 2)
        #expect(summary.warnings == 2)
        #expect(summary.infos == 1)
        #expect(summary.findings == 5)
    }

    @Test func notesAreNotFindings() {
        var diagnostic = Self.finding(.error, line: 4)
        diagnostic.notes = [Diagnostic.Note(message: "first defined here", range: nil), Diagnostic.Note(message: "and here", range: nil)]
        var summary = Summary()
        summary.add(Self.report([diagnostic]))
        #expect(summary.errors == 1 && summary.findings == 1)
    }

    @Test func reportSortsAndCounts() {
        let report = Self.report([Self.finding(.warning, line: 5), Self.finding(.error, line: 2), Self.finding(.info)])
        #expect(report.diagnostics.map(\.range?.start.line) == [nil, 2, 5])
        #expect(report.worstSeverity == .error)
        #expect(report.count(of: .warning) == 1)
        #expect(report.count(of: .error) == 1)
        #expect(Self.report([]).worstSeverity == nil)
        #expect(Self.report([Self.finding(.info), Self.finding(.warning)]).worstSeverity == .warning)
    }

    @Test func cappingKeepsTheMostSevereAndCountsTheRest() {
        let findings = [
            Self.finding(.info, line: 1), Self.finding(.warning, line: 2), Self.finding(.error, line: 3),
            Self.finding(.warning, line: 4), Self.finding(.error, line: 5), Self.finding(.info, line: 6),
        ]
        let capped = Self.report(findings).capped(at: 3)
        let kept = capped.diagnostics.filter { $0.rule != .limitExceeded }
        // Both errors, then the earlier warning.
        #expect(kept.map(\.range?.start.line) == [2, 3, 5])
        let notes = capped.diagnostics.filter { $0.rule == .limitExceeded }
        #expect(notes.count == 1)
        #expect(notes.first?.severity == .info)
        #expect(notes.first?.message.hasPrefix("3 more findings in this file are not shown") == true)
        #expect(capped.count(of: .error) == 2, "capping never drops an error before a warning")
    }

    @Test func cappingAtOrAboveTheCountChangesNothing() {
        let findings = [Self.finding(.error, line: 1), Self.finding(.warning, line: 2)]
        #expect(Self.report(findings).capped(at: 2).diagnostics == Self.report(findings).diagnostics)
        #expect(Self.report(findings).capped(at: 5).diagnostics.count == 2)
    }
}
