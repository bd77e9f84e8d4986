import Model

/// A service that shares one of the host's namespaces instead of having its own.
struct HostNamespace: Rule {
    static let description = RuleDescription(
        id: "host-namespace", severity: .warning, kinds: [.compose], category: .security,
        summary: "services should not share the host's network, process, IPC, UTS or user namespace",
        rationale: """
        Namespaces are what keeps a container apart from the host. Sharing one takes that part of the isolation away:
        `network_mode: host` (or the v1 `net: host`) puts the service on every host interface, able to bind any port
        and reach services listening on the host's loopback (CIS Docker Benchmark v1.6.0 §5.9); `pid: host` lets it see
        and signal every process on the host (§5.15); `ipc: host` shares the host's shared memory (§5.16); `uts: host`
        lets it change the host's name (§5.20); `userns_mode: host` turns off the daemon's user-namespace remapping, so
        root in the container is root on the host (§5.30). Docker's documentation of the host network driver says the
        same: "the container's network stack isn't isolated from the Docker host"
        (https://docs.docker.com/engine/network/drivers/host/). Sharing with another service (`network_mode:
        service:db`, `ipc: service:app`) is not reported. The podstack template has no `hostNetwork`, `hostPID` or
        `hostIPC` keys, so pods are not checked.
        """,
        triggering: [
            Example("""
            services:
              exporter:
                image: node-exporter:1.8
                network_mode: ↓host
                pid: ↓host
              shm:
                image: app:1.0
                ipc: ↓host
                uts: ↓host
                userns_mode: ↓host
            """, messages: [
                "service 'exporter' shares the host's network namespace (network_mode: host): it is on every host interface and can bind any host port; remove it and publish the ports it needs from a bridge network",
                "service 'exporter' shares the host's process namespace (pid: host): it sees and can signal every process on the host; remove it",
                "service 'shm' shares the host's IPC namespace (ipc: host): it reads and writes the host's shared memory; remove it, or share IPC with one service (ipc: service:NAME)",
                "service 'shm' shares the host's UTS namespace (uts: host): it can change the host's name; remove it",
                "service 'shm' shares the host's user namespace (userns_mode: host): root in it is root on the host; remove it",
            ]),
            Example("""
            web:
              image: nginx:1.27
              net: ↓host
            """, messages: [
                "service 'web' shares the host's network namespace (net: host): it is on every host interface and can bind any host port; remove it and publish the ports it needs from a bridge network",
            ]),
        ],
        nonTriggering: [
            Example("""
            services:
              db:
                image: postgres:17
              sidecar:
                image: envoy:1.31
                network_mode: service:db
                ipc: shareable
                pid: "service:db"
              app:
                image: app:1.0
                network_mode: ${NETWORK_MODE}
            """),
            Example("""
            web:
              image: nginx:1.27
              net: bridge
            """),
        ])

    /// Each key that can name the host's namespace: which namespace, and what sharing it allows and
    /// what to do instead.
    static let keys: [(key: String, field: @Sendable (ComposeService) -> NodeRef?, namespace: String, consequence: String)] = [
        ("network_mode", { $0.networkMode }, "network", "it is on every host interface and can bind any host port; remove it and publish the ports it needs from a bridge network"),
        ("net", { $0.net }, "network", "it is on every host interface and can bind any host port; remove it and publish the ports it needs from a bridge network"),
        ("pid", { $0.pid }, "process", "it sees and can signal every process on the host; remove it"),
        ("ipc", { $0.ipc }, "IPC", "it reads and writes the host's shared memory; remove it, or share IPC with one service (ipc: service:NAME)"),
        ("uts", { $0.uts }, "UTS", "it can change the host's name; remove it"),
        ("userns_mode", { $0.usernsMode }, "user", "root in it is root on the host; remove it"),
    ]

    func check(_ document: Document, context: inout RuleContext) {
        guard case .compose(let compose) = document else { return }
        for service in compose.services {
            for (key, field, namespace, consequence) in Self.keys {
                guard let value = field(service), value.policyText == "host" else { continue }
                let written = value.isWrittenWithVariable ? value.quotedForFinding : "host"
                context.report("\(service.owner) shares the host's \(namespace) namespace (\(key): \(written)): \(consequence)", at: value)
            }
        }
    }
}
