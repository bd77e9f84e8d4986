import ArgumentParser
import Submit

extension Stackc {
    struct Start: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Start a deployed aliyun project or service, Alauda service or v2 application (--app-id).",
            discussion: """
            --wait polls until it is running (aliyun projects and services: current_state; Alauda services: target_state STARTED and is_deploying false), within --timeout.

            Exit status: 0 started, 1 refused or absent, 2 usage, 3 unreachable or timed out.

            Examples:
              stackc start --target aliyun-project --name shop --cert-dir certs/ --endpoint https://master:4243
              STACKC_TOKEN=… stackc start --target v2-application --project team --name web --app-id 42 --endpoint https://api
            """
        )

        @OptionGroup var operation: OperationFlags
        @OptionGroup var wait: WaitFlags

        func run() throws {
            try operation.run(.start) { $0.wait = wait.options }
        }
    }
}
