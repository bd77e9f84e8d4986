import Diagnostics
import Reporting
import Submit

/// `stackc trigger URL`: `type` and `step` checked wherever they are written (the flags or the URL) and
/// sent once, then the trigger called within one `--timeout`. The URL's secret is redacted in everything printed.
public struct TriggerJob {
    public var url: String
    public var type: String?
    public var step: String?
    public var format: OutcomeFormat = .text
    public var connection = ConnectionSettings()

    public init(url: String) {
        self.url = url
    }

    public func run(output: CommandOutput) -> CommandResult {
        let deadline = Deadline(seconds: connection.timeout)
        let assembly = TriggerAssembly(url: url, type: type, step: step)
        let report = FileReport(file: .commandLine, diagnostics: assembly.findings)
        var reporter = TextReporter(colors: output.colors)
        output.standardError(reporter.report(report))
        if report.hasErrors { return output.fail("the trigger was not called: fix the errors above", status: 1) }
        let call = TriggerCall(url: assembly.url, scaling: assembly.scaling.flatMap { scaling in
            TriggerCall.Scaling(rawValue: scaling.type).map { ($0, scaling.step) }
        })
        var redactor = Redactor()
        redactor.add(credentialsOf: url)
        return call.send(connection: connection, redactor: redactor, deadline: deadline, format: format, output: output)
    }
}
