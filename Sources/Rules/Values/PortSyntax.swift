import Diagnostics
import Model

/// A port specification Docker, Kubernetes or the v2 API cannot read.
struct PortSyntax: Rule {
    static let description = RuleDescription(
        id: "port-syntax", severity: .error, kinds: [.compose, .pod, .application],
        summary: "ports must be written as the platform reads them, with a known protocol",
        rationale: """
        Docker Compose reads `ports` entries with Docker's own parser (`nat.ParsePortSpec`):
        `[HOST_IP:][HOST_PORT[-END]:]CONTAINER_PORT[-END][/PROTOCOL]`, split on every `:` so that everything before
        the last two pieces is the address — an IP address, IPv6 bare or in brackets (`127.0.0.1`, `::1:8080:80`,
        `[::1]:8080:80`), not `localhost` —, host and container ranges of equal length unless the container port is
        single, and the protocol after the first `/`: `tcp` when empty (`80/`), else `tcp`, `udp` or `sctp` in any
        case; it refuses anything else ("invalid hostPort: 127.0.0.1", "invalid IP address", "invalid proto"). A
        number is read in decimal (`1_000` is port 1000). `expose` entries Compose does not check at all and hands
        to Docker as they are, which cannot use one it cannot read: the same findings there are warnings. A pod's
        `ports[].protocol` follows Kubernetes, which accepts exactly `TCP`, `UDP` and `SCTP`; a v2 application's
        `portMappings[].protocol` is `tcp` or `udp` (PLATFORM_API.md §5). Numbers outside 1–65535 are
        `port-range`'s business; an entry left empty by an unset variable is the `unset-variable` warning's.
        Deliberately stricter than `docker compose config` for the long syntax, which it passes unparsed: a
        `published` that is no port or range (`published: web`) and a `protocol` other than tcp, udp or sctp are
        refused by the Docker engine when it creates the container (go-connections' `nat` parser: "invalid
        hostPort", "invalid proto"), after the platform took the project.
        """,
        triggering: [
            Example("""
            services:
              web:
                image: nginx
                ports:
                  - ↓"127.0.0.1:3001"
                  - ↓"8080:80/tpc"
                  - ↓"localhost:8443:443"
                  - ↓"[::1]:9000"
            """, messages: [
                "'127.0.0.1:3001' has an invalid host port '127.0.0.1'; to bind an address, write '127.0.0.1::3001' (any host port) or '127.0.0.1:3001:3001'",
                "port '8080:80/tpc' has the protocol 'tpc', not one of 'tcp', 'udp', 'sctp'; did you mean 'tcp'?",
                "port 'localhost:8443:443' binds the host address 'localhost', which is not an IP address; write '127.0.0.1'",
                "'[::1]:9000' needs a host port and a container port after the IPv6 address; write [ADDRESS]:HOST_PORT:CONTAINER_PORT, or [ADDRESS]::CONTAINER_PORT for any host port",
            ]),
            Example("""
            web:
              image: nginx
              ports:
                - ↓"8000-8001:80-82"
                - ↓80:80:80:80
            """, messages: [
                "port '8000-8001:80-82' maps 2 host ports onto 3 container ports; give ranges of equal length, or a single container port",
                "port '80:80:80:80' binds the host address '80:80', which is not an IP address; write an IPv4 or IPv6 address: what is before the last two ':' is the address",
            ]),
            Example("""
            services:
              web:
                image: nginx
                expose: [↓"9000/udpp", ↓"web"]
            """, messages: [
                "exposed port '9000/udpp' has the protocol 'udpp', not one of 'tcp', 'udp', 'sctp'; did you mean 'udp'? Compose hands expose entries to Docker unchecked",
                "'web' has no valid container port; use [HOST_IP:][HOST_PORT:]CONTAINER_PORT[/PROTOCOL]; Compose hands expose entries to Docker unchecked",
            ], severity: .warning),
            Example("""
            containers:
              - name: dns
                image: coredns
                ports: [{containerPort: 53, protocol: ↓udp}]
            """, messages: ["the protocol of port 53 of container 'dns' is 'udp', not one of 'TCP', 'UDP', 'SCTP'; did you mean 'UDP'?"], fixed: """
            containers:
              - name: dns
                image: coredns
                ports: [{containerPort: 53, protocol: UDP}]
            """),
            Example("""
            kind: application
            name: orders
            imageRef: orders:1.0
            portMappings:
              - {protocol: ↓TCP, containerPort: 8080}
            """, fixed: """
            kind: application
            name: orders
            imageRef: orders:1.0
            portMappings:
              - {protocol: tcp, containerPort: 8080}
            """),
        ],
        nonTriggering: [
            Example("""
            services:
              web:
                image: nginx
                ports:
                  - 80
                  - 1_000
                  - "8080:80"
                  - "127.0.0.1::5000"
                  - "[::1]:6000:6000"
                  - "::1:6001:6001"
                  - "9000-9010:9000-9010/UDP"
                  - "7000-7010:80"
                  - "8444:444/"
                  - "${HOST_PORT}:80"
                  - {target: 443, published: "8443", host_ip: 0.0.0.0, protocol: tcp}
                  - {target: 444, published: 1_444}
                expose: ["3000", 4000, "5000-5010/udp", "6000/"]
            """),
            Example("""
            containers:
              - name: dns
                image: coredns
                ports: [{containerPort: 53, protocol: UDP}, {containerPort: 53}]
            """),
            Example("""
            kind: application
            name: orders
            imageRef: orders:1.0
            portMappings:
              - {protocol: tcp, containerPort: 8088}
              - {protocol: udp, containerPort: 9999}
            """),
        ])

    static let composeProtocols = ["tcp", "udp", "sctp"]

    func check(_ document: Document, context: inout RuleContext) {
        switch document {
        case .compose(let compose):
            for service in compose.services {
                // `ports` were parsed when the service was decoded; `expose` entries are parsed here.
                for entry in service.ports {
                    checkCompose(entry, noun: "port", context: &context)
                }
                for node in service.expose?.items ?? [] {
                    checkCompose(PortEntry(node), noun: "exposed port", context: &context)
                }
            }
        case .pod(let pod):
            for container in pod.containers {
                for port in container.ports {
                    guard let proto = port.protocol?.string else { continue }
                    let number = port.containerPort?.string.map { " \($0.value)" } ?? ""
                    context.requireOneOf(proto, ["TCP", "UDP", "SCTP"], field: "the protocol of port\(number) of \(container.label)")
                }
            }
        case .application(let application):
            for mapping in application.portMappings {
                guard let proto = mapping.protocol?.string else { continue }
                let number = mapping.containerPort?.string.map { " \($0.value)" } ?? ""
                context.requireOneOf(proto, ["tcp", "udp"], field: "the protocol of port mapping\(number)")
            }
        default:
            break
        }
    }

    /// One `ports` or `expose` entry, short or long syntax. Compose checks `ports` and leaves `expose`
    /// to Docker: what is wrong in `expose` is a warning.
    func checkCompose(_ entry: PortEntry, noun: String, context: inout RuleContext) {
        let node = entry.node
        guard node.isMapping || node.checkedString(separators: ":/-") != nil else { return }
        let exposed = noun != "port"
        let severity: Severity? = exposed ? .warning : nil
        let unchecked = exposed ? "; Compose hands expose entries to Docker unchecked" : ""
        // Spelled out only for a finding: nearly every port is fine.
        var label: String { node.string.map { "\(noun) '\($0.value)'" } ?? "this \(noun)" }
        let spec: PortSpec
        switch entry.spec {
        case .failure(let problem):
            let hint = Self.addressHint(node.string?.value)
            let syntax = hint.isEmpty && !node.isMapping && !problem.message.contains("[ADDRESS]") && !problem.message.contains("use [")
                ? "; use [HOST_IP:][HOST_PORT:]CONTAINER_PORT[/PROTOCOL]" : ""
            context.report(problem.message + hint + syntax + unchecked, at: node, severity: severity)
            return
        case .success(let parsed):
            spec = parsed
        }
        if !Self.composeProtocols.contains(spec.protocol.lowercased()) {
            let suggestion = RuleContext.suggestion(for: spec.protocol, among: Self.composeProtocols)
            context.report("\(label) has the protocol '\(spec.protocol)', not one of \(RuleContext.quotedList(Self.composeProtocols))"
                           + suggestion + (exposed ? (suggestion.isEmpty ? "; " : " ") + "Compose hands expose entries to Docker unchecked" : ""), at: node, severity: severity)
        }
        if let address = spec.hostIP, !address.isEmpty, !IPAddress.isValid(Substring(address)) {
            let fix = address == "localhost" ? "write '127.0.0.1'"
                : address.contains(ascii: ":") ? "write an IPv4 or IPv6 address: what is before the last two ':' is the address"
                : "write an IPv4 or IPv6 address, not a host name"
            context.report("\(label) binds the host address '\(address)', which is not an IP address; \(fix)\(unchecked)", at: node, severity: severity)
        }
        if let published = spec.published, published.count != spec.target.count, spec.target.count > 1 {
            context.report("\(label) maps \(published.count) host ports onto \(spec.target.count) container ports; give ranges of equal length, or a single container port"
                           + unchecked, at: node, severity: severity)
        }
    }

    /// For `IP:PORT`, which Docker reads as `HOST_PORT:CONTAINER_PORT`: how to bind an address instead.
    static func addressHint(_ text: String?) -> String {
        guard let text else { return "" }
        let parts = text.split(ascii: ":")
        guard parts.count == 2, IPAddress.isIPv4(parts[0]) else { return "" }
        let port = parts[1].split(ascii: "/", maxSplits: 1, omittingEmpty: true).first ?? parts[1]
        return "; to bind an address, write '\(parts[0])::\(parts[1])' (any host port) or '\(parts[0]):\(port):\(parts[1])'"
    }
}
