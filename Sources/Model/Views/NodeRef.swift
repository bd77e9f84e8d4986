import Diagnostics
import Syntax

/// A node of a template together with its path: the typed documents are thin views over the tree made
/// of these, so every value a rule reads keeps its exact range and path, and nothing is decoded that no
/// rule asks for.
public struct NodeRef: Sendable {
    /// The tree, held through one shared reference: rules copy node references by the thousand, and a
    /// copy should cost one reference count, not one per array of the tree.
    @usableFromInline let shared: SharedTree
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

    /// The same node through a shared reference of its own: code on another thread that copies many
    /// references derived from this one then counts on its own object, not on the one every thread
    /// shares (the count's cache line would travel between the cores at every copy).
    public func detached() -> NodeRef {
        NodeRef(shared: SharedTree(shared.tree), id: id, path: path)
    }

    /// `other`, read through this reference's shared tree (see `detached()`); both must be of one tree.
    public func sibling(_ other: NodeRef) -> NodeRef {
        NodeRef(shared: shared, id: other.id, path: other.path)
    }

    /// The same reference with its path sealed (see `NodePath.sealed()`): worth it for a node whose
    /// keys are read many times, such as a service, so each read appends to its path without allocating.
    public func sealed() -> NodeRef {
        NodeRef(shared: shared, id: id, path: path.sealed())
    }

    public var node: YAMLNode { shared.tree[id] }
    /// Runs `body` with the node's address, so that a reader takes several fields in one visit and
    /// copies only what it keeps: `node` copies the whole node (its strings retained and released), and
    /// `text`, `resolved`, `isScalar`… each reach the node anew.
    @inlinable
    public func withNode<Result>(_ body: (UnsafePointer<YAMLNode>) -> Result) -> Result {
        shared.tree.withNodeAddress(id, body)
    }
    /// The node's text read in place: `node.text` copies the whole node (its strings retained and
    /// released) to read one field, which rules do for every value they check.
    public var text: String { shared.tree.withNodeAddress(id) { $0.pointee.text } }
    /// The node's resolved value, read without copying the node (see `text`).
    public var resolved: ScalarValue { shared.tree.withNodeAddress(id) { $0.pointee.resolved } }
    public var range: SourceRange { shared.tree.withNodeAddress(id) { $0.pointee.range } }
    public var isMapping: Bool { shared.tree.withNodeAddress(id) { $0.pointee.isMapping } }
    public var isSequence: Bool { shared.tree.withNodeAddress(id) { $0.pointee.isSequence } }
    public var isScalar: Bool { shared.tree.withNodeAddress(id) { $0.pointee.isScalar } }
    public var isNull: Bool { shared.tree.withNodeAddress(id) { $0.pointee.isNullScalar } }

    /// The value under a key of a mapping (nil for other kinds).
    public subscript(key: String) -> NodeRef? {
        guard let child = shared.tree.value(forKey: key, in: id) else { return nil }
        return NodeRef(shared: shared, id: child, path: path.appending(key: key))
    }

    /// Key/value pairs of a mapping, keys as located strings (empty for other kinds).
    public var entries: [(key: Located<String>, value: NodeRef)] {
        compactMapPairs { key, value in (key, value) }
    }

    /// The non-nil results of `transform` over the pairs of a mapping whose key text satisfies
    /// `include`, in source order (empty for other kinds). Filtering `entries` would build a located key
    /// and a path for every pair; this builds them only for the pairs kept, seals the path only if one
    /// is (a service's `aliyun.` labels are usually none of its labels), and makes no array of pairs.
    func compactMapPairs<Element>(whereKey include: (String) -> Bool = { _ in true },
                                  _ transform: (Located<String>, NodeRef) -> Element?) -> [Element] {
        var base: NodePath?
        var result: [Element] = []
        let pairs = shared.tree.pairs(of: id)
        for index in pairs.indices {
            let pair = pairs[index]
            guard shared.tree.withNodeAddress(pair.key, { include($0.pointee.text) }) else { continue }
            let sealed = base ?? path.sealed()
            if base == nil {
                base = sealed
                result.reserveCapacity(pairs.count - index)
            }
            let key = shared.tree.withNodeAddress(pair.key) { Located($0.pointee.text, range: $0.pointee.range, path: sealed.appending(key: $0.pointee.text)) }
            if let element = transform(key, NodeRef(shared: shared, id: pair.value, path: key.path)) { result.append(consume element) }
        }
        return result
    }

    /// Whether the mapping holds any of `keys` (false for other kinds): see `KeySet`.
    public func containsAnyKey(_ keys: KeySet) -> Bool {
        shared.tree.containsAnyKey(keys, in: id)
    }

    /// Items of a sequence (empty for other kinds).
    public var items: [NodeRef] {
        compactMapItems { $0 }
    }

    /// The non-nil results of `transform` over the items of a sequence, in order (empty for other
    /// kinds), without an intermediate array of references; the path is sealed once, and only when
    /// there are items.
    func compactMapItems<Element>(_ transform: (NodeRef) -> Element?) -> [Element] {
        let items = shared.tree.items(of: id)
        guard !items.isEmpty else { return [] }
        let base = path.sealed()
        var result: [Element] = []
        result.reserveCapacity(items.count)
        for (index, item) in zip(0..., items) {
            if let element = transform(NodeRef(shared: shared, id: item, path: base.appending(index: index))) { result.append(consume element) }
        }
        return result
    }

    /// A scalar's text (numbers and booleans as written); nil for collections and null.
    public var string: Located<String>? {
        scalarText.map { Located($0, range: range, path: path) }
    }

    /// `string` without its place, for readers that build several located values from one scalar, or
    /// that need the place only for a finding.
    public var scalarText: String? {
        shared.tree.withNodeAddress(id) { node in
            guard node.pointee.isScalar, node.pointee.style.isQuoted || !node.pointee.isNullScalar else { return nil }
            return node.pointee.text
        }
    }

    /// A scalar's integer value, also from a quoted or substituted string of digits (Compose casts
    /// those); nil when the value is not an integer.
    public var integer: Located<Int64>? {
        guard isScalar else { return nil }
        switch resolved {
        case .int(let value): return located(value)
        case .string(let text): return ScalarValue.resolve(text, style: .plain, tag: nil).integerValue.map(located)
        default: return nil
        }
    }

    /// A scalar's numeric value (integer or float, from a string too).
    public var number: Located<Double>? {
        guard isScalar else { return nil }
        return resolved.spelledNumber.map(located)
    }

    /// Strings of a list, or the single string of a scalar (Compose's "string or list").
    public var stringList: [Located<String>] {
        if isSequence { return compactMapItems { $0.string } }
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

    /// The number a scalar holds or spells (`NodeRef.number` without the place): its value when it is
    /// a number, the number a string reads as unquoted (`"0.5"`, which Compose casts), nil otherwise.
    public var spelledNumber: Double? {
        switch self {
        case .int(let value): return Double(value)
        case .float(let value): return value
        case .string(let text):
            switch ScalarValue.resolve(text, style: .plain, tag: nil) {
            case .int(let value): return Double(value)
            case .float(let value): return value
            default: return nil
            }
        case .bool, .null: return nil
        }
    }
}

/// A tree behind a reference, shared by all `NodeRef`s of one document.
@usableFromInline
final class SharedTree: Sendable {
    @usableFromInline let tree: YAMLTree

    init(_ tree: YAMLTree) {
        self.tree = tree
    }
}
