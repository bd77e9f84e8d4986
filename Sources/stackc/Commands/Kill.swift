import ArgumentParser
import Submit

extension Stackc {
    struct Kill: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Send a signal to every container of a deployed aliyun project or service (needs --yes).",
            discussion: """
            A kill is not repeated after an attempt that may have reached the server (the signal would arrive twice); only a connection that was never made or a 429 is retried.

            Exit status: 0 sent, 1 refused or absent, 2 usage (no --yes, or a target without a documented kill), 3 unreachable, timed out, or an attempt whose outcome is unknown.

            Examples:
              stackc kill --target aliyun-project --name shop --yes --cert-dir certs/ --endpoint https://master:4243
              stackc kill --target aliyun-scale --project shop --name web --signal HUP --yes --cluster-id c1234
            """
        )

        @OptionGroup var operation: OperationFlags

        @Flag(help: "Confirm the kill (required: nothing asks interactively).")
        var yes = false

        @Option(help: ArgumentHelp("The signal to send (signal=; the platform's default is KILL).", valueName: "name"))
        var signal: String?

        func validate() throws {
            if let signal, signal.isEmpty || !signal.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) {
                throw ValidationError("--signal takes a signal name or number such as KILL, SIGTERM, HUP or 9")
            }
        }

        func run() throws {
            try operation.run(.kill) { job in
                (job.confirmed, job.arguments.signal) = (yes, signal)
            }
        }
    }
}
