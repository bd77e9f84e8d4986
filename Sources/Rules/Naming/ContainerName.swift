import Diagnostics
import Model

/// A container name Kubernetes or Docker refuses.
struct ContainerName: Rule {
    static let description = RuleDescription(
        id: "container-name", severity: .error, kinds: [.pod, .compose],
        summary: "pod container names are DNS labels; Compose container_name must be a valid Docker container name",
        rationale: """
        A pod template's containers follow Kubernetes' pod spec (PLATFORM_API.md §5): a container `name` is a DNS label,
        at most 63 lower-case letters, digits and `-`, starting and ending with a letter or digit, and the API server
        refuses anything else. A Compose `container_name` becomes the Docker container's name, which the Docker daemon
        accepts only when it matches `[a-zA-Z0-9][a-zA-Z0-9_.-]+` — so at least two characters; Compose's own schema
        checks less, and the error then comes when the container is created on the platform. A name written with a
        variable is checked only when no unset variable can explain the problem.
        """,
        triggering: [
            Example("""
            containers:
              - name: ↓MySQL
                image: mysql
              - name: ↓web-
                image: nginx
            """, messages: [
                "container name 'MySQL' must not contain 'M'; use at most 63 of a–z 0–9 -, starting and ending with a letter or digit",
                "container name 'web-' must not end with '-'; use at most 63 of a–z 0–9 -, starting and ending with a letter or digit",
            ]),
            Example("""
            services:
              web:
                image: nginx
                container_name: ↓_web
              db:
                image: mysql
                container_name: ↓d
            """, messages: [
                "container_name '_web' of service 'web' must not start with '_'; use a letter or digit, then letters, digits, '_', '.' or '-' (2 characters or more)",
                "container_name 'd' of service 'db' is too short: 1 character, at least 2 needed; use a letter or digit, then letters, digits, '_', '.' or '-' (2 characters or more)",
            ]),
            Example("""
            services:
              web:
                image: nginx
                container_name: ↓${WEB_CONTAINER}
            """, messages: [
                "container_name of service 'web', written ${WEB_CONTAINER}, is empty after substitution; Docker Compose refuses an empty value there: set the variable or give it a default, such as ${NAME:-web}",
            ]),
        ],
        nonTriggering: [
            Example("""
            containers:
              - name: mysql
                image: mysql
              - name: 2048app
                image: docker.oa.com:8080/public/2048:latest
            """),
            Example("""
            services:
              web:
                image: nginx
                container_name: Shop_Web.1
              api:
                image: api
                container_name: ${PREFIX}_api
            """),
        ])

    static let dnsLabel = NamePattern(allowed: NamePattern.lowerAlphanumerics.union(NamePattern.characters("-")),
                                      first: NamePattern.lowerAlphanumerics, last: NamePattern.lowerAlphanumerics, lengths: 1...63,
                                      fix: "at most 63 of a–z 0–9 -, starting and ending with a letter or digit")
    static let docker = NamePattern(allowed: NamePattern.alphanumerics.union(NamePattern.characters("_.-")), first: NamePattern.alphanumerics,
                                    lengths: 2...Int.max, fix: "a letter or digit, then letters, digits, '_', '.' or '-' (2 characters or more)")

    func check(_ document: Document, context: inout RuleContext) {
        switch document {
        case .pod(let pod):
            for container in pod.containers {
                if let name = container.nameNode { context.checkName(name, Self.dnsLabel, what: "container name") }
            }
        case .compose(let compose):
            for service in compose.services {
                guard let name = service.containerNameNode else { continue }
                // Compose's pattern refuses the empty name an unset variable leaves, not only unset-variable's warning.
                if !context.reportLeftEmpty(name, "container_name of service '\(service.name.value)'", example: "${NAME:-\(service.name.value)}") {
                    context.checkName(name, Self.docker, what: "container_name", of: "service '\(service.name.value)'")
                }
            }
        default:
            break
        }
    }
}
