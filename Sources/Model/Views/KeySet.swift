/// Keys that a rule reads from every node of a kind but that such nodes seldom hold (a service's
/// `mem_limit`, `shm_size`, `cpus`…). `NodeRef.containsAnyKey(_:)` rules them all out in one pass over
/// a mapping's pairs, where looking each up walks the pairs once per key.
public struct KeySet: Sendable {
    let keys: [String]
    /// Bit `n` is set when some key is `n` UTF-8 bytes long (63 for longer ones): most keys of a mapping
    /// are ruled out by their length, without a comparison.
    let lengths: UInt64

    public init(_ keys: [String]) {
        self.keys = keys
        lengths = keys.reduce(0) { $0 | Self.bit(forLength: $1.utf8.count) }
    }

    static func bit(forLength length: Int) -> UInt64 {
        1 << UInt64(min(length, 63))
    }

    func contains(_ key: String) -> Bool {
        lengths & Self.bit(forLength: key.utf8.count) != 0 && keys.contains(key)
    }
}

extension NodeRef {
    /// Whether the mapping holds any of `keys` (false for other kinds); see `KeySet`.
    public func containsAnyKey(_ keys: KeySet) -> Bool {
        // The tree is taken from its box once, not once a pair.
        let tree = shared.tree
        let pairs = tree.pairs(of: id)
        for index in pairs.indices where tree.withNodeAddress(pairs[index].key, { $0.pointee.isScalar && keys.contains($0.pointee.text) }) {
            return true
        }
        return false
    }
}
