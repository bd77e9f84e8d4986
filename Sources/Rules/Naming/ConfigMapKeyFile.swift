import Model

/// A configmap or secret key that cannot be a file name.
struct ConfigMapKeyFile: Rule {
    static let description = RuleDescription(
        id: "configmap-key-file", severity: .error, kinds: [.configmap, .secret, .application],
        summary: "configmap and secret keys use only letters, digits, '-', '_' and '.', as file names do",
        rationale: """
        The v2 guide's key naming rule (PLATFORM_API.md §5, 004 guide §2.2): a key injected as a file "may contain only
        `-`, `_`, `.`, ASCII letters and digits"; a key injected as an environment variable is stricter still (see
        `configmap-key-env`). Every key must therefore at least be file-style, or it can be used neither way; Kubernetes,
        which stores the group, refuses such keys outright, as well as `.`, `..` and keys over 253 characters. Checked are
        the keys of a configmap's or secret's `data` and `stringData`, and the keys an application mounts from one
        (`type: Volume`). A key that is file-style but not env-style (`app.properties`) is fine in a configmap: only
        its use as an environment variable is wrong, and that is where `configmap-key-env` reports it.
        """,
        triggering: [
            Example("""
            kind: ConfigMap
            name: app-config
            data:
              ↓nginx/site.conf: "server {}"
              ↓..: x
            """, messages: [
                "configmap key 'nginx/site.conf' must not contain '/'; use letters, digits, '-', '_' and '.' (at most 253), not '.' or '..'",
                "configmap key '..' must not be '.' or '..'; use letters, digits, '-', '_' and '.' (at most 253), not '.' or '..'",
            ]),
            Example("""
            kind: application
            name: orders
            imageRef: orders:1.0
            secret:
              - {type: Volume, name: tls, key: [↓tls crt, tls.key], mountPath: /etc/tls}
            """, messages: ["key 'tls crt' of secret[0] must not contain ' '; use letters, digits, '-', '_' and '.' (at most 253), not '.' or '..'"]),
            Example("""
            kind: Secret
            name: db
            stringData: {↓"pass word": secret}
            """),
        ],
        nonTriggering: [
            Example("""
            kind: ConfigMap
            name: app-config
            data:
              LOG_LEVEL: info
              app.properties: "cache.size=64"
              yarn-site.xml: "<configuration/>"
            """),
            Example("""
            kind: application
            name: orders
            imageRef: orders:1.0
            configMap:
              - {type: Volume, name: app-config, key: [app.properties, .env], mountPath: /etc/orders}
              - {type: Env, name: app-config, key: [LOG_LEVEL]}
            """),
        ])

    static let pattern = NamePattern(allowed: NamePattern.alphanumerics.union(NamePattern.characters("-_.")), lengths: 1...253,
                                     fix: "letters, digits, '-', '_' and '.' (at most 253), not '.' or '..'") { key in
        key == "." || key == ".." ? "must not be '.' or '..'" : nil
    }

    func check(_ document: Document, context: inout RuleContext) {
        switch document {
        case .configmap(let data), .secret(let data):
            for (key, _) in data.data + data.stringData {
                context.checkName(key, Self.pattern, what: "\(document.kind.rawValue) key")
            }
        case .application(let application):
            for reference in ConfigReference.all(in: application) where reference.type == "Volume" {
                for key in reference.entry.keys {
                    context.checkName(key, Self.pattern, what: "key", of: reference.label)
                }
            }
        default:
            break
        }
    }
}
