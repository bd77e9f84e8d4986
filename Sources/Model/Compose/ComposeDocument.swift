import Diagnostics
import Syntax

/// A Compose file, in either layout the platforms take.
public struct ComposeDocument: Sendable {
    public enum Layout: Sendable {
        /// Compose file format v1: services at the top level (the aliyun and v2 `composes` dialect).
        case v1
        /// v2, v3 and the Compose Specification: services under `services:`.
        case services

        /// The layout of a tree read as a Compose file. A file of only the specification's top-level keys
        /// is no v1 file, even without `services:`: an override holding only `name:` or `volumes:`, or
        /// an empty one, is how Compose users write the spec. Only where such a key holds what is plainly
        /// a service (a mapping with `image` or `build`: `volumes: {image: busybox}`) is it the v1
        /// service of that name, as the platforms' v1 dialect reads it; Docker Compose v2 refuses that
        /// file either way (`volumes.image must be a mapping or null`).
        public static func of(_ tree: YAMLTree) -> Layout {
            let root = tree.root
            guard tree[root].isMapping, tree.value(forKey: "services", in: root) == nil else { return .services }
            let isSpec = tree.pairs(of: root).allSatisfy { pair in
                let key = tree[pair.key].text
                return key == "version" || key.hasPrefix(ascii: "x-") || (topLevelKeys.contains(key) && !looksLikeService(pair.value, in: tree))
            }
            return isSpec ? .services : .v1
        }

        /// The top-level keys of the Compose Specification besides `version` and the `x-` extensions.
        public static let topLevelKeys: Set<String> = ["name", "services", "volumes", "networks", "secrets", "configs", "include", "models"]

        /// A mapping with an `image` or a `build` (a path, or a mapping with `context` or `dockerfile`): what
        /// a v1 file's service holds, and no resource of the spec does, whose entries are mappings or null
        /// (a volume named `image` is `image: {}`).
        static func looksLikeService(_ node: NodeID, in tree: YAMLTree) -> Bool {
            guard tree[node].isMapping else { return false }
            let isText = { (key: String) in tree.value(forKey: key, in: node).map { tree[$0].isScalar && tree[$0].resolved != .null } ?? false }
            if isText("image") || isText("build") { return true }
            guard let build = tree.value(forKey: "build", in: node), tree[build].isMapping else { return false }
            return tree.value(forKey: "context", in: build) != nil || tree.value(forKey: "dockerfile", in: build) != nil
        }
    }

    public let root: NodeRef
    public let layout: Layout
    public let services: [ComposeService]

    public init(root: NodeRef, layout: Layout) {
        self.init(root: root, layout: layout, services: Self.decode(Self.declaredServices(in: root, layout: layout)[...]))
    }

    /// A document whose services were decoded by the caller (`DocumentDecoder` spreads large files'
    /// services over the cores with `decode(_:)`).
    init(root: NodeRef, layout: Layout, services: [ComposeService]) {
        self.root = root
        self.layout = layout
        self.services = services
    }

    /// A service's name and node, before decoding.
    typealias DeclaredService = (name: Located<String>, node: NodeRef)

    /// The services of the document: every key of `services:` (or, in v1, every top-level key that is
    /// no `version` or `x-` extension) whose value is a mapping; anything else is a schema error.
    static func declaredServices(in root: NodeRef, layout: Layout) -> [DeclaredService] {
        let declared: (Located<String>, NodeRef) -> DeclaredService? = { name, node in node.isMapping ? (name, node) : nil }
        switch layout {
        case .services: return root["services"]?.compactMapPairs(declared) ?? []
        case .v1: return root.compactMapPairs(whereKey: isV1ServiceKey, declared)
        }
    }

    /// Decodes a run of services. The run reads the tree through its own shared reference
    /// (`NodeRef.detached()`), so runs decoded on different threads do not contend for one reference count.
    static func decode(_ run: ArraySlice<DeclaredService>) -> [ComposeService] {
        guard let first = run.first else { return [] }
        let own = first.node.detached()
        return run.map { ComposeService(name: own.sibling($0.name), node: own.sibling($0.node)) }
    }

    /// Top-level keys of a v1 file that are not services.
    static func isV1ServiceKey(_ key: String) -> Bool {
        key != "version" && !key.hasPrefix(ascii: "x-")
    }

    public func service(named name: String) -> ComposeService? {
        services.first { $0.name.value == name }
    }

    /// A top-level section of shared resources, which services name.
    public enum Section: String, CaseIterable, Sendable {
        case volumes, networks, secrets, configs

        /// What one of its entries is called: `volume`.
        public var noun: String { String(rawValue.dropLast()) }
    }

    /// Names declared under a top-level section; v1 files have none.
    public func declaredNames(_ section: Section) -> [Located<String>] {
        guard layout == .services else { return [] }
        return root[section.rawValue]?.compactMapPairs { key, _ in key } ?? []
    }

    /// The entries of a top-level section, by name, in source order (whatever the layout: a v1 file's
    /// `volumes:` would be a service, and is not read as a section by the callers).
    public func resources(_ section: Section) -> [(name: Located<String>, resource: ComposeResource)] {
        root[section.rawValue]?.compactMapPairs { ($0, ComposeResource(node: $1)) } ?? []
    }

    /// `version:`, obsolete in the Compose Specification.
    public var version: NodeRef? { root["version"] }
    public var versionKey: Located<String>? { root.locatedKey("version") }
    /// The project name of a services-layout file (in v1 a service of that name).
    public var name: NodeRef? { root["name"] }
    /// `include:`, which brings in other files' services and resources.
    public var include: NodeRef? { root["include"] }
}

/// One service of a Compose file. Fields are read from its node on demand, except the lists that many
/// rules read for every service (environment, labels, dependencies, ports): those are read once, when
/// the document is decoded, instead of once per rule. A class, so the rules' loops over services copy one
/// reference instead of every list.
public final class ComposeService: Sendable {
    public let name: Located<String>
    public let node: NodeRef
    public let environment: [KeyValueEntry]
    public let labels: [KeyValueEntry]
    /// The labels whose names start with `aliyun.`, in source order.
    public let aliyunLabels: [AliyunLabelEntry]
    /// Services this one must start after: `depends_on` (list or mapping keys), `links` and
    /// `volumes_from` (the part before `:`, except `container:` references), and the aliyun
    /// `aliyun.depends` label (comma-separated).
    public let dependencies: [Dependency]
    public let ports: [PortEntry]

    public init(name: Located<String>, node: NodeRef) {
        self.name = name
        self.node = node
        environment = node["environment"]?.keyValueEntries ?? []
        let labelsNode = node["labels"]
        labels = labelsNode?.keyValueEntries ?? []
        aliyunLabels = labelsNode.map(Self.aliyunLabels(in:)) ?? []
        ports = node["ports"]?.compactMapItems(PortEntry.init) ?? []
        dependencies = Self.dependencies(of: node, labels: labels)
    }

    public var image: Located<String>? { node["image"]?.string }
    public var containerName: Located<String>? { node["container_name"]?.string }

    private static func dependencies(of node: NodeRef, labels: [KeyValueEntry]) -> [Dependency] {
        var result: [Dependency] = []
        if let dependsOn = node["depends_on"] {
            result = dependsOn.isMapping
                ? dependsOn.compactMapPairs { key, _ in Dependency(name: key, via: .dependsOn) }
                : dependsOn.compactMapItems { item in item.string.map { Dependency(name: $0, via: .dependsOn) } }
        }
        for link in node["links"]?.compactMapItems({ $0.string }) ?? [] {
            result.append(Dependency(name: link.map { $0.firstNonEmptyPiece(ascii: ":") }, via: .link))
        }
        for source in node["volumes_from"]?.compactMapItems({ $0.string }) ?? [] where !source.value.hasPrefix(ascii: "container:") {
            var name = Substring(source.value)
            if name.hasPrefix(ascii: "service:") { name = Substring(name.utf8.dropFirst("service:".utf8.count)) }
            result.append(Dependency(name: source.map { _ in name.firstNonEmptyPiece(ascii: ":") }, via: .volumesFrom))
        }
        if let value = labels.first(where: { $0.nameText == "aliyun.depends" })?.value {
            for part in value.value.split(ascii: ",", omittingEmpty: true) {
                let trimmed = part.trimmingCharacters(in: " \t")
                if !trimmed.isEmpty {
                    result.append(Dependency(name: value.map { _ in trimmed }, via: .aliyunDepends))
                }
            }
        }
        return result
    }

    public struct Dependency: Sendable {
        public enum Source: String, Sendable {
            case dependsOn = "depends_on"
            case link = "links"
            case volumesFrom = "volumes_from"
            case aliyunDepends = "aliyun.depends"
        }

        public let name: Located<String>
        public let via: Source
    }

    public var volumes: [VolumeEntry] {
        (node["volumes"]?.items ?? []).map(VolumeEntry.init)
    }
}

extension Substring {
    func trimmingCharacters(in characters: String) -> String {
        var slice = self
        while let first = slice.first, characters.contains(first) { slice.removeFirst() }
        while let last = slice.last, characters.contains(last) { slice.removeLast() }
        return String(slice)
    }
}
