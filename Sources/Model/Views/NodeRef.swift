import Diagnostics
import Syntax

/// A node of a template together with its path: the typed documents are thin views over the tree made
/// of these, so every value a rule reads keeps its exact range and path, and nothing is decoded that no
/// rule asks for.
public struct NodeRef: Sendable {
    /// The tree, held through one shared reference: rules copy node references by the thousand, and a
    /// copy should cost one reference count, not one per array of the tree.
    private let shared: SharedTree
    public let id: NodeID
    public let path: NodePath

    public var tree: YAMLTree { shared.tree }

    public init(tree: YAMLTree, id: NodeID, path: NodePath) {
        self.init(shared: SharedTree(tree), id: id, path: path)
    }

    private init(shared: SharedTree, id: NodeID, path: NodePath) {
        self.shared = shared
        self.id = id
        self.path = path
    }

    /// The same reference with its path sealed (see `NodePath.sealed()`): worth it for a node whose
    /// keys are read many times, such as a service, so each read appends to its path without allocating.
    public func sealed() -> NodeRef {
        NodeRef(shared: shared, id: id, path: path.sealed())
    }

    public var node: YAMLNode { shared.tree[id] }
    /// The node's text read in place: `node.text` copies the whole node (its strings retained and
    /// released) to read one field, which rules do for every value they check.
    public var text: String { shared.tree[id].text }
    /// The node's resolved value, read without copying the node (see `text`).
    public var resolved: ScalarValue { shared.tree[id].resolved }
    public var range: SourceRange { shared.tree[id].range }
    public var isMapping: Bool { shared.tree[id].isMapping }
    public var isSequence: Bool { shared.tree[id].isSequence }
    public var isScalar: Bool { shared.tree[id].isScalar }
    public var isNull: Bool { shared.tree[id].isNullScalar }

    /// The value under a key of a mapping.
    public subscript(key: String) -> NodeRef? {
        guard shared.tree[id].isMapping, let child = shared.tree.value(forKey: key, in: id) else { return nil }
        return NodeRef(shared: shared, id: child, path: path.appending(key: key))
    }

    /// Key/value pairs of a mapping, keys as located strings (empty for other kinds).
    public var entries: [(key: Located<String>, value: NodeRef)] {
        let base = path.sealed()
        return shared.tree.pairs(of: id).map { entry($0, under: base) }
    }

    /// The pairs whose key text satisfies `include`, in source order. Filtering `entries` would build a
    /// located key and a path for every pair; this builds them only for the pairs kept, and seals the
    /// path only if one is (a service's `aliyun.` labels are usually none of its labels).
    public func entries(whereKey include: (String) -> Bool) -> [(key: Located<String>, value: NodeRef)] {
        var base: NodePath?
        var result: [(key: Located<String>, value: NodeRef)] = []
        for pair in shared.tree.pairs(of: id) where include(shared.tree[pair.key].text) {
            let sealed = base ?? path.sealed()
            base = sealed
            result.append(entry(pair, under: sealed))
        }
        return result
    }

    private func entry(_ pair: MappingPairs.Pair, under base: NodePath) -> (key: Located<String>, value: NodeRef) {
        let keyNode = shared.tree[pair.key]
        let childPath = base.appending(key: keyNode.text)
        return (Located(keyNode.text, range: keyNode.range, path: childPath), NodeRef(shared: shared, id: pair.value, path: childPath))
    }

    /// Items of a sequence (empty for other kinds).
    public var items: [NodeRef] {
        let base = path.sealed()
        return shared.tree.items(of: id).enumerated().map { index, item in
            NodeRef(shared: shared, id: item, path: base.appending(index: index))
        }
    }

    /// A scalar's text (numbers and booleans as written); nil for collections and null.
    public var string: Located<String>? {
        guard isScalar, !isNull || shared.tree[id].style.isQuoted else { return nil }
        return located(shared.tree[id].text)
    }

    /// A scalar's integer value, also from a quoted or substituted string of digits (Compose casts
    /// those); nil when the value is not an integer.
    public var integer: Located<Int64>? {
        guard isScalar else { return nil }
        switch shared.tree[id].resolved {
        case .int(let value): return located(value)
        case .string(let text): return ScalarValue.resolve(text, style: .plain, tag: nil).integerValue.map(located)
        default: return nil
        }
    }

    /// A scalar's numeric value (integer or float, from a string too).
    public var number: Located<Double>? {
        guard isScalar else { return nil }
        switch shared.tree[id].resolved {
        case .int(let value): return located(Double(value))
        case .float(let value): return located(value)
        case .string(let text):
            switch ScalarValue.resolve(text, style: .plain, tag: nil) {
            case .int(let value): return located(Double(value))
            case .float(let value): return located(value)
            default: return nil
            }
        default: return nil
        }
    }

    /// Strings of a list, or the single string of a scalar (Compose's "string or list").
    public var stringList: [Located<String>] {
        if isSequence { return items.compactMap(\.string) }
        return string.map { [$0] } ?? []
    }

    @inlinable
    public func located<Value>(_ value: Value) -> Located<Value> {
        Located(value, range: range, path: path)
    }
}

extension ScalarValue {
    var integerValue: Int64? {
        if case .int(let value) = self { return value }
        return nil
    }
}

/// A tree behind a reference, shared by all `NodeRef`s of one document.
final class SharedTree: Sendable {
    let tree: YAMLTree

    init(_ tree: YAMLTree) {
        self.tree = tree
    }
}
