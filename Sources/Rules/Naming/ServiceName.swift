import Model

/// A Compose service name Docker Compose refuses.
struct ServiceName: Rule {
    static let description = RuleDescription(
        id: "service-name", severity: .error, kinds: [.compose],
        summary: "Compose service names use only letters, digits, '.', '_' and '-'",
        rationale: """
        Docker Compose accepts a service only under a name matching `^[a-zA-Z0-9._-]+$` (the `services` pattern of the
        Compose schema, the same in the v1 format the aliyun and v2 `composes` APIs take) and refuses the file
        otherwise, so the platform refuses it too. No stricter rule is documented for either platform: the aliyun
        service id is `{project}_{service}` (PLATFORM_API.md §1), which stays unambiguous because a project name
        has no `_`, and the v2 API names a deployed app `<deployment name><app name>` (§5) without stating a rule;
        stackc therefore asks for no more than Compose does. Service names are keys and are never interpolated.
        """,
        triggering: [
            Example("""
            services:
              ↓web app:
                image: nginx
              ↓"api/v2":
                image: api
            """, messages: [
                "service name 'web app' must not contain ' '; use letters, digits, '.', '_' and '-'",
                "service name 'api/v2' must not contain '/'; use letters, digits, '.', '_' and '-'",
            ]),
            Example("""
            ↓"web:1":
              image: nginx
            """, kind: .compose),
        ],
        nonTriggering: [
            Example("""
            services:
              web_1:
                image: nginx
              API.v2-beta:
                image: api
            """),
            Example("""
            c1:
              image: docker.oa.com:8080/public/helloworld
              replicas: 2
            c2:
              image: docker.oa.com:8080/public/helloworld
            """),
        ])

    static let pattern = NamePattern(allowed: NamePattern.alphanumerics.union(NamePattern.characters("._-")), fix: "letters, digits, '.', '_' and '-'")

    func check(_ document: Document, context: inout RuleContext) {
        guard case .compose(let compose) = document else { return }
        for service in compose.services {
            context.checkName(service.name, Self.pattern, what: "service name")
        }
    }
}
