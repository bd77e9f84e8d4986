import ArgumentParser
import Submit

extension Stackc {
    struct Scale: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Set the number of containers of a deployed service.",
            discussion: """
            aliyun: --target aliyun-scale --project P --name S scales the service P_S with the body `build --target aliyun-scale` makes from a template ({"type": "scale_to", "value": N}). Scaling to a count is repeated freely after a failure: a second attempt leaves the same count.

            Exit status: 0 scaled, 1 refused or absent, 2 usage (a target without a documented scale), 3 unreachable or timed out.

            Example:
              stackc scale --target aliyun-scale --project shop --name web --replicas 3 --cert-dir certs/ --endpoint https://master:4243
            """
        )

        @OptionGroup var operation: OperationFlags

        @Option(help: "The number of containers to run.")
        var replicas: Int

        func validate() throws {
            if replicas < 0 { throw ValidationError("--replicas must be 0 or more") }
        }

        func run() throws {
            try operation.run(.scale) { $0.arguments.replicas = replicas }
        }
    }
}
