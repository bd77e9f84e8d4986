import Model

/// A port published on every interface of the host.
struct PortAllInterfaces: Rule {
    static let description = RuleDescription(
        id: "port-all-interfaces", severity: .warning, kinds: [.compose, .pod], category: .security,
        summary: "published ports should be bound to one host address",
        rationale: """
        A port published without a host address (or with `0.0.0.0` or `::`) listens on every interface of the host,
        and Docker opens it in the firewall itself, ahead of rules such as UFW's: a database meant for the host alone
        is reachable from the network. Docker's port-publishing documentation warns that publishing is "insecure by
        default" (https://docs.docker.com/engine/network/port-publishing/); CIS Docker Benchmark v1.6.0 §5.13 "Ensure
        that incoming container traffic is bound to a specific host interface"; OWASP Docker Security Cheat Sheet
        RULE #5a (bind published ports to `127.0.0.1`). Reported: a Compose `ports` entry in short syntax without an
        address (`8080:80`, and `80`, which Docker publishes on a random host port of every interface) or with
        `0.0.0.0`, `::` or `[::]`; a long-syntax entry without `host_ip` or with one of those; and a pod container
        port with a `hostPort` and no `hostIP`. `expose` publishes nothing and is not reported; an entry written with a
        variable that left a part empty is the `unset-variable` warning's business. A service that must be public
        should still say so, with the address it listens on.
        """,
        triggering: [
            Example("""
            services:
              db:
                image: postgres:17
                ports:
                  - ↓"5432:5432"
                  - ↓"0.0.0.0:5433:5433"
                  - "127.0.0.1:5434:5434"
              web:
                image: nginx:1.27
                ports:
                  - ↓80
                  - {target: 443, published: "8443", host_ip: ↓"::"}
            """, messages: [
                "service 'db' publishes port 5432 on every host interface; bind it to one address, such as '127.0.0.1:5432:5432'",
                "service 'db' publishes port 5433 on every host interface (0.0.0.0); bind it to one address, such as '127.0.0.1:5433:5433'",
                "service 'web' publishes container port 80 on a random port of every host interface; bind it to one address, such as '127.0.0.1::80'",
                "service 'web' publishes port 8443 on every host interface (::); bind it to one address, such as 'host_ip: 127.0.0.1'",
            ]),
            Example("""
            services:
              api:
                image: api:1.0
                ports:
                  - ↓{target: 8080, published: 8080}
                  - ↓"${API_PORT:-9090}:9090"
            """, messages: [
                "service 'api' publishes port 8080 on every host interface; bind it to one address, such as 'host_ip: 127.0.0.1'",
                "service 'api' publishes \"${API_PORT:-9090}:9090\" (after substitution) on every host interface; bind it to one address, such as by writing '127.0.0.1:' before it",
            ]),
            Example("""
            containers:
              - name: web
                image: nginx:1.27
                ports:
                  - {containerPort: 80, hostPort: ↓8080}
                  - {containerPort: 443, hostPort: 8443, hostIP: 10.0.0.5}
                  - {containerPort: 9090}
            """, messages: [
                "container 'web' publishes port 8080 on every host interface; bind it to one address with hostIP, such as 'hostIP: 127.0.0.1'",
            ]),
        ],
        nonTriggering: [
            Example("""
            services:
              web:
                image: nginx:1.27
                expose: ["80"]
                ports:
                  - "127.0.0.1:8080:80"
                  - "[::1]:8443:443"
                  - {target: 9090, published: "9090", host_ip: 192.168.1.10}
                  - "${BIND_ADDRESS}:8081:81"
            """),
            Example("""
            containers:
              - name: web
                image: nginx:1.27
                ports: [{containerPort: 80}, {containerPort: 443, hostPort: 443, hostIP: 127.0.0.1}, {containerPort: 8443, hostPort: 8443, hostIP: "${HOST_IP}"}]
            """),
        ])

    /// Addresses that mean every interface.
    static let anyAddress: Set<String> = ["", "0.0.0.0", "::"]

    func check(_ document: Document, context: inout RuleContext) {
        switch document {
        case .compose(let compose):
            for service in compose.services {
                for port in service.ports {
                    check(port, owner: service.owner, context: &context)
                }
            }
        case .pod(let pod):
            for container in pod.containers {
                for port in container.ports {
                    guard let hostPort = port.hostPort?.integer, Self.bindsEverywhere(port.hostIP) else { continue }
                    context.report("\(container.label) publishes port \(hostPort.value) on every host interface; bind it to one address with hostIP, "
                                   + "such as 'hostIP: 127.0.0.1'", at: hostPort)
                }
            }
        default:
            break
        }
    }

    /// Whether a port with this address field listens on every interface: no address, an empty one, or
    /// one of `anyAddress`; an address a variable left empty is not judged.
    static func bindsEverywhere(_ address: NodeRef?) -> Bool {
        guard let address else { return true }
        guard let text = address.policyText else { return !address.isWrittenWithVariable }
        return anyAddress.contains(text)
    }

    func check(_ port: PortEntry, owner: String, context: inout RuleContext) {
        guard case .success(let spec) = port.spec else { return }
        let node = port.node
        if node.isMapping {
            guard Self.bindsEverywhere(port.hostIPField) else { return }
            let named = port.hostIPField?.policyText.map { " (\($0))" } ?? ""
            context.report("\(owner) publishes \(Self.what(spec))\(named); bind it to one address, such as 'host_ip: 127.0.0.1'", at: port.hostIPField ?? node)
            return
        }
        // A number is a container port; text a variable left with an empty part is not judged.
        if case .int = node.resolved {} else if node.checkedString(separators: ":") == nil { return }
        guard Self.anyAddress.contains(spec.hostIP ?? "") else { return }
        if node.isWrittenWithVariable {
            // Quoted as written: the substituted text stays out of the message.
            context.report("\(owner) publishes \(node.quotedForFinding) on every host interface; bind it to one address, such as by writing "
                           + "'127.0.0.1:' before it", at: node)
            return
        }
        let named = spec.hostIP.map { $0.isEmpty ? "" : " (\($0))" } ?? ""
        let protocolSuffix = spec.protocol == "tcp" ? "" : "/" + spec.protocol
        let example = "127.0.0.1:" + (spec.published.map(Self.text) ?? "") + ":" + Self.text(spec.target) + protocolSuffix
        context.report("\(owner) publishes \(Self.what(spec))\(named); bind it to one address, such as '\(example)'", at: node)
    }

    /// "port 8080 on every host interface", or for a port Docker picks, "container port 80 on a random
    /// port of every host interface".
    static func what(_ spec: PortSpec) -> String {
        spec.published.map { "port \(text($0)) on every host interface" } ?? "container port \(text(spec.target)) on a random port of every host interface"
    }

    static func text(_ ports: ClosedRange<Int>) -> String {
        ports.count == 1 ? String(ports.lowerBound) : "\(ports.lowerBound)-\(ports.upperBound)"
    }
}
