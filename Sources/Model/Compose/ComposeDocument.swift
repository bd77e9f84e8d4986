import Diagnostics
import Syntax

/// A Compose file, in either layout the platforms take.
public struct ComposeDocument: Sendable {
    public enum Layout: Sendable {
        /// Compose file format v1: services at the top level (the aliyun and v2 `composes` dialect).
        case v1
        /// v2, v3 and the Compose Specification: services under `services:`.
        case services
    }

    public let root: NodeRef
    public let layout: Layout
    public let services: [ComposeService]

    public init(root: NodeRef, layout: Layout) {
        self.root = root
        self.layout = layout
        switch layout {
        case .services:
            services = (root["services"]?.entries ?? []).filter { $0.value.isMapping }.map { ComposeService(name: $0.key, node: $0.value.sealed()) }
        case .v1:
            services = root.entries.filter { Self.isV1ServiceKey($0.key.value) && $0.value.isMapping }.map { ComposeService(name: $0.key, node: $0.value.sealed()) }
        }
    }

    /// Top-level keys of a v1 file that are not services.
    static func isV1ServiceKey(_ key: String) -> Bool {
        key != "version" && !key.hasPrefix(ascii: "x-")
    }

    public func service(named name: String) -> ComposeService? {
        services.first { $0.name.value == name }
    }

    /// Names declared under a top-level section (`volumes`, `networks`, `secrets`, `configs`); v1 files
    /// have none.
    public func declaredNames(_ section: String) -> [Located<String>] {
        guard layout == .services else { return [] }
        return root[section]?.entries.map(\.key) ?? []
    }
}

/// One service of a Compose file, read on demand from its node.
public struct ComposeService: Sendable {
    public let name: Located<String>
    public let node: NodeRef

    public subscript(key: String) -> NodeRef? { node[key] }

    public var image: Located<String>? { node["image"]?.string }
    public var containerName: Located<String>? { node["container_name"]?.string }
    public var environment: [KeyValueEntry] { node["environment"]?.keyValueEntries ?? [] }
    public var labels: [KeyValueEntry] { node["labels"]?.keyValueEntries ?? [] }

    /// Services this one must start after: `depends_on` (list or mapping keys), `links` and
    /// `volumes_from` (the part before `:`, except `container:` references), and the aliyun
    /// `aliyun.depends` label (comma-separated).
    public var dependencies: [Dependency] {
        var result: [Dependency] = []
        if let dependsOn = node["depends_on"] {
            let names = dependsOn.isMapping ? dependsOn.entries.map(\.key) : dependsOn.items.compactMap(\.string)
            result += names.map { Dependency(name: $0, via: .dependsOn) }
        }
        for link in node["links"]?.items.compactMap(\.string) ?? [] {
            result.append(Dependency(name: link.map { String($0.split(ascii: ":", maxSplits: 1, omittingEmpty: true).first ?? "") }, via: .link))
        }
        for source in node["volumes_from"]?.items.compactMap(\.string) ?? [] where !source.value.hasPrefix(ascii: "container:") {
            var name = source.value
            if name.hasPrefix(ascii: "service:") { name.removeFirst("service:".count) }
            result.append(Dependency(name: source.map { _ in String(name.split(ascii: ":", omittingEmpty: true).first ?? "") }, via: .volumesFrom))
        }
        if let value = aliyunDepends {
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

    /// The `aliyun.depends` label's value, found without reading every label.
    var aliyunDepends: Located<String>? {
        guard let labels = node["labels"] else { return nil }
        if labels.isMapping { return labels["aliyun.depends"]?.string }
        return labels.keyValueEntries.first { $0.name.value == "aliyun.depends" }?.value
    }

    public var ports: [PortEntry] {
        (node["ports"]?.items ?? []).map(PortEntry.init)
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
