import Diagnostics
import Model

/// A healthcheck test list that does not say how to run it.
struct HealthcheckTest: Rule {
    static let description = RuleDescription(
        id: "healthcheck-test", severity: .error, kinds: [.compose],
        summary: "a healthcheck test list starts with CMD, CMD-SHELL or NONE",
        rationale: """
        In the list form of `healthcheck.test` the first item says how the rest is run: `CMD` runs it as a command,
        `CMD-SHELL` runs one string with the container's shell, `NONE` disables the image's healthcheck. Docker Compose
        refuses any other first item ("healthcheck.test must start either by \\"CMD\\", \\"CMD-SHELL\\" or \\"NONE\\""),
        exactly as written (`cmd` is refused too). A string is run with the shell and needs no prefix; an empty list
        is accepted.
        """,
        triggering: [
            Example("""
            services:
              api:
                image: app
                healthcheck:
                  test: [↓"CMD SHELL", "curl -f localhost"]
            """, messages: [
                "healthcheck.test of service 'api' starts with 'CMD SHELL'; start the list with CMD (run the rest as a command), CMD-SHELL (run one shell string) or NONE, such as [CMD, CMD SHELL, curl -f localhost]",
            ]),
            Example("""
            services:
              web:
                image: nginx
                healthcheck:
                  test: [↓curl, -f, http://localhost]
              db:
                image: postgres
                healthcheck: {test: [↓cmd, pg_isready]}
            """, messages: [
                "healthcheck.test of service 'web' starts with 'curl'; start the list with CMD (run the rest as a command), CMD-SHELL (run one shell string) or NONE, such as [CMD, curl, -f, http://localhost]",
                "healthcheck.test of service 'db' starts with 'cmd'; start the list with CMD (run the rest as a command), CMD-SHELL (run one shell string) or NONE, such as [CMD, cmd, pg_isready]",
            ]),
        ],
        nonTriggering: [
            Example("""
            services:
              web:
                image: nginx
                healthcheck: {test: [CMD, curl, -f, http://localhost]}
              db:
                image: postgres
                healthcheck: {test: "pg_isready -U postgres"}
              cache:
                image: redis
                healthcheck: {test: [CMD-SHELL, "redis-cli ping || exit 1"]}
              off:
                image: app
                healthcheck: {test: [NONE]}
              empty:
                image: app
                healthcheck: {test: []}
            """),
            Example("""
            services:
              web:
                image: nginx
                healthcheck: {test: ["${PROBE:-CMD}", curl, localhost]}
            """),
        ])

    static let prefixes: Set<String> = ["CMD", "CMD-SHELL", "NONE"]

    func check(_ document: Document, context: inout RuleContext) {
        guard case .compose(let compose) = document else { return }
        for service in compose.services {
            guard let test = service.healthcheck?.test, test.isSequence, let first = test.items.first,
                  case .string(let prefix) = first.resolved, !Self.prefixes.contains(prefix) else { continue }
            let example = "[CMD, " + test.items.map(\.text).joined(separator: ", ") + "]"
            context.report("healthcheck.test of service '\(service.name.value)' starts with \(first.quotedForFinding); start the list with CMD "
                           + "(run the rest as a command), CMD-SHELL (run one shell string) or NONE, such as \(excerpt(example))", at: first)
        }
    }
}
