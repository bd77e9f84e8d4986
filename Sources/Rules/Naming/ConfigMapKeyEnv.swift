import Model

/// A configmap or secret key an application injects as an environment variable but whose name cannot be one.
struct ConfigMapKeyEnv: Rule {
    static let description = RuleDescription(
        id: "configmap-key-env", severity: .error, kinds: [.application],
        summary: "keys injected as environment variables (type: Env) use only letters, digits and '_', not starting with a digit",
        rationale: """
        An application injects a configmap or secret key as an environment variable named after the key when the
        reference has `type: Env` (PLATFORM_API.md §5). The v2 guide's key rule for that use (004 guide §2.2, §3.2)
        allows only `_`, ASCII letters and digits, and says the console filters out keys that break it — so such a key
        is silently not injected, and the application starts without the variable. Kubernetes also refuses a variable
        name that starts with a digit. A key like `app.properties` is fine as a file: reference it with
        `type: Volume` instead.
        """,
        triggering: [
            Example("""
            kind: application
            name: orders
            imageRef: orders:1.0
            configMap:
              - {type: Env, name: app-config, key: [LOG_LEVEL, ↓app.properties, ↓2FA_SECRET]}
            """, messages: [
                "key 'app.properties' of configMap[0] (type: Env) must not contain '.'; use letters, digits and '_', not starting with a digit, or mount the key with type: Volume",
                "key '2FA_SECRET' of configMap[0] (type: Env) must not start with '2'; use letters, digits and '_', not starting with a digit, or mount the key with type: Volume",
            ]),
            Example("""
            kind: application
            name: orders
            imageRef: orders:1.0
            secret:
              - {type: Env, name: db, key: [↓db-password]}
            """),
        ],
        nonTriggering: [
            Example("""
            kind: application
            name: orders
            imageRef: orders:1.0
            configMap:
              - {type: Env, name: app-config, key: [LOG_LEVEL, MAX_CONNECTIONS, _internal]}
              - {type: Volume, name: app-config, key: [app.properties], mountPath: /etc/orders}
            """),
            Example("""
            kind: application
            name: orders
            imageRef: orders:1.0
            secret: [{type: Env, name: db, key: [DB_PASSWORD]}]
            """),
        ])

    static let pattern = NamePattern(allowed: NamePattern.alphanumerics.union(NamePattern.characters("_")),
                                     first: NamePattern.letters.union(NamePattern.characters("_")),
                                     fix: "letters, digits and '_', not starting with a digit, or mount the key with type: Volume")

    func check(_ document: Document, context: inout RuleContext) {
        guard case .application(let application) = document else { return }
        for reference in ConfigReference.all(in: application) where reference.type == "Env" {
            for key in reference.entry.keys {
                context.checkName(key, Self.pattern, what: "key", of: "\(reference.label) (type: Env)")
            }
        }
    }
}
