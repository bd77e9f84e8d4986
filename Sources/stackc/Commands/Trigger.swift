import ArgumentParser
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

        @Option(help: "scale_out or scale_in (a scaling trigger); without it, a redeploy.")
        var type: TriggerCall.Scaling?

        @Option(help: "How many containers to add or remove, 1–100.")
        var step: Int?

        @Option(help: "text: a summary line; json: one object {action, status, requestId, elapsedMs, …}.")
        var format: OutputFormat = .text

        @OptionGroup(title: "Connection")
        var connection: ConnectionFlags

        func validate() throws {
            if !url.hasPrefix("https://") && !url.hasPrefix("http://") { throw ValidationError("the trigger must be an https:// URL") }
            if let step, !(1...100).contains(step) { throw ValidationError("--step must be 1–100, got \(step)") }
            if (type == nil) != (step == nil) { throw ValidationError("--type and --step go together (a scaling trigger needs both)") }
        }

        func run() throws {
            let call = TriggerCall(url: url, scaling: type.map { ($0, step ?? 1) })
            connection.warnIfInsecure(endpoint: call.parts.endpoint)
            let session = connection.session(endpoint: call.parts.endpoint, headers: [], redactor: Redactor())
            try finish(call.run(session), format: format)
        }
    }
}

extension TriggerCall.Scaling: ExpressibleByArgument {}
