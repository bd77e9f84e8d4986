import Diagnostics

/// Which findings a run reports and counts: `--quiet` keeps errors only, a baseline hides the findings
/// it records, and `--write-baseline` records every finding and reports none (adopting them all).
struct FindingSelection {
    private let errorsOnly: Bool
    private var baseline: Baseline?
    private let writePath: String?
    private var recorded = Baseline()
    private let workingDirectory: String

    init(_ options: LintReportOptions) {
        errorsOnly = options.errorsOnly
        baseline = options.baseline
        writePath = options.writeBaseline
        workingDirectory = options.workingDirectory
    }

    mutating func select(_ report: FileReport) -> FileReport {
        if writePath != nil {
            recorded.record(report, workingDirectory: workingDirectory)
            return report.diagnostics.isEmpty ? report : FileReport(file: report.file, diagnostics: [])
        }
        var report = report
        if errorsOnly, report.diagnostics.contains(where: { $0.severity != .error }) {
            report = FileReport(file: report.file, diagnostics: report.diagnostics.filter { $0.severity == .error })
        }
        return baseline?.hiding(in: report, workingDirectory: workingDirectory) ?? report
    }

    /// Writes the recorded baseline, if asked: a line for the user, or the problem that stopped it.
    func finish() -> (note: String?, problem: String?) {
        guard let writePath else { return (nil, nil) }
        do {
            try AtomicFile.write(recorded.rendered(), to: writePath)
            return ("wrote \(writePath): \(recorded.findingCount) findings adopted", nil)
        } catch {
            return (nil, error.description)
        }
    }
}
