/// A stack manifest as linted: the tree `StackManifest.read` reads for `build`, viewed for the rules
/// that hold its request values to what `build` holds them to.
public struct StackManifestDocument: Sendable {
    public let root: NodeRef

    public init(root: NodeRef) {
        self.root = root
    }

    /// The target's name as written (`TargetID`'s raw value).
    public var target: NodeRef? { root["target"] }
}
