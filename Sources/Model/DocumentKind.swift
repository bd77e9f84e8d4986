import Syntax

/// What a template is. The platforms' APIs take different documents, and every later check depends on
/// knowing which one a file holds; `--kind` names one explicitly, otherwise it is detected from content.
public enum DocumentKind: String, Sendable, CaseIterable {
    /// Compose, in the v1 layout (services at the top level) or the `services:` layout of v2/v3.
    case compose
    /// A podstack pod template: `containers:`, `volumes:`, `replicas:`, `annotation:`.
    case pod
    /// A v2 application spec (`imageRef`, `instanceNum`, …).
    case application
    case configmap
    case secret
    /// An Alauda v1 service (`service_name`, `image_name`, …).
    case alaudaService = "alauda-service"
    /// An aliyun volume (`name`, `driver`, `driverOpts`).
    case aliyunVolume = "aliyun-volume"
    /// A stackc stack manifest naming a target, a template and request metadata.
    case stack

    /// The outcome of looking at a document's keys.
    public enum Detection: Equatable, Sendable {
        case kind(DocumentKind, ComposeDocument.Layout?)
        /// Could be any of these; the user must say which.
        case ambiguous([DocumentKind])
        /// A Kubernetes object (`apiVersion` and `kind: Pod`, `Deployment` …): not a template, though a
        /// pod's spec is close to one, so it gets its own explanation.
        case kubernetes(String)
        case unknown
    }

    /// Detects the kind of a tree. An explicit top-level `kind:` marker (`ConfigMap`, `secret`, …) wins;
    /// otherwise the keys that only one kind has decide.
    public static func detect(_ tree: YAMLTree) -> Detection {
        let root = tree.root
        guard tree[root].isMapping else { return .unknown }
        func has(_ key: String) -> Bool { tree.value(forKey: key, in: root) != nil }
        if has("apiVersion"), has("metadata") || has("spec"), let marker = tree.value(forKey: "kind", in: root), tree[marker].isScalar {
            return .kubernetes(tree[marker].text)
        }
        if let marker = tree.value(forKey: "kind", in: root), tree[marker].isScalar,
           let kind = DocumentKind(marker: tree[marker].text) {
            return .kind(kind, kind == .compose ? (has("services") ? .services : .v1) : nil)
        }
        if has("services") { return .kind(.compose, .services) }
        if has("containers") { return .kind(.pod, nil) }
        if has("driverOpts") || (has("driver") && has("name")) { return .kind(.aliyunVolume, nil) }
        if has("service_name") || has("image_name") { return .kind(.alaudaService, nil) }
        if has("imageRef") || has("instanceNum") { return .kind(.application, nil) }
        if has("stringData") { return .kind(.secret, nil) }
        if has("target") && has("template") { return .kind(.stack, nil) }
        if has("data") && has("name") { return .ambiguous([.configmap, .secret]) }
        // A Compose file may hold only a project `name:` or shared resources (`volumes:`, `networks:` …)
        // for others to use; one of only `version:` and `x-` keys is not taken for one.
        let keys = tree.pairs(of: root).map { tree[$0.key].text }
        let layout = ComposeDocument.Layout.of(tree)
        if layout == .services, keys.contains(where: ComposeDocument.Layout.topLevelKeys.contains) {
            return .kind(.compose, .services)
        }
        let looksLikeService = tree.pairs(of: root).contains { pair in
            ComposeDocument.isV1ServiceKey(tree[pair.key].text) && ComposeDocument.Layout.looksLikeService(pair.value, in: tree)
        }
        return looksLikeService ? .kind(.compose, .v1) : .unknown
    }

    /// Reads a `kind:` marker leniently: `ConfigMap`, `configmap` and `config-map` all name one kind.
    init?(marker: String) {
        let normalized = marker.lowercased().filter { $0 != "-" && $0 != "_" }
        guard let match = Self.allCases.first(where: { $0.rawValue.filter { $0 != "-" } == normalized }) else { return nil }
        self = match
    }
}
