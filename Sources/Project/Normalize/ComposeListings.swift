import Syntax

/// The listings of `docker compose config --services`, `--images`, `--volumes`, `--profiles` and
/// `--variables`, one line each. Where Compose walks a Go map, and so prints in an order that changes
/// from run to run, these print in name order.
public enum ComposeListings {
    /// The active services, each after the services it depends on (Compose starts them in that order).
    public static func services(_ model: [String: ComposeValue]) -> [String] {
        let services = model["services"]?.map ?? [:]
        var visited: Set<String> = []
        var order: [String] = []
        func visit(_ name: String) {
            guard services[name] != nil, visited.insert(name).inserted else { return }
            for dependency in (services[name]?["depends_on"]?.map ?? [:]).keys.sorted() { visit(dependency) }
            order.append(name)
        }
        for name in services.keys.sorted() { visit(name) }
        return order
    }

    /// Each active service's image, or the name Compose gives the image it builds (`PROJECT-SERVICE`).
    public static func images(_ model: [String: ComposeValue], projectName: String) -> [String] {
        ComposeNormalizer.sorted(model["services"]?.map ?? [:]).map { name, service in
            service["image"]?.printed.flatMap { $0.isEmpty ? nil : $0 } ?? "\(projectName)-\(name)"
        }
    }

    /// The volumes the active services use.
    public static func volumes(_ model: [String: ComposeValue]) -> [String] {
        (model["volumes"]?.map ?? [:]).keys.sorted()
    }

    /// Every profile a service names, active or not, sorted.
    public static func profiles(of tree: YAMLTree) -> [String] {
        let root = tree.root
        guard let services = tree.value(forKey: "services", in: root), tree[services].isMapping else { return [] }
        var profiles: Set<String> = []
        for pair in tree.pairs(of: services) {
            guard tree[pair.value].isMapping, let list = tree.value(forKey: "profiles", in: pair.value), tree[list].kind == .sequence else { continue }
            for item in tree.items(of: list) where tree[item].isScalar { profiles.insert(tree[item].text) }
        }
        return profiles.sorted()
    }
}
