import Syntax

/// What a template is, decided from its content: the platforms' APIs take different documents, and
/// every later check depends on knowing which one a file holds.
public enum DocumentKind: String, Sendable, CaseIterable {
    /// Compose v1: services at the top level (the aliyun and v2 `composes` dialect).
    case composeV1 = "compose-v1"
    /// Compose v2/v3 and the Compose Specification: a `services:` mapping.
    case compose
    /// A podstack pod template: `containers:` and optionally `volumes:`, `replicas:`, `annotation:`.
    case pod

    /// Detects the kind of a tree whose root is a mapping; nil when nothing identifies it.
    public static func detect(_ tree: YAMLTree) -> DocumentKind? {
        let root = tree.root
        guard tree[root].isMapping else { return nil }
        if tree.value(forKey: "services", in: root) != nil { return .compose }
        if tree.value(forKey: "containers", in: root) != nil { return .pod }
        let looksLikeService = tree.pairs(of: root).contains { pair in
            tree[pair.value].isMapping && (tree.value(forKey: "image", in: pair.value) != nil || tree.value(forKey: "build", in: pair.value) != nil)
        }
        return looksLikeService ? .composeV1 : nil
    }
}
