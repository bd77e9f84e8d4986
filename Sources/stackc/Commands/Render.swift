import ArgumentParser
import Driver

extension Stackc {
    struct Render: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "render",
            abstract: "Print a template after variable substitution.",
            discussion: """
            Like `docker compose config` without normalisation: keys stay in source order, anchors and merge
            keys are expanded, and each scalar keeps its quoting. The template is checked as `stackc lint`
            checks it (syntax, variables and env files, kind, schema, rules, the file's suppressions; no
            .stackc.yaml): findings go to stderr, warnings do not stop the output, and on an error nothing
            is printed and the exit status is 1. --no-validate skips the kind, schema and rule checks;
            syntax, variable and env-file errors still stop the output, as there is no faithful text to print.
            Secret-looking variables print as ${NAME} and secret data as <hidden> unless --show-secrets is given.
            """
        )

        @OptionGroup
        var input: TemplateFlags

        @Option(help: "Output format: yaml or json.")
        var format: RenderFormat = .yaml

        @Flag(name: .customLong("show-secrets"), help: "Print values of secret-looking variables (PASSWORD, TOKEN, KEY …) and secret data instead of ${NAME} and <hidden>.")
        var showSecrets = false

        @Flag(name: .customLong("no-validate"), help: "Skip the kind, schema and rule checks; syntax, variable and env-file errors still stop the output.")
        var noValidate = false

        func run() throws {
            var job = RenderJob(template: input.template, format: format)
            job.showSecrets = showSecrets
            job.validate = !noValidate
            try job.runOnTerminal()
        }
    }
}

extension RenderFormat: ExpressibleByArgument {}
