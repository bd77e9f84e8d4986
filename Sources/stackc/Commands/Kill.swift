import ArgumentParser
import Submit

extension Stackc {
    struct Kill: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Kill a deployed aliyun project or service (a signal to every container) or a v2 application's running instances (needs --yes).",
            discussion: """
            aliyun: POST …/kill?signal= (the platform's default is KILL). It is not repeated after an attempt that may have reached the server (the signal would arrive twice); only a connection that was never made or a 429 is retried.
            v2 applications: POST …/kill?app_id= (without --app-id the running app). Repeated after a connection failure or a 429/502/503/504: killing twice leaves the same state.

            Exit status: 0 sent, 1 refused or absent, 2 usage (no --yes, or a target without a documented kill), 3 unreachable, timed out, or an attempt whose outcome is unknown.

            Examples:
              stackc kill --target aliyun-project --name shop --yes --cert-dir certs/ --endpoint https://master:4243
              stackc kill --target aliyun-scale --project shop --name web --signal HUP --yes --cluster-id c1234
              STACKC_TOKEN=… stackc kill --target v2-application --project team --name web --yes --endpoint https://api
            """
        )

        @OptionGroup var operation: OperationFlags
        @OptionGroup var confirm: ConfirmFlag

        @Option(help: ArgumentHelp("aliyun: the signal to send (signal=; the platform's default is KILL).", valueName: "name"))
        var signal: String?

        func validate() throws {
            if let signal, signal.isEmpty || !signal.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) {
                throw ValidationError("--signal takes a signal name or number such as KILL, SIGTERM, HUP or 9")
            }
        }

        func run() throws {
            try operation.run(.kill) { job in
                (job.confirmed, job.arguments.signal) = (confirm.yes, signal)
            }
        }
    }
}
