import Diagnostics
import Model

/// Two services or containers that publish the same host port.
struct HostPortConflict: Rule {
    static let description = RuleDescription(
        id: "host-port-conflict", severity: .error, kinds: [.compose, .pod],
        summary: "a host port, protocol and address may be published once",
        rationale: """
        Docker Compose accepts two services (or two entries of one service) that publish the same host port, but
        Docker can bind it only once: the second container fails at deploy time with "port is already allocated",
        after the upload, when half the project is already running. Kubernetes refuses a pod whose containers share
        a `hostPort` and protocol (PLATFORM_API.md §5: the pod-spec rules apply). Ports conflict when the protocol
        is the same, the port ranges overlap and the addresses overlap (no address, `0.0.0.0` and `::` cover every
        address of their family). Not compared: services in disjoint Compose profiles (alternatives that never
        run together), `network_mode: host` services (Docker ignores their `ports`), and a host port range given
        for a single container port (Docker picks a free port from it). One service that maps a host port onto the
        same container port twice (`ports: ["80:80", "80:80"]`, also `0.0.0.0:80:80`, `80:80/tcp` or `{target: 80,
        published: "80"}` beside `80:80`) is no conflict: Compose keeps one of the repeated entries (compose-go
        `EnforceUnicity`), so the repeat is only reported as info. A long-syntax entry whose `published` is a
        number is not merged so (Compose keys it differently) and stays a conflict.
        """,
        triggering: [
            Example("""
            services:
              web:
                image: nginx
                ports: ["8080:80"]
              admin:
                image: nginx
                ports: [↓"8080:8080"]
            """, messages: ["host port 8080/tcp is already published by service 'web'; a host port can be bound once, change one of them"]),
            Example("""
            services:
              web:
                image: nginx
                ports:
                  - "127.0.0.1:9000-9010:9000-9010"
                  - ↓{target: 80, published: "9005"}
                  - "53:53/udp"
                  - ↓"0.0.0.0:53:5353/udp"
            """, messages: [
                "host port 9005/tcp overlaps host ports 127.0.0.1:9000-9010/tcp, published by service 'web'; a host port can be bound once, change one of them",
                "host port 0.0.0.0:53/udp overlaps host port 53/udp, published by service 'web'; a host port can be bound once, change one of them",
            ]),
            Example("""
            services:
              web:
                image: nginx
                ports:
                  - "80:80"
                  - ↓"80:8080"
                  - ↓"127.0.0.1:80:80"
                  - "443:443"
                  - ↓{target: 443, published: 443}
            """, messages: [
                "host port 80/tcp is already published by service 'web'; a host port can be bound once, change one of them",
                "host port 127.0.0.1:80/tcp overlaps host port 80/tcp, published by service 'web'; a host port can be bound once, change one of them",
                "host port 443/tcp is already published by service 'web'; a host port can be bound once, change one of them",
            ]),
            Example("""
            services:
              web:
                image: nginx
                ports:
                  - "8080:80"
                  - ↓"8080:80"
                  - ↓"0.0.0.0:8080:80/tcp"
                  - "9000-9001:9000-9001"
                  - ↓"9001:9001"
            """, messages: [
                "host port 8080/tcp is mapped to the same container port again by service 'web'; Compose keeps one of the repeated entries, remove this one",
                "host port 0.0.0.0:8080/tcp is mapped to the same container port again by service 'web'; Compose keeps one of the repeated entries, remove this one",
                "host port 9001/tcp is mapped to the same container port again by service 'web'; Compose keeps one of the repeated entries, remove this one",
            ], severity: .info),
            Example("""
            containers:
              - name: a
                image: x
                ports: [{containerPort: 80, hostPort: 80}]
              - name: b
                image: x
                ports: [{containerPort: 8080, hostPort: ↓80}]
            """, messages: ["host port 80/tcp is already published by container 'a'; a host port can be bound once, change one of them"]),
        ],
        nonTriggering: [
            Example("""
            services:
              web:
                image: nginx
                ports: ["80:80", "443:443", "53:53/udp", "53:53/tcp"]
              api:
                image: api
                ports: ["127.0.0.1:8080:8080", "80"]
              api-v6:
                image: api
                ports: ["[::1]:8080:8080"]
              debug:
                image: api
                profiles: [debug]
                ports: ["9000:9000"]
              trace:
                image: api
                profiles: [trace]
                ports: ["9000:9000"]
              pool:
                image: api
                ports: ["7000-7010:80", "7005-7015:81"]
            """),
            Example("""
            containers:
              - name: a
                image: x
                ports: [{containerPort: 80, hostPort: 80}, {containerPort: 53, hostPort: 53, protocol: UDP}]
              - name: b
                image: x
                ports: [{containerPort: 80}, {containerPort: 53, hostPort: 53}]
            """),
        ])

    /// Host ports bound by one port entry.
    struct Binding {
        /// Who publishes the ports: a service's name, or a container's label as messages spell it. A
        /// service is spelled out only for a finding (see `ownerDescription`), not for each of its ports.
        let owner: Owner
        /// Compose profiles of the service; empty when it always runs.
        let profiles: Set<String>
        /// Nil when bound on every address.
        let address: String?
        let ports: ClosedRange<Int>
        let `protocol`: String
        let entry: Located<String>
        /// For a Compose entry, what Compose's de-duplication of a service's `ports` compares besides the
        /// owner, address and protocol; nil for a pod's port, which Kubernetes never merges.
        var repeatKey: RepeatKey? = nil

        /// Compose keys a port entry by `HOST_IP:PUBLISHED:TARGET/PROTOCOL` (a missing address read as
        /// `0.0.0.0`) once short syntax is expanded, one entry per port, so two entries repeat each other
        /// where their host ports overlap when they map host ports onto container ports with the same
        /// offset. A long-syntax `published` written as a number is formatted into a key no short entry
        /// has (compose-go formats it with `%s`), so it repeats only entries written the same way.
        struct RepeatKey: Equatable {
            let offset: Int
            let publishedIsNumber: Bool
        }

        enum Owner {
            case service(name: String)
            case container(label: String)
        }

        var ownerDescription: String {
            switch owner {
            case .service(let name): "service '\(name)'"
            case .container(let label): label
            }
        }

        var description: String {
            let address = self.address.map { $0.contains(ascii: ":") ? "[\($0)]:" : "\($0):" } ?? ""
            let numbers = ports.count == 1 ? "port \(address)\(ports.lowerBound)" : "ports \(address)\(ports.lowerBound)-\(ports.upperBound)"
            return "host \(numbers)/\(`protocol`)"
        }

        func conflicts(with other: Binding) -> Bool {
            `protocol` == other.protocol && ports.overlaps(other.ports) && Self.addressesOverlap(address, other.address)
                && (profiles.isEmpty || other.profiles.isEmpty || !profiles.isDisjoint(with: other.profiles))
        }

        /// Whether Compose drops one of the two as a repeat of the other: same service, address, protocol
        /// and mapping.
        func repeats(_ other: Binding) -> Bool {
            guard let repeatKey, repeatKey == other.repeatKey, case .service(let name) = owner, case .service(name) = other.owner,
                  `protocol` == other.protocol else { return false }
            return (address ?? "0.0.0.0") == (other.address ?? "0.0.0.0")
        }

        static func addressesOverlap(_ first: String?, _ second: String?) -> Bool {
            guard let first, let second, first != second else { return true }
            let isIPv6 = first.contains(ascii: ":")
            guard isIPv6 == second.contains(ascii: ":") else { return false }
            let any = isIPv6 ? "::" : "0.0.0.0"
            return first == any || second == any
        }
    }

    func check(_ document: Document, context: inout RuleContext) {
        switch document {
        case .compose(let compose):
            // Into one list: a list per service, flattened, costs more than the bindings themselves. Sized
            // for the usual port entry or so a service: grown by doubling, the list of a large file was
            // twice what it holds, and the largest allocation while the rules run.
            var bindings: [Binding] = []
            bindings.reserveCapacity(compose.services.reduce(0) { $0 + $1.ports.count })
            for service in compose.services { Self.addBindings(of: service, to: &bindings) }
            report(bindings, context: &context)
        case .pod(let pod):
            report(pod.containers.flatMap(Self.bindings), context: &context)
        default:
            break
        }
    }

    /// Adds the fixed host ports a service publishes (not dynamic ranges, not with host networking).
    static func addBindings(of service: ComposeService, to bindings: inout [Binding]) {
        guard !service.ports.isEmpty, service.networkMode?.string?.value != "host" else { return }
        let profiles = Set(service.profiles?.stringList.map(\.value) ?? [])
        for entry in service.ports {
            guard case .success(let spec) = entry.spec, let published = spec.published, published.count == spec.target.count else { continue }
            let publishedIsNumber = entry.publishedField.map { if case .int = $0.resolved { true } else { false } } == true
            bindings.append(Binding(owner: .service(name: service.name.value), profiles: profiles, address: spec.hostIP.flatMap { $0.isEmpty ? nil : $0 },
                                    ports: published, protocol: Self.lowercased(spec.protocol), entry: entry.node.located(""),
                                    repeatKey: .init(offset: published.lowerBound - spec.target.lowerBound, publishedIsNumber: publishedIsNumber)))
        }
    }

    /// A protocol as bindings compare it: lower-cased, which nearly every one already is (`tcp`).
    static func lowercased(_ protocol: String) -> String {
        `protocol`.allBytes { $0 < 0x80 && !($0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z")) } ? `protocol` : `protocol`.lowercased()
    }

    static func bindings(of container: PodContainer) -> [Binding] {
        container.ports.compactMap { port in
            guard let hostPort = port.hostPort?.integer, hostPort.value > 0, hostPort.value <= 65535 else { return nil }
            let address = port.hostIP?.string?.value
            return Binding(owner: .container(label: container.label), profiles: [], address: address?.isEmpty == false ? address : nil,
                           ports: Int(hostPort.value)...Int(hostPort.value), protocol: (port.protocol?.string?.value ?? "TCP").lowercased(),
                           entry: hostPort.map { "\($0)" })
        }
    }

    /// Each binding is compared with the earlier ones: single ports through an index by protocol and port
    /// that keeps the first binding per address and profile set (a range wider than the index is compared
    /// with all of it instead of looking up each port), ranges one by one. A budget of look-ups and
    /// comparisons keeps a hostile file (thousands of overlapping ranges) fast; past it, checking stops.
    func report(_ bindings: [Binding], context: inout RuleContext) {
        struct PortKey: Hashable { let port: Int; let `protocol`: String }
        var singles: [PortKey: [Int]] = [:]
        var indexed: [Int] = []
        var ranges: [Int] = []
        var budget = 1_000_000
        singles.reserveCapacity(bindings.count)
        for (index, binding) in bindings.enumerated() {
            let single = binding.ports.count == 1
            let key = PortKey(port: binding.ports.lowerBound, protocol: binding.protocol)
            // A single port's entry of the index, looked up once: for the candidates, and for whether
            // the binding joins the index.
            let sameKey = single ? singles[key] ?? [] : []
            var candidates = ranges
            if binding.ports.count > indexed.count {
                candidates += indexed
            } else if single {
                candidates += sameKey
            } else {
                for port in binding.ports {
                    candidates += singles[PortKey(port: port, protocol: binding.protocol)] ?? []
                }
            }
            budget -= min(binding.ports.count, indexed.count) + candidates.count
            guard budget > 0 else { return }
            let conflicting = candidates.filter { bindings[$0].conflicts(with: binding) }
            // A repeat Compose drops is reported only when nothing else conflicts.
            if let first = conflicting.filter({ !bindings[$0].repeats(binding) }).min() {
                let other = bindings[first]
                let relation = other.ports == binding.ports && other.address == binding.address
                    ? "\(single ? "is" : "are") already published by \(other.ownerDescription)"
                    : "overlap\(single ? "s" : "") \(other.description), published by \(other.ownerDescription)"
                context.report("\(binding.description) \(relation); a host port can be bound once, change one of them",
                               at: binding.entry, notes: [other.entry.note("published here first")])
            } else if let first = conflicting.min() {
                let other = bindings[first]
                let ports = binding.ports.count == 1 ? "the same container port" : "the same container ports"
                context.report("\(binding.description) \(single ? "is" : "are") mapped to \(ports) again by \(binding.ownerDescription); "
                               + "Compose keeps one of the repeated entries, remove this one",
                               at: binding.entry, notes: [other.entry.note("first mapped here")], severity: .info)
            }
            if !single {
                ranges.append(index)
            } else {
                if !sameKey.contains(where: { bindings[$0].address == binding.address && bindings[$0].profiles == binding.profiles }) {
                    singles[key, default: []].append(index)
                    indexed.append(index)
                }
            }
        }
    }
}
