import Diagnostics
import Syntax

/// A node of a template together with the way down to it: the typed documents are thin views over the
/// tree made of these, so every value a rule reads keeps its exact range and path (spelled out when a
/// finding needs it), and nothing is decoded that no rule asks for.
public struct NodeRef: Sendable {
    /// The tree and the way down to the node (see `NodePlace`): rules copy node references by the
    /// thousand, and a copy should cost one reference count, not one per array of the tree or per link
    /// of a path.
    public let place: NodePlace
    public let id: NodeID

    @inlinable var shared: SharedTree { place.shared }
    public var tree: YAMLTree { shared.tree }
    /// Spelled out from the tree on each call: for findings, not for reading.
    public var path: NodePath { place.path }

    /// A reference to the node `id` of `tree`, whose path is `path`: the references and places read
    /// from it continue that path.
    public init(tree: YAMLTree, id: NodeID, path: NodePath) {
        self.init(place: NodePlace(shared: SharedTree(tree, origin: id, basePath: path)), id: id)
    }

    @usableFromInline
    init(place: NodePlace, id: NodeID) {
        self.place = place
        self.id = id
    }

    /// The child `id` in `slot` of this collection (the index of its pair, or of its item). A place full
    /// of steps starts again from the child, with the child's path spelled out once.
    @inlinable
    func child(_ id: NodeID, slot: Int) -> NodeRef {
        if let place = place.appending(slot: slot) { return NodeRef(place: place, id: id) }
        return startingAgain(at: id, slot: slot)
    }

    @usableFromInline
    func startingAgain(at child: NodeID, slot: Int) -> NodeRef {
        NodeRef(tree: tree, id: child, path: NodePlace.step(from: id, slot: slot, in: tree, path: path).1)
    }

    /// The same node through a shared reference of its own: code on another thread that copies many
    /// references derived from this one then counts on its own object, not on the one every thread
    /// shares (the count's cache line would travel between the cores at every copy).
    public func detached() -> NodeRef {
        NodeRef(place: place.moved(to: SharedTree(tree, origin: shared.origin, basePath: shared.basePath)), id: id)
    }

    /// `other`, read through this reference's shared tree (see `detached()`); both must be of one tree.
    public func sibling(_ other: NodeRef) -> NodeRef {
        guard shared.hasSameOrigin(as: other.shared) else { return other }
        return NodeRef(place: other.place.moved(to: shared), id: other.id)
    }

    /// `other` placed through this reference's shared tree, as `sibling(_:)` does for a reference.
    public func sibling<Value>(_ other: Located<Value>) -> Located<Value> {
        guard shared.hasSameOrigin(as: other.place.shared) else { return other }
        return Located(other.value, range: other.range, place: other.place.moved(to: shared))
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
        guard let pair = shared.tree.pair(forKey: key, in: id) else { return nil }
        return child(pair.value, slot: pair.index)
    }

    /// The key `name` of a mapping itself, at its own range and its value's path (nil when absent): for
    /// a finding about a field being there at all, such as one the other fields rule out.
    public func locatedKey(_ name: String) -> Located<String>? {
        guard let pair = shared.tree.pair(forKey: name, in: id) else { return nil }
        let value = child(pair.value, slot: pair.index)
        return shared.tree.withNodeAddress(shared.tree.pairs(of: id)[pair.index].key) { Located($0.pointee.text, range: $0.pointee.range, place: value.place) }
    }

    /// Key/value pairs of a mapping, keys as located strings (empty for other kinds).
    public var entries: [(key: Located<String>, value: NodeRef)] {
        compactMapPairs { key, value in (key, value) }
    }

    /// The non-nil results of `transform` over the pairs of a mapping whose key text satisfies
    /// `include`, in source order (empty for other kinds). Filtering `entries` would build a located key
    /// for every pair; this builds them only for the pairs kept, and makes no array of pairs.
    func compactMapPairs<Element>(whereKey include: (String) -> Bool = { _ in true },
                                  _ transform: (Located<String>, NodeRef) -> Element?) -> [Element] {
        var result: [Element] = []
        let pairs = shared.tree.pairs(of: id)
        for index in pairs.indices {
            let pair = pairs[index]
            guard shared.tree.withNodeAddress(pair.key, { include($0.pointee.text) }) else { continue }
            if result.capacity == 0 { result.reserveCapacity(pairs.count - index) }
            // The key is located at its own range and at the pair's path, which is its value's.
            let value = child(pair.value, slot: index)
            let key = shared.tree.withNodeAddress(pair.key) { Located($0.pointee.text, range: $0.pointee.range, place: value.place) }
            if let element = transform(key, value) { result.append(consume element) }
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
    /// kinds), without an intermediate array of references.
    func compactMapItems<Element>(_ transform: (NodeRef) -> Element?) -> [Element] {
        let items = shared.tree.items(of: id)
        guard !items.isEmpty else { return [] }
        var result: [Element] = []
        result.reserveCapacity(items.count)
        for (index, item) in zip(0..., items) {
            if let element = transform(child(item, slot: index)) { result.append(consume element) }
        }
        return result
    }

    /// A scalar's text (numbers and booleans as written); nil for collections and null.
    public var string: Located<String>? {
        scalarText.map { Located($0, range: range, place: place) }
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
        Located(value, range: range, place: place)
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
