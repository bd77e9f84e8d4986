import ArgumentParser
import Submit

extension Stackc {
    struct Stop: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Stop a deployed aliyun project or service, or an Alauda service.",
            discussion: """
            --wait polls until it is stopped (aliyun projects and services: current_state; Alauda services: target_state STOPPED and is_deploying false), within --timeout.

            Exit status: 0 stopped, 1 refused or absent, 2 usage, 3 unreachable or timed out.

            Example:
              stackc stop --target aliyun-project --name shop --stop-timeout 30 --cert-dir certs/ --endpoint https://master:4243
            """
        )

        @OptionGroup var operation: OperationFlags

        @Option(name: .customLong("stop-timeout"), help: ArgumentHelp("aliyun projects and services: seconds the containers get to stop (t=; the platform's default is 10).", valueName: "seconds"))
        var stopTimeout: Int?

        @OptionGroup var wait: WaitFlags

        func validate() throws {
            if let stopTimeout, stopTimeout < 0 { throw ValidationError("--stop-timeout must be 0 or more seconds") }
        }

        func run() throws {
            try operation.run(.stop) { ($0.arguments.stopTimeout, $0.wait) = (stopTimeout, wait.options) }
        }
    }
}
