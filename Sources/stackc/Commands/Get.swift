import ArgumentParser
import Submit

extension Stackc {
    struct Get: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show one deployed resource (secret values masked).",
            discussion: """
            Exit status: 0 shown, 1 it does not exist or the server refused, 2 usage (a target without a documented get), 3 unreachable or timed out.

            Examples:
              stackc get --target aliyun-project --name shop --cert-dir certs/ --endpoint https://master:4243
              STACKC_TOKEN=… stackc get --target v2-secret --project team --name db --endpoint https://api --format json
              STACKC_TOKEN=… stackc get --target v2-configmap --project team --name app-config --key-name LOG_LEVEL --endpoint https://api
              STACKC_TOKEN=… stackc get --target v2-cinder-volume --project team --volume-id 3f2a --endpoint https://api
            """
        )

        @OptionGroup var operation: OperationFlags

        func run() throws {
            try operation.run(.get)
        }
    }
}
