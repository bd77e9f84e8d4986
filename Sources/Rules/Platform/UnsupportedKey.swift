import Diagnostics
import Model

/// A Compose key the targeted platform cannot honour.
struct UnsupportedKey: Rule {
    static let description = RuleDescription(
        id: "unsupported-key", severity: .warning, kinds: [.compose], platforms: [.aliyun, .v2],
        summary: "services should not use Compose keys the targeted platform does not support",
        rationale: """
        The aliyun platform lists `build`, `dockerfile`, `env_file`, `mac_address`, `detach`, `stdin_open`, `tty`,
        `extends` and the `networks` of Compose v2 as unsupported: all containers share one cross-host network
        (ALIYUN.md §3.1). An official example still carries `tty: true`, so unsupported seems to mean ignored
        rather than refused; hence a warning, whose message says what the platform does instead and what to
        write. The v2 `composes` API takes a Compose v1 template as a string inside a JSON body (PLATFORM_API.md
        §5): nothing else is uploaded, so no build context, no env file and no file to extend from reach the
        server, and only `build`, `dockerfile`, `env_file` and an `extends` that names a `file` are reported for
        it; the other keys are not known to fail there. Scheduling entries in `environment`
        (`constraint:aliyun.node_index==1`, `affinity:…`) are platform syntax, not keys, and pass untouched.
        """,
        triggering: [
            Example("""
            web:
              ↓build: .
              image: shop/web
              ↓env_file: .env
              ↓tty: true
              ↓stdin_open: true
              environment:
                - constraint:aliyun.node_index==1
            """, platform: .aliyun, messages: [
                "service 'web' uses 'build', which the aliyun platform does not support: it builds no image; push the image to a registry, name it in 'image' and remove 'build'",
                "service 'web' uses 'env_file', which the aliyun platform does not support: the file is not uploaded with the template, so its variables would be missing; move them into 'environment'",
                "service 'web' uses 'tty', which the aliyun platform does not support: no terminal is attached to its containers; remove it",
                "service 'web' uses 'stdin_open', which the aliyun platform does not support: no terminal is attached to its containers; remove it",
            ]),
            Example("""
            version: '2'
            services:
              web:
                image: nginx
                ↓extends: {file: common.yml, service: base}
                ↓mac_address: 02:42:ac:11:65:43
                ↓networks: [front]
            ↓networks:
              front: {}
            """, platform: .aliyun, messages: [
                "service 'web' uses 'extends', which the aliyun platform does not support: the base service is not merged in; copy its keys into this service (a YAML anchor and '<<: *base' do that within one file)",
                "service 'web' uses 'mac_address', which the aliyun platform does not support: the platform's network assigns addresses; remove it",
                "service 'web' uses 'networks', which the aliyun platform does not support: all containers share one cross-host network; remove it (services still reach each other by name and through links)",
                "the top-level 'networks' is not supported by the aliyun platform: all containers share one cross-host network; remove it (services still reach each other by name and through links)",
            ]),
            Example("""
            c1:
              image: docker.oa.com:8080/public/helloworld
              ↓build: ./c1
              ↓env_file: [common.env]
              ↓extends: {file: base.yml, service: app}
              replicas: 2
              tty: true
            """, platform: .v2, messages: [
                "service 'c1' uses 'build', which the v2 composes API cannot honour: only the template text is uploaded, so there is no build context; push the image to a registry, name it in 'image' and remove 'build'",
                "service 'c1' uses 'env_file', which the v2 composes API cannot honour: only the template text is uploaded, not the file it names; move its variables into 'environment'",
                "service 'c1' uses 'extends', which the v2 composes API cannot honour: only the template text is uploaded, not the file it extends; copy the base service's keys into this service",
            ]),
        ],
        nonTriggering: [
            Example("""
            web:
              image: registry.aliyuncs.com/acs-sample/wordpress:4.5
              links: ['db:mysql']
              restart: always
              environment:
                - constraint:aliyun.node_index==(1|2|3)
                - affinity:image==~redis
                - affinity:service!=db
                - reschedule:on-node-failure
              labels:
                aliyun.routing.port_80: http://wordpress
                com.docker.swarm.reschedule-policies: '["on-node-failure"]'
            db:
              image: registry.aliyuncs.com/acs-sample/mysql:5.7
              environment: {MYSQL_ROOT_PASSWORD: password}
            """, platform: .aliyun),
            Example("""
            c1:
              image: docker.oa.com:8080/public/helloworld
              replicas: 2
              mem_limit: 256m
              cpu_shares: 1
              environment: {CONTAINER_NAME: c1, app_NAME: app-c1}
              links: [c2]
              tty: true
              stdin_open: true
            c2:
              extends: {service: c1}
              replicas: 1
            """, platform: .v2),
        ])

    /// A key a platform cannot honour: what happens to it there, and what to write instead.
    struct Unsupported: Sendable {
        let key: String
        let effect: String
        let fix: String
        /// Whether the service's value of the key is affected (v2: only an `extends` that names a file).
        var affects: @Sendable (NodeRef) -> Bool = { _ in true }
    }

    static let buildFix = "push the image to a registry, name it in 'image' and remove 'build'"
    static let networkEffect = "all containers share one cross-host network"
    static let networkFix = "remove it (services still reach each other by name and through links)"
    static let terminalEffect = "no terminal is attached to its containers"

    /// ALIYUN.md §3.1, "Unsupported keys".
    static let aliyun: [Unsupported] = [
        Unsupported(key: "build", effect: "it builds no image", fix: buildFix),
        Unsupported(key: "dockerfile", effect: "it builds no image", fix: buildFix),
        Unsupported(key: "env_file", effect: "the file is not uploaded with the template, so its variables would be missing",
                    fix: "move them into 'environment'"),
        Unsupported(key: "extends", effect: "the base service is not merged in",
                    fix: "copy its keys into this service (a YAML anchor and '<<: *base' do that within one file)"),
        Unsupported(key: "mac_address", effect: "the platform's network assigns addresses", fix: "remove it"),
        Unsupported(key: "detach", effect: "containers always run detached", fix: "remove it"),
        Unsupported(key: "stdin_open", effect: terminalEffect, fix: "remove it"),
        Unsupported(key: "tty", effect: terminalEffect, fix: "remove it"),
        Unsupported(key: "networks", effect: networkEffect, fix: networkFix),
    ]

    /// What cannot reach the v2 API, which receives nothing but the template text (PLATFORM_API.md §5).
    static let v2: [Unsupported] = [
        Unsupported(key: "build", effect: "only the template text is uploaded, so there is no build context", fix: buildFix),
        Unsupported(key: "dockerfile", effect: "only the template text is uploaded, so there is no build context", fix: buildFix),
        Unsupported(key: "env_file", effect: "only the template text is uploaded, not the file it names",
                    fix: "move its variables into 'environment'"),
        Unsupported(key: "extends", effect: "only the template text is uploaded, not the file it extends",
                    fix: "copy the base service's keys into this service", affects: { ComposeExtends(node: $0).file != nil }),
    ]

    func check(_ document: Document, context: inout RuleContext) {
        guard case .compose(let compose) = document, let platform = context.platform else { return }
        let (keys, phrase) = platform == .aliyun ? (Self.aliyun, "the aliyun platform does not support") : (Self.v2, "the v2 composes API cannot honour")
        let unsupported = Dictionary(uniqueKeysWithValues: keys.map { ($0.key, $0) })
        for service in compose.services {
            for (key, value) in service.node.entries {
                guard let entry = unsupported[key.value], entry.affects(value) else { continue }
                context.report("service '\(service.name.value)' uses '\(key.value)', which \(phrase): \(entry.effect); \(entry.fix)", at: key)
            }
        }
        if platform == .aliyun, compose.layout == .services, let networks = compose.root.entries.first(where: { $0.key.value == "networks" }) {
            context.report("the top-level 'networks' is not supported by the aliyun platform: \(Self.networkEffect); \(Self.networkFix)", at: networks.key)
        }
    }
}
