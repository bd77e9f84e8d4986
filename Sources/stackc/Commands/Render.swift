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

            --normalize prints a Compose project as `docker compose config --format json` prints it (long syntax,
            defaults, absolute paths, `$` as `$$`); --services, --images, --volumes, --profiles and --variables
            print Compose's listings.
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

        @Flag(exclusivity: .exclusive)
        var composeView: ComposeConfigView?

        func run() throws {
            var job = RenderJob(template: input.template, format: format)
            job.showSecrets = showSecrets
            job.validate = !noValidate
            job.composeView = composeView
            try job.runOnTerminal()
        }
    }
}

extension RenderFormat: ExpressibleByArgument {}

extension ComposeConfigView: EnumerableFlag {
    public static func help(for value: ComposeConfigView) -> ArgumentHelp? {
        switch value {
        case .normalize: "Print the Compose project as `docker compose config --format json` prints it."
        case .services: "List the active services, each after those it depends on."
        case .images: "List the image of each active service (PROJECT-SERVICE for one that is only built)."
        case .volumes: "List the named volumes the active services use."
        case .profiles: "List the profiles the services name."
        case .variables: "Print the table of variables the file uses, with their defaults."
        }
    }
}
