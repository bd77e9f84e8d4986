/// Resource bounds for reading one file. Templates arrive from pull requests; without these a 30-byte
/// alias bomb or a deeply nested file could hang a CI runner (Docker Compose itself does). Every bound
/// can be raised by the user, and hitting one is a positioned `limit-exceeded` error, never a crash.
public struct ReaderLimits: Sendable, Equatable {
    /// Largest file accepted, in bytes.
    public var maxFileBytes: Int
    /// Deepest nesting of sequences and mappings.
    public var maxDepth: Int
    /// Most nodes the document may expand to, counting every alias and merge as the nodes it stands for.
    public var maxExpandedNodes: Int
    /// Longest scalar, in bytes.
    public var maxScalarBytes: Int

    public init(maxFileBytes: Int = 64 << 20, maxDepth: Int = 256, maxExpandedNodes: Int = 2_000_000, maxScalarBytes: Int = 8 << 20) {
        self.maxFileBytes = maxFileBytes
        self.maxDepth = maxDepth
        self.maxExpandedNodes = maxExpandedNodes
        self.maxScalarBytes = maxScalarBytes
    }

    public static let `default` = ReaderLimits()
}
