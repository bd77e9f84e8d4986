import ArgumentParser
import Submit

extension Stackc {
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List deployed resources of a target (aliyun projects, services and volumes, Alauda services).",
            discussion: """
            aliyun projects and services (aliyun-scale): --name filters (q=); --services (projects) and --containers include them.

            Exit status: 0 listed, 1 the server refused, 2 usage (a target without a documented list), 3 unreachable or timed out.

            Examples:
              stackc list --target aliyun-project --services --cert-dir certs/ --endpoint https://master:4243
              STACKC_TOKEN=… stackc list --target alauda-service --project team --endpoint https://api --format json
            """
        )

        @OptionGroup var operation: OperationFlags

        @Flag(inversion: .prefixedNo, help: "aliyun projects: include (or leave out) each project's services (services=).")
        var services: Bool?

        @Flag(inversion: .prefixedNo, help: "aliyun projects and services: include (or leave out) the containers (containers=).")
        var containers: Bool?

        func run() throws {
            try operation.run(.list) { ($0.arguments.services, $0.arguments.containers) = (services, containers) }
        }
    }
}
