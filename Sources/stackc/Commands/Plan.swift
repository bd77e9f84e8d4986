import ArgumentParser
import Driver
import Submit

extension Stackc {
    struct Plan: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "plan",
            abstract: "Show what `submit` would do — create, update, unchanged or blocked — changing nothing.",
            discussion: """
            Takes the arguments of `submit`, builds the same request, reads what is deployed with GET only, and prints what `submit` would do: create it; update it (every changed field with its deployed and new value, secrets masked, the requests that would be sent, and a unified diff of the template text where the body carries one); unchanged (nothing would be sent); or blocked (submit would be refused, and what unblocks it). Targets without a documented GET (v2 podstacks) cannot be compared: plan says the request would be sent. submit makes the same decision from the same answer.

            Exit status: 0 no changes (unchanged), 4 changes (create, update, or a request that cannot be compared), 1 blocked (submit would be refused) or the server refused the lookup, 2 usage or invalid input, 3 the server could not be reached. 4 is plan's own: 1 already means "refused", and a pipeline must tell "something to deploy" from "failure" (like terraform plan -detailed-exitcode).

            Examples:
              stackc plan compose.yaml --target aliyun-project --name shop --version auto --endpoint https://master:4243 --cert-dir certs/
              STACKC_TOKEN=… stackc plan service.yaml --target alauda-service --project team --endpoint https://api --format json
            """
        )

        @OptionGroup
        var submission: SubmissionFlags

        func validate() throws {
            try submission.platform.requireDestination(dryRun: false)
        }

        func run() throws {
            try PlanJob(build: submission.buildJob, submit: submission.submitOptions).run(output: Terminal.commandOutput).finish()
        }
    }
}
