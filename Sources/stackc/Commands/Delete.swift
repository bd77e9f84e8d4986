import ArgumentParser
import Submit

extension Stackc {
    struct Delete: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Delete a deployed resource (needs --yes).",
            discussion: """
            A DELETE is repeated after a connection failure or a 429/502/503/504; a 404 after such an attempt counts as deleted (that attempt may have done it). A 404 on the first attempt means it was absent: exit 1, or 0 with --ignore-missing. --dry-run needs no --yes. --wait polls the documented GET until it answers 404, within --timeout.

            Exit status: 0 deleted (or absent with --ignore-missing), 1 absent or refused, 2 usage (no --yes, or a target without a documented delete), 3 unreachable or timed out.

            Examples:
              stackc delete --target aliyun-project --name review-42 --force --volumes --yes --cert-dir certs/ --endpoint https://master:4243
              STACKC_TOKEN=… stackc delete --target v2-compose --project team --name review-42 --yes --ignore-missing --endpoint https://api
            """
        )

        @OptionGroup var operation: OperationFlags

        @OptionGroup var confirm: ConfirmFlag

        @Flag(name: .customLong("ignore-missing"), help: "Exit 0 when the resource does not exist.")
        var ignoreMissing = false

        @Flag(help: "aliyun projects: force=true (delete even when stopping fails).")
        var force = false

        @Flag(help: "aliyun projects: v=true (delete the project's volumes too).")
        var volumes = false

        @OptionGroup var wait: WaitFlags

        func run() throws {
            try operation.run(.delete) { job in
                (job.confirmed, job.ignoreMissing, job.wait) = (confirm.yes, ignoreMissing, wait.options)
                (job.arguments.force, job.arguments.volumes) = (force ? true : nil, volumes ? true : nil)
            }
        }
    }
}
