import ArgumentParser
import Driver

extension Stackc {
    struct Render: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print a template after variable substitution.",
            discussion: """
            Like `docker compose config` without normalisation: keys stay in source order, anchors and merge
            keys are expanded, and each scalar keeps its quoting. Problems go to stderr; on an error nothing
            is printed and the exit status is 1.
            """
        )

        @Argument(help: "The template, or '-' for standard input.")
        var path: String

        @Option(help: "Output format: yaml or json.")
        var format: RenderFormat = .yaml

        @Flag(name: .customLong("show-secrets"), help: "Print values of secret-looking variables (PASSWORD, TOKEN, KEY …) and secret data instead of ${NAME} and <hidden>.")
        var showSecrets = false

        @OptionGroup(title: "Limits")
        var limitFlags: LimitFlags

        @OptionGroup(title: "Variables")
        var variables: EnvironmentFlags

        func run() throws {
            var options = variables.frontEndOptions()
            options.limits = limitFlags.limits
            var job = RenderJob(path: path, format: format, options: options, environment: variables.environmentOptions)
            job.showSecrets = showSecrets
            let status = job.run(output: { Terminal.write($0, to: Terminal.standardOutput) },
                                 errors: { Terminal.write($0, to: Terminal.standardError) },
                                 colors: Terminal.wantsColor(stdoutDescriptor: Terminal.standardError))
            if status != .success { throw ExitCode(status.rawValue) }
        }
    }
}

extension RenderFormat: ExpressibleByArgument {}
