import ArgumentParser
import Submit

extension Stackc {
    struct Rollout: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Roll a deployed v2 application out to a new image (灰度升级).",
            discussion: """
            v2 applications: POST …/rollout with {"image": IMAGE}. Repeated after a connection failure or a 429/502/503/504: asking for the same image twice asks for one rollout.

            Exit status: 0 rolled out, 1 refused or absent, 2 usage, 3 unreachable or timed out.

            Example:
              STACKC_TOKEN=… stackc rollout --target v2-application --project team --name web --image registry/team/web:2.1 --endpoint https://api
            """
        )

        @OptionGroup var operation: OperationFlags

        @Option(help: ArgumentHelp("The new image, name:tag.", valueName: "image"))
        var image: String

        @OptionGroup var wait: WaitFlags

        func run() throws {
            try operation.run(.rollout) { ($0.arguments.image, $0.wait) = (image, wait.options) }
        }
    }
}
