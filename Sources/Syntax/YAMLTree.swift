import Synchronization
import Diagnostics

/// Index of a node in its `YAMLTree`. Aliases resolve to the anchored node's id, so a node may appear
/// under several parents without being copied: alias-heavy files cost no extra memory, and the
/// expansion budget (see `ReaderLimits`) bounds what walks over such a tree can cost.
public struct NodeID: Hashable, Sendable {
    public let index: Int32

    @usableFromInline
    init(_ index: Int) { self.index = Int32(truncatingIfNeeded: index) }
}

/// How a scalar was written. Kept because quoting decides typing (`"8080"` is a string, `8080` a number)
/// and because `render` writes each scalar back the way the author did.
public enum ScalarStyle: UInt8, Sendable {
    case plain, singleQuoted, doubleQuoted, literal, folded

    public var isQuoted: Bool { self == .singleQuoted || self == .doubleQuoted }
}

/// One node. Collections keep their children in the tree's shared child table (`YAMLTree.items(of:)`,
/// `YAMLTree.pairs(of:)`); a mapping's pairs are final: merge keys are already resolved.
public struct YAMLNode: Sendable {
    public enum Kind: UInt8, Sendable { case scalar, sequence, mapping }

    // Declared so the node packs into 56 bytes (`Tests/SyntaxTests/NodeLayoutTests`): a large file
    // has hundreds of thousands, and on the bench machine every page of memory first written costs
    // about 2 µs.
    /// A scalar's value after YAML unescaping; empty for collections.
    public var text: String
    @usableFromInline var tagID: TagID
    public var range: SourceRange
    @usableFromInline var firstChild: Int32
    @usableFromInline var childCount: Int32
    public let kind: Kind
    /// For scalars, how the text was quoted; `.plain` for collections.
    public var style: ScalarStyle
    /// For collections, whether they were written in flow style (`[a, b]`, `{a: 1}`).
    public var isFlow: Bool

    /// The explicit tag as libyaml resolved it (`tag:yaml.org,2002:str`), nil when implicit.
    public var tag: String? {
        get { tagID.text }
        set { tagID = TagID(newValue) }
    }

    init(kind: Kind, style: ScalarStyle, isFlow: Bool, range: SourceRange, text: String, tag: String?, firstChild: Int32, childCount: Int32) {
        self.text = text
        self.tagID = TagID(tag)
        self.range = range
        self.firstChild = firstChild
        self.childCount = childCount
        self.kind = kind
        self.style = style
        self.isFlow = isFlow
    }

    /// Items of a sequence or pairs of a mapping; 0 for scalars.
    @inlinable public var entryCount: Int { Int(childCount) }

    @inlinable public var isScalar: Bool { kind == .scalar }
    @inlinable public var isMapping: Bool { kind == .mapping }
    @inlinable public var isSequence: Bool { kind == .sequence }

    /// What the kind of node is called in messages ("a mapping", "a string").
    public var kindDescription: String {
        switch kind {
        case .mapping: "a mapping"
        case .sequence: "a sequence"
        case .scalar: resolved.typeDescription
        }
    }
}

/// An explicit tag, as its number in the process's table of the tags met (`TagTable`). Tags are rare
/// and few, so a node pays four bytes for one, not a pointer or a `String`.
@usableFromInline
struct TagID: Equatable, Sendable {
    /// 0 for no tag; otherwise one more than the tag's place in the table.
    @usableFromInline let number: UInt32

    @usableFromInline static let none = TagID(number: 0)

    private init(number: UInt32) {
        self.number = number
    }

    init(_ tag: String?) {
        self.number = tag.map(TagTable.number(of:)) ?? 0
    }

    @inlinable var text: String? { number == 0 ? nil : TagTable.text(ofNumber: number) }
}

/// The tags met by this process, each once. It only grows, by the distinct tags of the files read,
/// which are bounded by their size (and are in practice a handful: `!!str`, `!Ref`…).
@usableFromInline
enum TagTable {
    private static let table = Mutex<(texts: [String], numbers: [String: UInt32])>(([], [:]))

    static func number(of tag: String) -> UInt32 {
        table.withLock { table in
            if let number = table.numbers[tag] { return number }
            table.texts.append(tag)
            let number = UInt32(table.texts.count)
            table.numbers[tag] = number
            return number
        }
    }

    @usableFromInline
    static func text(ofNumber number: UInt32) -> String {
        table.withLock { $0.texts[Int(number) - 1] }
    }
}

/// A parsed document: nodes in creation order, plus the child table. A value type whose storage is two
/// flat arrays, so building it allocates per array growth, not per node.
public struct YAMLTree: Sendable {
    @usableFromInline var storage: [YAMLNode]
    /// All nodes, in creation order.
    public var nodes: [YAMLNode] { storage }
    /// The ids of all nodes, in creation order (the order of `nodes`).
    public var nodeIDs: LazyMapSequence<Range<Int>, NodeID> { storage.indices.lazy.map(NodeID.init) }
    @usableFromInline var children: [NodeID]
    /// A digest of each mapping key (`KeyPrint`), at the key's slot in `children` divided by two (two
    /// key slots are at least two apart, so they never share an index). Lookups compare these digests,
    /// packed together, and read a key's node — a cache line of its own — only when its digest matches:
    /// on a large file those reads were misses, most of what a lookup cost.
    @usableFromInline var keyPrints: [KeyPrint]
    public let root: NodeID
    public let file: SourceFile

    init(nodes: [YAMLNode], children: [NodeID], keyPrints: [KeyPrint], root: NodeID, file: SourceFile) {
        self.storage = nodes
        self.children = children
        self.keyPrints = keyPrints
        self.root = root
        self.file = file
    }

    @inlinable
    public subscript(id: NodeID) -> YAMLNode {
        // Borrowed, not copied: reading `tree[id].isScalar` must not retain the node's strings.
        _read { yield storage[Int(id.index)] }
        _modify { yield &storage[Int(id.index)] }
    }

    /// Whether some scalar of the tree may hold `text` (which has no quote and no line break): its bytes
    /// are in the file, or a backslash is — a double-quoted escape (`"\x24"`) being the only other way to
    /// spell it. Checks that look for a rare text in every scalar decide most files with one or two
    /// byte searches instead of a walk over the tree.
    public func mayHold(_ text: String) -> Bool {
        ByteSearch.contains(text, in: file.bytes) || ByteSearch.firstIndex(of: UInt8(ascii: "\\"), in: file.bytes) != nil
    }

    /// Runs `body` with the address of a node, so that it reads the fields it needs in place. `self[id]`
    /// reads through `Array`'s getter, and a node passed on, even borrowed, is copied (its strings
    /// retained and released) wherever the optimizer cannot see the whole use; readers that look at a
    /// field or two of many nodes use this instead.
    @inlinable
    public func withNodeAddress<Result>(_ id: NodeID, _ body: (UnsafePointer<YAMLNode>) -> Result) -> Result {
        storage.withUnsafeBufferPointer { nodes in
            assert(Int(id.index) < nodes.count, "a node id of another tree")
            return body(nodes.baseAddress.unsafelyUnwrapped + Int(id.index))
        }
    }

    /// The elements of a sequence (empty for other kinds).
    @inlinable
    public func items(of id: NodeID) -> ArraySlice<NodeID> {
        children[childSlots(of: id, ifKind: .sequence, slotsPerEntry: 1)]
    }

    /// The key/value pairs of a mapping in source order, merge keys resolved (empty for other kinds).
    @inlinable
    public func pairs(of id: NodeID) -> MappingPairs {
        MappingPairs(children: children[childSlots(of: id, ifKind: .mapping, slotsPerEntry: 2)])
    }

    /// Where a collection's children are in the child table, read in place (see `withNodeAddress`);
    /// empty when the node is not of `kind`.
    @inlinable
    func childSlots(of id: NodeID, ifKind kind: YAMLNode.Kind, slotsPerEntry: Int) -> Range<Int> {
        withNodeAddress(id) { node in
            guard node.pointee.kind == kind else { return 0..<0 }
            let start = Int(node.pointee.firstChild)
            return start..<start + slotsPerEntry * Int(node.pointee.childCount)
        }
    }

    /// The value under a scalar key of a mapping, if present.
    @inlinable
    public func value(forKey key: String, in mapping: NodeID) -> NodeID? {
        pair(forKey: key, in: mapping)?.value
    }

    /// The pair of a mapping whose key is the scalar `key`, if present: its index among the mapping's
    /// pairs (as in `pairs(of:)`) and its value.
    @inlinable
    public func pair(forKey key: String, in mapping: NodeID) -> (index: Int, value: NodeID)? {
        // Rules look up absent keys as often as present ones, so every key of the mapping is tested:
        // by digest first (see `keyPrints`), then, for a match, by reading the key's node in place (a
        // copy would retain and release its strings).
        let print = KeyPrint(key)
        let slots = childSlots(of: mapping, ifKind: .mapping, slotsPerEntry: 2)
        return keyPrints.withUnsafeBufferPointer { prints in
            var slot = slots.lowerBound
            while slot < slots.upperBound {
                if prints[slot >> 1] == print, isKey(at: slot, key) { return ((slot - slots.lowerBound) / 2, children[slot + 1]) }
                slot += 2
            }
            return nil
        }
    }

    /// A copy of this tree whose scalar texts may be replaced (the interpolator's output).
    public func replacingScalars(_ transform: (NodeID, YAMLNode) -> YAMLNode?) -> YAMLTree {
        var copy = self
        var replaced = false
        for index in storage.indices where storage[index].kind == .scalar {
            if let replacement = transform(NodeID(index), storage[index]) {
                copy.storage[index] = replacement
                replaced = true
            }
        }
        // A replaced scalar may be a key too (through an alias, or when masking a secret's keys).
        if replaced {
            for index in copy.storage.indices where copy.storage[index].kind == .mapping {
                let slots = copy.childSlots(of: NodeID(index), ifKind: .mapping, slotsPerEntry: 2)
                KeyPrint.record(pairsIn: slots, of: copy.children, nodes: copy.storage, into: &copy.keyPrints)
            }
        }
        return copy
    }
}

/// The pairs of one mapping, stored as alternating key and value ids.
public struct MappingPairs: RandomAccessCollection, Sendable {
    public struct Pair: Sendable {
        public let key: NodeID
        public let value: NodeID

        @usableFromInline
        init(key: NodeID, value: NodeID) {
            self.key = key
            self.value = value
        }
    }

    @usableFromInline let children: ArraySlice<NodeID>

    @usableFromInline
    init(children: ArraySlice<NodeID>) {
        self.children = children
    }

    @inlinable public var startIndex: Int { 0 }
    @inlinable public var endIndex: Int { children.count / 2 }

    @inlinable
    public subscript(position: Int) -> Pair {
        let base = children.startIndex + 2 * position
        return Pair(key: children[base], value: children[base + 1])
    }
}
