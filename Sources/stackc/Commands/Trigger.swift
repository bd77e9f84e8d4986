import ArgumentParser
import Driver
import Submit

extension Stackc {
    struct Trigger: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "trigger",
            abstract: "Call an aliyun redeploy or scaling trigger URL (its secret is redacted in all output).",
            discussion: """
            --timeout (default 600 s) bounds the whole call, retries and waits included.

            Exit status: 0 triggered, 1 refused (4xx, e.g. a wrong secret), 2 usage, 3 unreachable or timed out.

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
        var format: OutcomeFormat = .text

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
            var job = TriggerJob(url: url)
            (job.type, job.step, job.format, job.connection) = (type, step, format, connection.settings)
            try job.run(output: Terminal.commandOutput).finish()
        }
    }
}
