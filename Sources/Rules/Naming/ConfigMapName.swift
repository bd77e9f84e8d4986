import Model

/// A configmap or secret name the v2 platform refuses.
struct ConfigMapName: Rule {
    static let description = RuleDescription(
        id: "configmap-name", severity: .error, kinds: [.configmap, .secret, .application],
        summary: "configmap and secret names use lower-case letters, digits, '-' and '.', starting and ending with a letter or digit",
        rationale: """
        The v2 guide's naming rule for configuration groups (PLATFORM_API.md §5, 004 guide §2.1: 须以小写字母或数字开头结尾，
        可以用-或.分隔，且只能包含-、.、小写字母和数字): a ConfigMap or Secret name must start and end with a lower-case
        letter or digit and contain only `-`, `.`, lower-case letters and digits. Kubernetes, which stores them, also
        caps the name at 253 characters. Checked are the `name` of a configmap or secret document and the names an
        application references in `configMap[].name` and `secret[].name`: a reference that breaks the rule can never
        match a group, so the deployment fails.
        """,
        triggering: [
            Example("""
            kind: ConfigMap
            name: ↓App_Config
            data: {LOG_LEVEL: info}
            """, messages: ["configmap name 'App_Config' must not contain 'A'; use a–z 0–9 - ., starting and ending with a letter or digit, at most 253"]),
            Example("""
            kind: application
            name: orders
            imageRef: orders:1.0
            configMap:
              - {type: Env, name: ↓app-config., key: [LOG_LEVEL]}
            secret:
              - {type: Volume, name: ↓db credentials, key: [password], mountPath: /etc/db}
            """, messages: [
                "configMap[0].name 'app-config.' must not end with '.'; use a–z 0–9 - ., starting and ending with a letter or digit, at most 253",
                "secret[0].name 'db credentials' must not contain ' '; use a–z 0–9 - ., starting and ending with a letter or digit, at most 253",
            ]),
            Example("""
            name: ↓-db
            data: {password: cGFzcw==}
            """, kind: .secret),
        ],
        nonTriggering: [
            Example("""
            kind: ConfigMap
            name: app-config.v2
            data: {LOG_LEVEL: info}
            """),
            Example("""
            kind: application
            name: Orders_API
            imageRef: orders:1.0
            configMap: [{type: Env, name: app-config, key: [LOG_LEVEL]}]
            secret: [{type: Volume, name: 2024.db-credentials, key: [password], mountPath: /etc/db}]
            """),
        ])

    static let pattern = NamePattern(allowed: NamePattern.lowerAlphanumerics.union(NamePattern.characters("-.")),
                                     first: NamePattern.lowerAlphanumerics, last: NamePattern.lowerAlphanumerics, lengths: 1...253,
                                     fix: "a–z 0–9 - ., starting and ending with a letter or digit, at most 253")

    func check(_ document: Document, context: inout RuleContext) {
        switch document {
        case .configmap(let data), .secret(let data):
            if let name = data.name { context.checkName(name, Self.pattern, what: "\(document.kind.rawValue) name") }
        case .application(let application):
            for (section, references) in [("configMap", application.configMaps), ("secret", application.secrets)] {
                for (index, reference) in references.enumerated() {
                    if let name = reference.name { context.checkName(name, Self.pattern, what: "\(section)[\(index)].name") }
                }
            }
        default:
            break
        }
    }
}
