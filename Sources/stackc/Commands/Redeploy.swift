import ArgumentParser
import Submit

extension Stackc {
    struct Redeploy: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Redeploy a deployed aliyun project (its containers recreated from the current template).",
            discussion: """
            A redeploy is not repeated after an attempt that may have reached the server (it would redeploy twice); only a connection that was never made or a 429 is retried. --wait polls the project until it is running again.

            Exit status: 0 redeployed, 1 refused or absent (or --wait saw it fail), 2 usage, 3 unreachable, timed out, or an attempt whose outcome is unknown.

            Example:
              stackc redeploy --target aliyun-project --name shop --wait --timeout 300 --cert-dir certs/ --endpoint https://master:4243
            """
        )

        @OptionGroup var operation: OperationFlags

        @OptionGroup var wait: WaitFlags

        func run() throws {
            try operation.run(.redeploy) { $0.wait = wait.options }
        }
    }
}
