import ArgumentParser
import Submit

extension Stackc {
    struct Kill: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Kill a deployed v2 application's running instances (needs --yes).",
            discussion: """
            v2 applications: POST …/kill?app_id= (without --app-id the running app). Repeated after a connection failure or a 429/502/503/504: killing twice leaves the same state.

            Exit status: 0 killed, 1 refused or absent, 2 usage (no --yes, or a target without a documented kill), 3 unreachable or timed out.

            Example:
              STACKC_TOKEN=… stackc kill --target v2-application --project team --name web --yes --endpoint https://api
            """
        )

        @OptionGroup var operation: OperationFlags
        @OptionGroup var confirm: ConfirmFlag

        func run() throws {
            try operation.run(.kill) { $0.confirmed = confirm.yes }
        }
    }
}
