import Diagnostics
import Model

/// A command or entrypoint string Docker Compose cannot split into words.
struct CommandSyntax: Rule {
    static let description = RuleDescription(
        id: "command-syntax", severity: .error, kinds: [.compose],
        summary: "command and entrypoint strings must split into words: quotes closed, '(' and ')' only in '$( )'",
        rationale: """
        Docker Compose splits a `command` or `entrypoint` written as one string into words with go-shellwords, which
        refuses an unclosed quote, backquote or `$(`, a trailing `\\`, and a bare `(` or `)` ("'services[web].command'
        invalid command line string"); `docker compose config` fails on the file. The split is not a shell: it stops at
        the first unquoted `;`, `&`, `|`, `<` or `>` and drops the rest, so to run a pipeline write
        `["sh", "-c", "…"]`. A list needs no splitting and is not checked.
        """,
        triggering: [
            Example("""
            services:
              web:
                image: nginx
                command: ↓echo "hello
                entrypoint: ↓run (fast)
            """, messages: [
                "command 'echo \"hello' of service 'web' has a \" that is never closed",
                "entrypoint 'run (fast)' of service 'web' has a '(' that opens no '$('; quote it, or escape it as '\\('",
            ]),
            Example("""
            services:
              worker:
                image: app
                command: ↓echo done)
                entrypoint: ↓/run.sh \\
            """, messages: [
                "command 'echo done)' of service 'worker' has a ')' that closes no '$('; quote it, or escape it as '\\)'",
                "entrypoint '/run.sh \\' of service 'worker' ends with a '\\' that escapes nothing",
            ]),
        ],
        nonTriggering: [
            Example("""
            services:
              web:
                image: nginx
                command: sh -c "echo \\"$$(date)\\" && sleep 5"
                entrypoint: ["run", "(fast)"]
              job:
                image: app
                command: echo 'it''s' $$(date) \\(x\\); echo "rest
            """),
            Example("""
            services:
              web:
                image: nginx
                command: "${CMD:-nginx -g 'daemon off;'}"
                entrypoint: "`which nginx`"
            """),
        ])

    func check(_ document: Document, context: inout RuleContext) {
        guard case .compose(let compose) = document else { return }
        for service in compose.services {
            for (key, node) in [("command", service.command), ("entrypoint", service.entrypoint)] {
                guard let node, case .string(let command) = node.resolved,
                      let problem = ComposeSyntax.commandProblem(command) else { continue }
                context.report("\(key) \(node.quotedForFinding) of service '\(service.name.value)' \(problem)", at: node)
            }
        }
    }
}
