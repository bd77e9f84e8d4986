import Model

/// A configMap or secret reference of an application whose `mountPath` does not match its type.
struct ConfigMapMount: Rule {
    static let description = RuleDescription(
        id: "configmap-mount", severity: .error, kinds: [.application],
        summary: "configMap and secret references of type Volume need a mountPath, and type Env ones take none",
        rationale: """
        An application takes configmap and secret keys as files or as environment variables (PLATFORM_API.md §5,
        004): a `type: Volume` reference mounts its keys as files in the directory `mountPath` names ("fill in the
        mount directory", 004 guide §3.2), and the API reference gives `mountPath` for Volume only. A Volume
        reference without a `mountPath`, or with an empty one, has nowhere to put the files. A `type: Env` reference
        with a `mountPath` is an error too, not a warning: the key is one the API does not define for that type, as
        an unknown key is (`unknown-field`), and it shows the template saying two things — either the reference was
        meant to be `type: Volume` (as `type: Env` the keys become environment variables, not files, and keys that
        are no variable names are silently dropped) or the path is left over; stackc sends documents as written, so
        it would reach the API either way. A `mountPath` left empty by an unset variable is `unset-variable`'s;
        whether a path is absolute is `absolute-path`'s.
        """,
        triggering: [
            Example("""
            kind: application
            name: billing
            imageRef: billing:3.1
            configMap:
              - name: billing-config
                type: ↓Volume
                key: [billing.yaml]
              - name: billing-config
                type: Env
                key: [CURRENCY]
                ↓mountPath: /etc/billing
            """, messages: [
                "configMap[0] (type: Volume) has no mountPath; add the directory to mount its keys in as files, such as '/etc/config', or use type: Env",
                "configMap[1] (type: Env) has a mountPath, which only type: Volume takes; remove it, or use type: Volume to mount the keys as files",
            ]),
            Example("""
            kind: application
            name: orders
            imageRef: orders:1.0
            secret:
              - type: Volume
                name: tls
                key: [tls.crt, tls.key]
                mountPath: ↓""
            """, messages: [
                "secret[0] (type: Volume) has an empty mountPath; give the directory to mount its keys in as files, such as '/etc/config'",
            ]),
        ],
        nonTriggering: [
            Example("""
            kind: application
            name: demoapp
            imageRef: nginx:1.7.9
            configMap:
              - type: Volume
                name: special-config
                key: [game-config, game-config2.conf]
                mountPath: /etc/config
              - type: Env
                name: special-config2
                key: [HELLO, WORLD]
            """),
            Example("""
            kind: application
            name: orders
            imageRef: orders:1.0
            secret:
              - {type: Volume, name: tls, key: [tls.crt], mountPath: "${TLS_DIR}"}
              - {type: Env, name: db, key: [DB_PASSWORD]}
            """),
        ])

    func check(_ document: Document, context: inout RuleContext) {
        guard case .application(let application) = document else { return }
        for reference in ConfigReference.all(in: application) {
            let entry = reference.entry
            switch reference.type {
            case "Volume":
                guard let mountPath = entry.mountPath else {
                    guard let type = entry.type?.string else { continue }
                    context.report("\(reference.label) (type: Volume) has no mountPath; add the directory to mount its keys in as files, such as '/etc/config', or use type: Env",
                                   at: type)
                    continue
                }
                // `checkedString` is nil for a path an unset variable left empty.
                if let path = mountPath.checkedString(), path.value.allSatisfy(\.isWhitespace) {
                    context.report("\(reference.label) (type: Volume) has an empty mountPath; give the directory to mount its keys in as files, such as '/etc/config'",
                                   at: path)
                }
            case "Env":
                if let key = entry.mountPathKey {
                    context.report("\(reference.label) (type: Env) has a mountPath, which only type: Volume takes; remove it, or use type: Volume to mount the keys as files",
                                   at: key)
                }
            default:
                continue
            }
        }
    }
}
