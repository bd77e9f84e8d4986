import Model

/// A top-level Compose secret or config with no source, or with two.
struct SecretSource: Rule {
    static let description = RuleDescription(
        id: "secret-source", severity: .error, kinds: [.compose],
        summary: "top-level Compose secrets and configs need exactly one source: file or environment (configs also content), unless external",
        rationale: """
        Docker Compose reads a secret's value from a `file` or an `environment` variable, and a config's from a `file`,
        an `environment` variable or inline `content`; compose-go v2.9's validation refuses an entry that names two of
        them ("file|environment attributes are mutually exclusive") or none ("one of file|environment must be set"),
        unless it is `external` (made outside the project). A secret that is not external must have a source even when
        it sets `external: false` or a `driver` ("secret "s" must declare either `file` or `environment`"), and its
        `environment` must name a variable: an empty one (written so, or left by an unset `${VAR}`) is refused the same
        way. A config with only `external: false` passes Compose's check and is not reported.
        """,
        triggering: [
            Example("""
            services:
              web:
                image: nginx
                secrets: [api_key, db_password]
            secrets:
              ↓api_key: {}
              db_password:
                file: ./db_password.txt
                ↓environment: DB_PASSWORD
            """, messages: [
                "secret 'api_key' has no source; Docker Compose needs file or environment, or external: true for a secret made outside the project",
                "secret 'db_password' sets both file and environment; Docker Compose takes one source: remove one of them",
            ]),
            Example("""
            services:
              web:
                image: nginx
            secrets:
              ↓token:
                external: false
              cert:
                environment: ↓""
            configs:
              ↓site: {}
              nginx:
                content: "server {}"
                ↓file: ./nginx.conf
            """, messages: [
                "secret 'token' has no source; Docker Compose needs file or environment, or external: true for a secret made outside the project",
                "secret 'cert' has an empty environment; Docker Compose needs the name of the variable that holds the secret",
                "config 'site' has no source; Docker Compose needs file, environment or content, or external: true for a config made outside the project",
                "config 'nginx' sets both content and file; Docker Compose takes one source: remove one of them",
            ]),
        ],
        nonTriggering: [
            Example("""
            services:
              web:
                image: nginx
                secrets: [api_key, tls, cert]
                configs: [site, shared]
            secrets:
              api_key: {environment: API_KEY}
              tls: {external: true}
              cert: {file: ./cert.pem, name: web-cert}
            configs:
              site: {content: "server {}"}
              shared: {external: true, name: shared-config}
            """),
            Example("""
            services:
              web:
                image: nginx
            secrets:
              legacy:
                external: {name: prod-legacy}
            configs:
              rules:
                environment: RULES
            """),
        ])

    /// A top-level section and what Compose asks of its entries.
    enum Section: String, CaseIterable {
        case secrets, configs

        var noun: String { String(rawValue.dropLast()) }

        /// The top-level section of the Compose file.
        var compose: ComposeDocument.Section {
            switch self {
            case .secrets: .secrets
            case .configs: .configs
            }
        }

        /// The keys that give the value, each excluding the others.
        var sources: [String] {
            switch self {
            case .secrets: ["file", "environment"]
            case .configs: ["file", "environment", "content"]
            }
        }
    }

    func check(_ document: Document, context: inout RuleContext) {
        guard case .compose(let compose) = document, compose.layout == .services else { return }
        for section in Section.allCases {
            check(compose.resources(section.compose), section, context: &context)
        }
    }

    func check(_ entries: [(name: Located<String>, resource: ComposeResource)], _ section: Section, context: inout RuleContext) {
        let noun = section.noun
        for (name, entry) in entries where entry.node.isMapping {
            let keys = entry.node.entries.map(\.key)
            let given = keys.filter { section.sources.contains($0.value) }
            for repeated in given.dropFirst() {
                context.report("\(noun) '\(name.value)' sets both \(given[0].value) and \(repeated.value); Docker Compose takes one source: remove one of them", at: repeated)
            }
            if given.isEmpty {
                // Compose's validation lets an entry without a source through when it has `external` or a
                // `driver`; for a secret, its loader then wants a source unless it really is external.
                let passes = section == .secrets ? entry.isExternal : keys.contains { $0.value == "external" || $0.value == "driver" }
                if !passes {
                    context.report("\(noun) '\(name.value)' has no source; Docker Compose needs \(Self.listing(section.sources)), "
                                   + "or external: true for a \(noun) made outside the project", at: name)
                }
            } else if section == .secrets, given.count == 1, given[0].value == "environment", !entry.isExternal,
                      let variable = entry.environment.flatMap(Self.emptyText) {
                context.report("\(noun) '\(name.value)' has an empty environment; Docker Compose needs the name of the variable that holds the secret", at: variable)
            }
        }
    }

    /// The value of a scalar that is empty as written (`""`) or after substitution (`${UNSET}`); nil otherwise.
    static func emptyText(_ node: NodeRef) -> Located<String>? {
        guard node.isScalar else { return nil }
        if let text = node.string { return text.value.isEmpty ? text : nil }
        return node.isWrittenWithVariable ? node.located("") : nil
    }

    /// `file or environment`, `file, environment or content`.
    static func listing(_ sources: [String]) -> String {
        sources.dropLast().joined(separator: ", ") + " or " + sources.last!
    }
}
