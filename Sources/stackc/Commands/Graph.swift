import ArgumentParser
import Driver

extension Stackc {
    struct Graph: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Draw the dependency graph of a Compose file or a pod template.",
            discussion: """
            Compose: services and what each starts after (depends_on, links, volumes_from, the aliyun.depends label),
            with external_links and 'container:' volumes as external nodes. Pods: containers and the volumes they
            mount. Edges on a dependency cycle are red. Mermaid renders in GitHub Markdown; DOT feeds graphviz
            (stackc graph compose.yaml --format dot | dot -Tsvg > graph.svg).
            """
        )

        @Argument(help: "The template, or '-' for standard input.")
        var path: String

        @Option(help: "Output format: mermaid or dot.")
        var format: GraphFormat = .mermaid

        @OptionGroup(title: "Limits")
        var limitFlags: LimitFlags

        @OptionGroup(title: "Variables")
        var variables: EnvironmentFlags

        func run() throws {
            var options = variables.frontEndOptions()
            options.limits = limitFlags.limits
            let job = GraphJob(path: path, format: format, options: options, environment: variables.environmentOptions)
            let status = job.run(output: { Terminal.write($0, to: Terminal.standardOutput) },
                                 errors: { Terminal.write($0, to: Terminal.standardError) },
                                 colors: Terminal.wantsColor(stdoutDescriptor: Terminal.standardError))
            if status != .success { throw ExitCode(status.rawValue) }
        }
    }
}

extension GraphFormat: ExpressibleByArgument {}
