/// A podstack pod template (PLATFORM_API.md §5): containers, volumes, replicas and the platform's
/// per-container log/data `annotation` list.
public struct PodDocument: Sendable {
    public let root: NodeRef

    public init(root: NodeRef) {
        self.root = root
    }

    public var containers: [PodContainer] {
        (root["containers"]?.items ?? []).filter(\.isMapping).map(PodContainer.init)
    }

    /// Declared volumes: each item's `name`.
    public var volumes: [NodeRef] {
        (root["volumes"]?.items ?? []).filter(\.isMapping)
    }

    public var annotations: [NodeRef] {
        (root["annotation"]?.items ?? []).filter(\.isMapping)
    }
}

public struct PodContainer: Sendable {
    public let node: NodeRef

    public init(_ node: NodeRef) {
        self.node = node
    }

    public var name: Located<String>? { node["name"]?.string }
    public var image: Located<String>? { node["image"]?.string }
    public var env: [NodeRef] { (node["env"]?.items ?? []).filter(\.isMapping) }
    public var ports: [NodeRef] { (node["ports"]?.items ?? []).filter(\.isMapping) }
    public var volumeMounts: [NodeRef] { (node["volumeMounts"]?.items ?? []).filter(\.isMapping) }
}
