import ArgumentParser
import Driver

extension Stackc {
    struct Render: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "render",
            abstract: "Print a template after variable substitution.",
            discussion: """
            Like `docker compose config` without normalisation: keys stay in source order, anchors and merge
            keys are expanded, and each scalar keeps its quoting. Problems go to stderr; on an error nothing
            is printed and the exit status is 1. Secret-looking variables print as ${NAME} and secret data as
            <hidden> unless --show-secrets is given.
            """
        )

        @OptionGroup
        var input: TemplateFlags

        @Option(help: "Output format: yaml or json.")
        var format: RenderFormat = .yaml

        @Flag(name: .customLong("show-secrets"), help: "Print values of secret-looking variables (PASSWORD, TOKEN, KEY …) and secret data instead of ${NAME} and <hidden>.")
        var showSecrets = false

        func run() throws {
            var job = RenderJob(template: input.template, format: format)
            job.showSecrets = showSecrets
            try job.runOnTerminal()
        }
    }
}

extension RenderFormat: ExpressibleByArgument {}
