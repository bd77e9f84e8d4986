import Model

/// A pod port name Kubernetes refuses.
struct PortName: Rule {
    static let description = RuleDescription(
        id: "port-name", severity: .error, kinds: [.pod],
        summary: "pod port names are IANA service names: at most 15 of a–z 0–9 -, with a letter, no leading, trailing or double '-'",
        rationale: """
        A pod template's container ports follow Kubernetes' pod spec (PLATFORM_API.md §5: "port names ≤ 15 chars"): a
        `ports[].name` must be an IANA service name (RFC 6335 §5.1, Kubernetes' `IsValidPortName`) — at most 15
        lower-case letters, digits and `-`, at least one letter, not starting or ending with `-`, and no `--`. The API
        server refuses the whole pod otherwise. The documented example's `admin-port` and `db-port` are valid; a
        readable name such as `http_admin` or `MySQL` is not.
        """,
        triggering: [
            Example("""
            containers:
              - name: mysql
                image: mysql
                ports:
                  - {containerPort: 8080, name: ↓admin_port}
                  - {containerPort: 3306, name: ↓mysql-database-port}
                  - {containerPort: 9104, name: ↓"9104"}
            """, messages: [
                "port name 'admin_port' of container 'mysql' must not contain '_'; use at most 15 of a–z 0–9 -, with a letter, no leading, trailing or double -",
                "port name 'mysql-database-port' of container 'mysql' is 19 characters long, more than 15; use at most 15 of a–z 0–9 -, with a letter, no leading, trailing or double -",
                "port name '9104' of container 'mysql' must contain a letter; use at most 15 of a–z 0–9 -, with a letter, no leading, trailing or double -",
            ]),
            Example("""
            containers:
              - name: web
                image: nginx
                ports: [{containerPort: 80, name: ↓http--alt}, {containerPort: 443, name: ↓-https}]
            """),
        ],
        nonTriggering: [
            Example("""
            containers:
              - name: mysql
                image: mysql
                ports:
                  - {containerPort: 8080, name: admin-port}
                  - {containerPort: 3306, name: db-port}
                  - {containerPort: 9104}
            """),
            Example("""
            containers:
              - name: web
                image: nginx
                ports: [{containerPort: 80, name: web}, {containerPort: 8443, name: h2c-8443}]
            """),
        ])

    static let pattern = NamePattern(allowed: NamePattern.lowerAlphanumerics.union(NamePattern.characters("-")),
                                     first: NamePattern.lowerAlphanumerics, last: NamePattern.lowerAlphanumerics, lengths: 1...15,
                                     fix: "at most 15 of a–z 0–9 -, with a letter, no leading, trailing or double -") { name in
        if name.contains("--") { return "must not contain '--'" }
        return name.containsByte(where: NamePattern.letters.contains) ? nil : "must contain a letter"
    }

    func check(_ document: Document, context: inout RuleContext) {
        guard case .pod(let pod) = document else { return }
        for container in pod.containers {
            for port in container.ports {
                if let name = port.name { context.checkName(name, Self.pattern, what: "port name", of: container.label) }
            }
        }
    }
}
