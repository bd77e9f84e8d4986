import ArgumentParser
import Submit

extension Stackc {
    struct Start: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Start a deployed aliyun project or Alauda service.",
            discussion: """
            Exit status: 0 started, 1 refused or absent, 2 usage, 3 unreachable or timed out.

            Example:
              stackc start --target aliyun-project --name shop --cert-dir certs/ --endpoint https://master:4243
            """
        )

        @OptionGroup var operation: OperationFlags

        func run() throws {
            try operation.run(.start)
        }
    }
}
