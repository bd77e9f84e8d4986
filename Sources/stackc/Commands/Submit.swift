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
            aliyun projects: look the project up, create it (201) or update it (202); an unchanged version with the same content is "unchanged" (exit 0). v2 and Alauda: the request is sent as built; the token comes from STACKC_TOKEN or --token-file. A create is repeated only after a lookup shows nothing was created.

            --timeout (default 600 s) bounds the whole command: every connection and request, retries, back-off, a server's Retry-After, and --wait polling. --connect-timeout and --request-timeout bound each attempt within it; a wait longer than what is left ends the command at once (exit 3).

            Exit status: 0 created/updated/unchanged, 1 refused by validation or by the server (4xx), 2 usage, 3 unreachable, timed out, or kept failing after retries.

            Examples:
              stackc submit compose.yaml --target aliyun-project --name shop --version auto --endpoint https://master:4243 --cert-dir certs/ --wait
              stackc submit compose.yaml --target aliyun-project --name shop --cluster-id c1234 --region cn-beijing
              STACKC_TOKEN=… stackc submit pod.yaml --target v2-podstack --project team --name web --endpoint https://api
            """
        )

        @Argument(help: "The template or a stack manifest (or the files of a Compose project with -f).")
        var path: String?

        @OptionGroup
        var project: ProjectFileFlags

        @Option(help: ArgumentHelp("The endpoint to build for (required unless a stack manifest names it).", valueName: "target"))
        var target: TargetID?

        @Flag(help: "aliyun: finish a pending blue-green update (confirm-update) instead of submitting.")
        var confirm = false

        @Flag(help: "aliyun: abandon a pending blue-green update (rollback-update) instead of submitting.")
        var rollback = false

        @Flag(help: "aliyun: after submitting, poll until the project's current state is its desired state (within --timeout).")
        var wait = false

        @Option(name: .customLong("poll-interval"), help: ArgumentHelp("Seconds between polls of --wait.", valueName: "seconds"))
        var pollInterval = 2.0

        @Flag(name: .customLong("dry-run"), help: "Print the request(s) that would be sent (secrets redacted) and send nothing.")
        var dryRun = false

        @Option(help: "text: a summary line; json: one object {action, status, requestId, elapsedMs, …}.")
        var format: OutcomeFormat = .text

        @OptionGroup(title: "Request")
        var requestFlags: RequestFlags

        @OptionGroup(title: "Platform")
        var platform: PlatformFlags

        @OptionGroup(title: "Limits")
        var limitFlags: LimitFlags

        @OptionGroup(title: "Variables")
        var environment: EnvironmentFlags

        func validate() throws {
            _ = try project.template(path: path)
            if confirm && rollback { throw ValidationError("--confirm and --rollback exclude each other") }
            try platform.requireDestination(dryRun: dryRun)
            if pollInterval <= 0 { throw ValidationError("--poll-interval must be positive") }
        }

        func run() throws {
            let build = requestFlags.buildFlags(target: target)
            var options = environment.frontEndOptions()
            options.limits = limitFlags.limits
            var submit = SubmitOptions()
            submit.access = platform.access
            submit.operation = confirm ? .confirm : rollback ? .rollback : .submit
            (submit.wait, submit.pollInterval, submit.dryRun, submit.format) = (wait, pollInterval, dryRun, format)
            let template = try project.template(path: path)
            var buildJob = BuildJob(path: template.path, flags: build, options: options, environment: environment.environmentOptions)
            buildJob.overrides = template.overrides
            let job = SubmitJob(build: buildJob, submit: submit)
            try job.run(output: Terminal.commandOutput).finish()
        }
    }
}
