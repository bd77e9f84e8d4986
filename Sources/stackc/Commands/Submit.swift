import ArgumentParser
import Driver
import Model
import Submit

extension Stackc {
    struct Submit: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "submit",
            abstract: "Build a template's request and send it: create-or-update, safe to re-run.",
            discussion: """
            Create-or-update, safe to re-run, wherever a documented GET shows what is deployed (aliyun projects and volumes, Alauda services, v2 applications, configmaps, secrets and composes): look it up, create it when absent, send its documented update when it differs, send nothing when it is deployed as the template says ("unchanged", exit 0), and refuse (exit 1) what no documented update can change. `stackc plan` shows which, changing nothing. v2 podstacks have no documented GET: the request is sent as built. The token comes from STACKC_TOKEN or --token-file. A create is repeated only after a lookup shows nothing was created.

            --timeout (default 600 s) bounds the whole command: every connection and request, retries, back-off, a server's Retry-After, and --wait polling. --connect-timeout and --request-timeout bound each attempt within it; a wait longer than what is left ends the command at once (exit 3).

            Exit status: 0 created/updated/unchanged, 1 refused by validation or by the server (4xx), 2 usage, 3 unreachable, timed out, or kept failing after retries.

            Examples:
              stackc submit compose.yaml --target aliyun-project --name shop --version auto --endpoint https://master:4243 --cert-dir certs/ --wait
              stackc submit compose.yaml --target aliyun-project --name shop --cluster-id c1234 --region cn-beijing
              STACKC_TOKEN=… stackc submit pod.yaml --target v2-podstack --project team --name web --endpoint https://api
            """
        )

        @OptionGroup
        var submission: SubmissionFlags

        @Flag(help: "aliyun: finish a pending blue-green update (confirm-update) instead of submitting.")
        var confirm = false

        @Flag(name: .customLong("keep-route-weights"), help: "aliyun, with --confirm: leave the route weights as set (force=false) instead of giving the new version 100 %.")
        var keepRouteWeights = false

        @Flag(help: "aliyun: abandon a pending blue-green update (rollback-update) instead of submitting.")
        var rollback = false

        @Flag(help: "aliyun: after submitting, poll until the project's current state is its desired state (within --timeout).")
        var wait = false

        @Option(name: .customLong("poll-interval"), help: ArgumentHelp("Seconds between polls of --wait.", valueName: "seconds"))
        var pollInterval = 2.0

        @Flag(name: .customLong("dry-run"), help: "Print the request(s) that would be sent (secrets redacted) and send nothing.")
        var dryRun = false

        func validate() throws {
            if confirm && rollback { throw ValidationError("--confirm and --rollback exclude each other") }
            if keepRouteWeights && !confirm { throw ValidationError("--keep-route-weights goes with --confirm (it is confirm-update's force=false)") }
            try submission.platform.requireDestination(dryRun: dryRun)
            if pollInterval <= 0 { throw ValidationError("--poll-interval must be positive") }
        }

        func run() throws {
            var submit = submission.submitOptions
            submit.operation = confirm ? .confirm(keepRouteWeights: keepRouteWeights) : rollback ? .rollback : .submit
            (submit.wait, submit.pollInterval, submit.dryRun) = (wait, pollInterval, dryRun)
            try SubmitJob(build: try submission.buildJob, submit: submit).run(output: Terminal.commandOutput).finish()
        }
    }
}
