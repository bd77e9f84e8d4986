import ArgumentParser
import Driver

extension Stackc {
    struct Graph: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "graph",
            abstract: "Draw the dependency graph of a Compose file or a pod template.",
            discussion: """
            Compose: services and what each starts after (depends_on, links, volumes_from, the aliyun.depends label),
            with external_links and 'container:' volumes as external nodes. Pods: containers and the volumes they
            mount. Edges on a dependency cycle are red. Mermaid renders in GitHub Markdown; DOT feeds graphviz
            (stackc graph compose.yaml --format dot | dot -Tsvg > graph.svg).
            """
        )

        @OptionGroup
        var input: TemplateFlags

        @Option(help: "Output format: mermaid or dot.")
        var format: GraphFormat = .mermaid

        func run() throws {
            try GraphJob(template: input.template, format: format).runOnTerminal()
        }
    }
}

extension GraphFormat: ExpressibleByArgument {}
