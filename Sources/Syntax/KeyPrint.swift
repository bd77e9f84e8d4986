/// A digest of a mapping key's text: its length and its first, second and last bytes, which set apart
/// the keys of one mapping almost always (`image`, `ports`, `mem_limit`, `memswap_limit`). Equal texts
/// have equal digests; equal digests are confirmed by comparing the texts. Cheaper than hashing the
/// text, for tables of keys looked up once per key of a document (the schemas' fields).
public struct KeyPrint: Comparable, Sendable {
    @usableFromInline let value: UInt32

    @inlinable
    public init(_ text: String) {
        var text = text
        self = text.withUTF8(KeyPrint.init(bytes:))
    }

    /// The digest of a key spelled by `bytes` (its UTF-8).
    @inlinable
    public init(bytes: UnsafeBufferPointer<UInt8>) {
        guard let first = bytes.first, let last = bytes.last else {
            value = 0
            return
        }
        let second = bytes.count > 1 ? bytes[1] : 0
        value = UInt32(truncatingIfNeeded: min(bytes.count, 255)) << 24 | UInt32(first) << 16 | UInt32(second) << 8 | UInt32(last)
    }

    /// The digest of collections, aliases that could not be resolved and the empty key.
    static let none = KeyPrint(value: 0)
    /// The digest of `<<`, the merge key: two bytes, each `<` (0x3C).
    static let mergeKey = KeyPrint(value: 2 << 24 | 0x3C3C3C)

    public static func < (lhs: KeyPrint, rhs: KeyPrint) -> Bool {
        lhs.value < rhs.value
    }

    private init(value: UInt32) {
        self.value = value
    }

    /// Writes the digests of the keys of the pairs in `slots` of `children` (see `YAMLTree.keyPrints`),
    /// growing `prints` as needed.
    static func record(pairsIn slots: Range<Int>, of children: [NodeID], nodes: [YAMLNode], into prints: inout [KeyPrint]) {
        record(pairsIn: slots, into: &prints) { slot in
            let key = Int(children[slot].index)
            return nodes[key].kind == .scalar ? KeyPrint(nodes[key].text) : .none
        }
    }

    /// Writes `print(slot)` as the digest of the key in each pair's first slot of `slots`.
    static func record(pairsIn slots: Range<Int>, into prints: inout [KeyPrint], _ print: (Int) -> KeyPrint) {
        let needed = (slots.upperBound + 1) / 2
        if prints.count < needed { prints.append(contentsOf: repeatElement(.none, count: needed - prints.count)) }
        for slot in stride(from: slots.lowerBound, to: slots.upperBound, by: 2) {
            prints[slot >> 1] = print(slot)
        }
    }
}

/// Keys that a reader asks every node of a kind for but that such nodes seldom hold (a service's
/// `mem_limit`, `shm_size`, `cpus`…): `YAMLTree.containsAnyKey(_:in:)` rules them all out in one pass
/// over a mapping's key digests, where looking each up passes over them once per key.
public struct KeySet: Sendable {
    let keys: [(text: String, print: KeyPrint)]

    public init(_ keys: [String]) {
        self.keys = keys.map { ($0, KeyPrint($0)) }
    }
}

extension YAMLTree {
    /// Whether the mapping holds any of `keys` (false for other kinds); a key's node is read only when
    /// its digest is one of theirs.
    public func containsAnyKey(_ keys: KeySet, in mapping: NodeID) -> Bool {
        let slots = childSlots(of: mapping, ifKind: .mapping, slotsPerEntry: 2)
        for slot in stride(from: slots.lowerBound, to: slots.upperBound, by: 2) {
            let print = keyPrints[slot >> 1]
            if keys.keys.contains(where: { $0.print == print && isKey(at: slot, $0.text) }) { return true }
        }
        return false
    }

    /// Whether the key in `slot` of the child table is the scalar `text`, read in place (a copy of the
    /// node would retain and release its strings).
    @inlinable
    func isKey(at slot: Int, _ text: String) -> Bool {
        withNodeAddress(children[slot]) { $0.pointee.kind == .scalar && $0.pointee.text == text }
    }
}
