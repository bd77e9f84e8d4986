import Diagnostics
import Reporting

/// A whole `lint` run: discover inputs, lint them in parallel, stream the reports in input order and
/// compute the exit status. The executable only parses flags and calls this, so the whole run is
/// testable in-process.
public struct LintJob {
    public var paths: [String]
    public var options: LintOptions
    public var format: ReportFormat
    public var colors: Bool
    public var strict: Bool
    public var jobs: Int

    public init(paths: [String], options: LintOptions, format: ReportFormat, colors: Bool, strict: Bool, jobs: Int) {
        self.paths = paths
        self.options = options
        self.format = format
        self.colors = colors
        self.strict = strict
        self.jobs = jobs
    }

    /// Runs the job; `output` receives report text in order, `errors` the human summary and problems.
    public func run(output: (String) -> Void, errors: (String) -> Void) -> ExitStatus {
        let discovery = InputDiscovery.discover(paths)
        var inputFailed = false
        for problem in discovery.problems {
            errors("stackc: \(problem.path): \(problem.message)\n")
            inputFailed = true
        }
        var reporter = format.makeReporter(colors: colors)
        var summary = Summary()
        var filesWithFindings = 0
        let inputs = discovery.inputs
        let options = options
        orderedParallelForEach(count: inputs.count, jobs: jobs, work: { index in
            LintPipeline.lint(inputs[index], options: options)
        }, deliver: { outcome in
            inputFailed = inputFailed || outcome.inputFailed
            summary.add(outcome.report)
            if !outcome.report.diagnostics.isEmpty { filesWithFindings += 1 }
            let text = reporter.report(outcome.report)
            if !text.isEmpty { output(text) }
        })
        let tail = reporter.finish(summary)
        if !tail.isEmpty { output(tail) }
        if summary.findings > 0 {
            errors(TextReporter.summaryLine(summary, filesWithFindings: filesWithFindings) + "\n")
        }
        return ExitStatus.forLint(summary: summary, strict: strict, inputFailed: inputFailed)
    }
}
