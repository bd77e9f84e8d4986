import Model
import Syntax

/// One Compose service naming another where Docker Compose needs that service: `depends_on`, `links`,
/// `volumes_from`, a `service:NAME` namespace (`network_mode`, `ipc`, `pid`, `uts`) and the aliyun
/// `aliyun.depends` label. compose-go v2.9's `Normalize` turns all but the label into `depends_on`
/// entries, so each must name a defined, active service and none may close a cycle.
struct ServiceReference {
    enum Via: String {
        case dependsOn = "depends_on"
        case links
        case volumesFrom = "volumes_from"
        case aliyunDepends = "aliyun.depends"
        case networkMode = "network_mode"
        case ipc, pid, uts
    }

    /// The service named, located at the value that names it.
    let name: Located<String>
    let via: Via
    /// The value as written, when it says more than the name (`service:db` in `volumes_from`).
    let written: String
}

/// The relations between the services of one Compose file that several rules follow: the references
/// each service makes, the same-file `extends` chains and the profiles. Worked out once per check
/// (`SharedDerivations`), however many rules ask; a class, so that each rule takes one reference to
/// it rather than a copy of each of its arrays.
final class ComposeRelations: Sendable {
    let services: [ComposeService]
    /// The first service of each name.
    let index: [String: Int]
    /// For each service, the services it names (see `ServiceReference`).
    let references: [[ServiceReference]]
    /// For each service, the service its `extends` names in this file (`extends: NAME`, or
    /// `{service: NAME}` without `file`), as written; nil when it extends nothing or another file.
    let extendsTargets: [Located<String>?]
    /// For each service, the service of this file it extends, when that service exists.
    let bases: [Int?]
    /// For each service that extends another of this file, the service and those it extends, nearest
    /// first (see `chains(_:)`); empty for the others, most services, which need no array of their own.
    let chains: [[Int]]
    /// For each service, its profiles once its `extends` chain is merged (Compose appends the lists).
    let profiles: [[String]]
    /// For each service, whether Compose runs it without `--profile` or `COMPOSE_PROFILES`: it has no
    /// profile, or an empty one (which the empty default selection matches).
    let isActiveByDefault: [Bool]

    /// The keys whose `service:NAME` values name a service whose namespace the container joins (`cgroup`
    /// takes only `host` and `private`, which the schema checks).
    static let namespaceKeys: [(key: String, field: @Sendable (ComposeService) -> NodeRef?, via: ServiceReference.Via)] = [
        ("network_mode", { $0.networkMode }, .networkMode), ("ipc", { $0.ipc }, .ipc), ("pid", { $0.pid }, .pid), ("uts", { $0.uts }, .uts),
    ]
    /// Keys that most services lack: one test rules them out together before each is looked up.
    static let rareKeys = KeySet(["volumes_from", "extends", "profiles"] + namespaceKeys.map(\.key))

    static func of(_ compose: ComposeDocument, sharedBy context: RuleContext) -> ComposeRelations {
        context.shared.value(for: ComposeRelations.self) { ComposeRelations(compose) }
    }

    init(_ compose: ComposeDocument) {
        let services = compose.services
        self.services = services
        var index = [String: Int](minimumCapacity: services.count)
        var references: [[ServiceReference]] = []
        var targets: [Located<String>?] = []
        var profiles: [[String]] = []
        references.reserveCapacity(services.count)
        targets.reserveCapacity(services.count)
        profiles.reserveCapacity(services.count)
        for (position, service) in services.enumerated() {
            if index[service.name.value] == nil { index[service.name.value] = position }
            // One test rules out `extends`, `profiles`, `volumes_from` and the namespaces for most services.
            let hasRareKeys = service.node.containsAnyKey(Self.rareKeys)
            references.append(Self.references(of: service, hasRareKeys: hasRareKeys))
            targets.append(hasRareKeys ? Self.extendsTarget(of: service) : nil)
            profiles.append(hasRareKeys ? (service.profiles?.items.compactMap(\.scalarText) ?? []) : [])
        }
        self.index = index
        self.references = references
        extendsTargets = targets
        var bases = [Int?](repeating: nil, count: services.count)
        var extendsAny = false
        for (position, target) in targets.enumerated() {
            guard let target, let base = index[target.value] else { continue }
            bases[position] = base
            extendsAny = true
        }
        self.bases = bases
        // Most files extend nothing: each service then has its own profiles and no chain.
        let chains = extendsAny ? Self.chains(bases) : [[Int]](repeating: [], count: services.count)
        self.chains = chains
        let merged = extendsAny ? chains.enumerated().map { service, chain in chain.isEmpty ? profiles[service] : chain.flatMap { profiles[$0] } } : profiles
        self.profiles = merged
        isActiveByDefault = merged.map { $0.isEmpty || $0.contains("") }
    }

    /// Each service's chain: the service, then the service it extends, and so on, each once (a cycle is
    /// `dependency-cycle`'s finding). The walk stops after `longestChain` links, far beyond any real file,
    /// so a hostile one costs no more.
    private static func chains(_ bases: [Int?]) -> [[Int]] {
        // The walk that last passed each service, so that a repeat is found without searching the chain.
        var passedBy = [Int](repeating: -1, count: bases.count)
        return bases.indices.map { service in
            guard bases[service] != nil else { return [] }
            var chain = [service]
            passedBy[service] = service
            var current = service
            while let base = bases[current], chain.count <= longestChain, passedBy[base] != service {
                chain.append(base)
                passedBy[base] = service
                current = base
            }
            return chain
        }
    }

    /// The references of one service: `depends_on`, `links` and `aliyun.depends` as the document read
    /// them, then `volumes_from` and the namespaces.
    private static func references(of service: ComposeService, hasRareKeys: Bool) -> [ServiceReference] {
        // The document's dependencies read `volumes_from: service:db` as service 'db'; Compose v2 splits
        // at the first ':' and needs a service named 'service', so those are read again here.
        if service.dependencies.isEmpty && !hasRareKeys { return [] }
        var result = service.dependencies.compactMap { dependency -> ServiceReference? in
            switch dependency.via {
            case .dependsOn: ServiceReference(name: dependency.name, via: .dependsOn, written: dependency.name.value)
            case .link: ServiceReference(name: dependency.name, via: .links, written: dependency.name.value)
            case .aliyunDepends: ServiceReference(name: dependency.name, via: .aliyunDepends, written: dependency.name.value)
            case .volumesFrom: nil
            }
        }
        guard hasRareKeys else { return result }
        for source in service.volumesFrom?.items.compactMap(\.string) ?? [] where !source.value.hasPrefix(ascii: "container:") {
            let name = source.map { String($0.split(ascii: ":", maxSplits: 1)[0]) }
            result.append(ServiceReference(name: name, via: .volumesFrom, written: source.value))
        }
        for (_, field, via) in namespaceKeys {
            guard let value = field(service)?.string, value.value.hasPrefix(ascii: "service:") else { continue }
            result.append(ServiceReference(name: value.map { String($0.dropFirst("service:".count)) }, via: via, written: value.value))
        }
        return result
    }

    /// The service `extends` names in the same file: Compose looks it up among the file's own services
    /// before anything else is read.
    private static func extendsTarget(of service: ComposeService) -> Located<String>? {
        guard let extends = service.extends else { return nil }
        if extends.node.isMapping {
            return extends.file == nil ? extends.service?.string : nil
        }
        return extends.node.string
    }

    static let longestChain = 64

    /// The references a service has once Compose has merged its `extends` chain: its own, then the ones
    /// it inherits, located at its `extends` (where it takes them in). `depends_on`, `links` and
    /// `volumes_from` add up along the chain; a namespace (`network_mode: service:x`) comes from the
    /// nearest service that sets the key at all.
    func mergedReferences(of service: Int) -> [ServiceReference] {
        guard bases[service] != nil, let at = extendsTargets[service] else { return references[service] }
        let chain = chains[service]
        // A chain that comes back on itself merges nothing: Compose stops at the cycle.
        if let next = bases[chain[chain.count - 1]], chain.contains(next) { return references[service] }
        var result = references[service]
        for (position, member) in chain.enumerated().dropFirst() {
            for reference in references[member] {
                if let field = Self.namespaceKeys.first(where: { $0.via == reference.via })?.field,
                   chain[..<position].contains(where: { field(services[$0]) != nil }) { continue }
                result.append(ServiceReference(name: at.map { _ in reference.name.value }, via: reference.via, written: reference.written))
            }
        }
        return result
    }

    /// The value `read` finds first along the service's `extends` chain: what a setting that a service's
    /// own value replaces (`container_name`, `network_mode`, `scale`) is once Compose has merged the chain.
    /// `owner` is the service that wrote it.
    func inherited<Value>(_ service: Int, _ read: (ComposeService) -> Value?) -> (value: Value, owner: Int)? {
        guard bases[service] != nil else { return read(services[service]).map { ($0, service) } }
        for member in chains[service] {
            if let value = read(services[member]) { return (value, member) }
        }
        return nil
    }


    /// How a message says where a value comes from when the service inherits it: ` (from service 'base'
    /// through extends)`, or nothing for the service's own value.
    func origin(_ owner: Int, of service: Int) -> String {
        owner == service ? "" : " (from service '\(services[owner].name.value)' through extends)"
    }
}
