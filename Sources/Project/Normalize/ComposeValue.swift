import Syntax

/// A value of Docker Compose's untyped model (`map[string]any` in compose-go): what its loader's
/// transformations rewrite before the model is decoded into Compose's types. Mappings are unordered,
/// as Go's are; every output that shows one sorts its keys.
public indirect enum ComposeValue: Sendable, Equatable {
    case string(String)
    case int(Int64)
    case float(Double)
    case bool(Bool)
    case null
    case list([ComposeValue])
    case map([String: ComposeValue])

    /// The value of a node of a substituted tree: each scalar as YAML types it, or as `typed` gives it
    /// (the types Compose gives substituted values, `ComposeTypedValues`). Duplicate keys (already an
    /// error) keep the last value, as Go's YAML reader does.
    public init(_ tree: YAMLTree, _ id: NodeID, typed: [NodeID: ScalarValue]) {
        let node = tree[id]
        switch node.kind {
        case .scalar:
            switch typed[id] ?? node.resolved {
            case .null: self = .null
            case .bool(let value): self = .bool(value)
            case .int(let value): self = .int(value)
            case .float(let value): self = .float(value)
            case .string(let value): self = .string(value)
            }
        case .sequence:
            self = .list(tree.items(of: id).map { ComposeValue(tree, $0, typed: typed) })
        case .mapping:
            var members: [String: ComposeValue] = [:]
            for pair in tree.pairs(of: id) { members[tree[pair.key].text] = ComposeValue(tree, pair.value, typed: typed) }
            self = .map(members)
        }
    }

    public var string: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    public var map: [String: ComposeValue]? {
        if case .map(let members) = self { return members }
        return nil
    }

    public var list: [ComposeValue]? {
        if case .list(let items) = self { return items }
        return nil
    }

    public subscript(key: String) -> ComposeValue? {
        get { map?[key] }
        set {
            guard case .map(var members) = self else { return }
            members[key] = newValue
            self = .map(members)
        }
    }

    /// The value as Go's `fmt.Sprint` writes it, which is how Compose turns a number or a boolean into
    /// the string a string field holds (`labels: {port: 80}` is "80"); nil for null and collections.
    public var printed: String? {
        switch self {
        case .string(let text): text
        case .int(let value): String(value)
        case .float(let value): GoNumber.formatG(value)
        case .bool(let value): value ? "true" : "false"
        case .null, .list, .map: nil
        }
    }
}
