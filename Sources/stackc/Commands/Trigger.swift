import ArgumentParser
import Diagnostics
import Driver
import Reporting
import Submit

extension Stackc {
    struct Trigger: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "trigger",
            abstract: "Call an aliyun redeploy or scaling trigger URL (its secret is redacted in all output).",
            discussion: """
            Exit status: 0 triggered, 1 refused (4xx, e.g. a wrong secret), 2 usage, 3 unreachable.

            Examples:
              stackc trigger "$REDEPLOY_TRIGGER"
              stackc trigger "$SCALE_TRIGGER" --type scale_out --step 2
            """
        )

        @Argument(help: "The trigger URL (https://…/hook/trigger?triggerUrl=…&secret=…).")
        var url: String

        @Option(help: ArgumentHelp("scale_out or scale_in (a scaling trigger); without it and without type= in the URL, a redeploy.", valueName: "type"))
        var type: String?

        @Option(help: ArgumentHelp("How many containers to add or remove, 1–100.", valueName: "n"))
        var step: String?

        @Option(help: "text: a summary line; json: one object {action, status, requestId, elapsedMs, …}.")
        var format: OutputFormat = .text

        @OptionGroup(title: "Connection")
        var connection: ConnectionFlags

        func validate() throws {
            do {
                _ = try EndpointURL(url, role: "the trigger URL")
            } catch {
                throw ValidationError(error.description)
            }
        }

        func run() throws {
            // type and step are checked wherever they are written, the flags or the URL, and sent once.
            let assembly = TriggerAssembly(url: url, type: type, step: step)
            let report = FileReport(file: .commandLine, diagnostics: assembly.findings)
            var reporter = TextReporter(colors: Terminal.wantsColor(stdoutDescriptor: Terminal.standardError))
            Terminal.write(reporter.report(report), to: Terminal.standardError)
            if report.hasErrors {
                Terminal.write("stackc: the trigger was not called: fix the errors above\n", to: Terminal.standardError)
                throw ExitCode(1)
            }
            let call = TriggerCall(url: assembly.url, scaling: assembly.scaling.flatMap { scaling in
                TriggerCall.Scaling(rawValue: scaling.type).map { ($0, scaling.step) }
            })
            var redactor = Redactor()
            redactor.add(credentialsOf: url)
            connection.warnIfInsecure()
            try connection.checkTransport(EndpointURL(call.parts.endpoint, role: "the trigger URL"), role: "the trigger URL", carrying: "the trigger's secret")
            let session = connection.session(endpoint: call.parts.endpoint, headers: [], redactor: redactor, redirectHint: TriggerCall.redirectHint)
            try finish(call.run(session), format: format, redactor: redactor)
        }
    }
}
