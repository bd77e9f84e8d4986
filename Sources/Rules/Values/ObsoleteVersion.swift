import Diagnostics
import Model

/// The top-level `version` of a Compose file, which Docker Compose v2 ignores and warns about.
struct ObsoleteVersion: Rule {
    static let description = RuleDescription(
        id: "obsolete-version", severity: .warning, kinds: [.compose],
        summary: "the top-level 'version' is obsolete: Docker Compose ignores it",
        rationale: """
        The Compose Specification made `version` informative only, and Docker Compose v2 ignores it: `docker compose \
        config` (v2.40) prints "the attribute `version` is obsolete, it will be ignored, please remove it to avoid \
        potential confusion" for any string value, and a file's features never depend on it — `version: "2"` does not \
        stop a v3 key from being read, nor `version: "3"` a v2 one. The confusion is real: a reader takes the number \
        for the set of keys allowed. stackc reports it as Compose does, as a warning and never an error (Compose still \
        loads the file); a value that is not a string is the schema check's error. Compose 1.x, which the aliyun, v2 \
        and Alauda platforms run, needs `version: '2'` to read `services:` at all, so the rule is silent when a \
        platform is targeted (`lint --target`).
        """,
        triggering: [
            Example("""
            ↓version: "3.8"
            services:
              web:
                image: nginx
            """, messages: ["the attribute 'version' is obsolete: Docker Compose ignores it (and warns); remove it to avoid confusion"]),
            Example("""
            ↓version: ""
            services: {web: {image: nginx}}
            """),
        ],
        nonTriggering: [
            Example("""
            services:
              web:
                image: nginx
            """),
            Example("""
            version: '2'
            services:
              web:
                image: nginx
                labels: {aliyun.scale: "2"}
            """, platform: .aliyun),
            Example("""
            services:
              web:
                image: nginx
                labels: {version: "3.8"}
            x-version: "1"
            """),
        ])

    func check(_ document: Document, context: inout RuleContext) {
        // The keyed lookup first: the list of entries (for the key's position) is built only for a file that has it.
        guard context.platform == nil, case .compose(let compose) = document, compose.layout == .services,
              let value = compose.version, case .string = value.resolved, let key = compose.versionKey else { return }
        context.report("the attribute 'version' is obsolete: Docker Compose ignores it (and warns); remove it to avoid confusion", at: key)
    }
}
