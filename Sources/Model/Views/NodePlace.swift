import Diagnostics
import Syntax

/// Where a value was read in its document: the tree, and the way down to the node from the node the
/// references started at (the root, usually) — for each step, the child's place in its collection: the
/// index of a mapping's pair or of a sequence's item.
///
/// Reading a template makes a place for everything read, and almost none is ever reported, so the
/// path (a `NodePath`, allocated link by link) is spelled out from the tree only when asked for: a place
/// is copied as three words and one reference count, and going a step down allocates nothing. A place
/// holds eight steps of up to 65,535; a reference that needs more starts again from its node (see
/// `NodeRef.child(_:slot:)`).
public struct NodePlace: Sendable {
    @usableFromInline let shared: SharedTree
    /// The steps, sixteen bits each: the first four in `lower` (the first in its lowest bits), the
    /// next four in `upper`.
    @usableFromInline let lower: UInt64
    @usableFromInline let upper: UInt64
    @usableFromInline let depth: UInt8

    @usableFromInline static let capacity = 8
    @usableFromInline static let largestSlot = Int(UInt16.max)

    @usableFromInline
    init(shared: SharedTree, lower: UInt64 = 0, upper: UInt64 = 0, depth: UInt8 = 0) {
        self.shared = shared
        self.lower = lower
        self.upper = upper
        self.depth = depth
    }

    /// The place one step further down, to the child in `slot`; nil when this place cannot hold
    /// another step.
    @inlinable
    func appending(slot: Int) -> NodePlace? {
        guard Int(depth) < Self.capacity, slot >= 0, slot <= Self.largestSlot else { return nil }
        let bits = UInt64(slot) << (UInt64(depth & 3) * 16)
        return depth < 4
            ? NodePlace(shared: shared, lower: lower | bits, upper: upper, depth: depth + 1)
            : NodePlace(shared: shared, lower: lower, upper: upper | bits, depth: depth + 1)
    }

    /// The same place through another shared tree object of the same tree, origin and base path.
    func moved(to other: SharedTree) -> NodePlace {
        NodePlace(shared: other, lower: lower, upper: upper, depth: depth)
    }

    /// The slot of step `index` (0 is the first step down from the origin).
    private func slot(_ index: Int) -> Int {
        Int(truncatingIfNeeded: ((index < 4 ? lower : upper) >> (UInt64(index & 3) * 16)) & 0xFFFF)
    }

    /// The path of the node: the base path of the origin, then a key or an index for each step.
    public var path: NodePath {
        var path = shared.basePath
        var node = shared.origin
        for index in 0..<Int(depth) {
            (node, path) = Self.step(from: node, slot: slot(index), in: shared.tree, path: path)
        }
        return path
    }

    /// The child in `slot` of the collection `node`, and `path` extended by its key or index.
    static func step(from node: NodeID, slot: Int, in tree: YAMLTree, path: NodePath) -> (NodeID, NodePath) {
        if tree.withNodeAddress(node, { $0.pointee.isMapping }) {
            let pair = tree.pairs(of: node)[slot]
            return (pair.value, path.appending(key: tree.withNodeAddress(pair.key) { $0.pointee.text }))
        }
        let items = tree.items(of: node)
        return (items[items.startIndex + slot], path.appending(index: slot))
    }
}

/// A tree behind a reference, shared by the `NodeRef`s and places of one document, with the node their
/// places start from and that node's path.
@usableFromInline
final class SharedTree: Sendable {
    @usableFromInline let tree: YAMLTree
    let origin: NodeID
    let basePath: NodePath

    init(_ tree: YAMLTree, origin: NodeID, basePath: NodePath) {
        self.tree = tree
        self.origin = origin
        self.basePath = basePath
    }

    /// Whether places through `other` start from the same node by the same path.
    func hasSameOrigin(as other: SharedTree) -> Bool {
        self === other || (origin == other.origin && basePath == other.basePath)
    }
}
