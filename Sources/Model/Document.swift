import Diagnostics
import Syntax

extension RuleID {
    /// A document of no kind stackc knows, or one that could be several kinds.
    public static let unknownKind: RuleID = "unknown-kind"
}

/// A template decoded into its kind's view. Every case wraps nodes of the interpolated tree, so values
/// carry their ranges.
public enum Document: Sendable {
    case compose(ComposeDocument)
    case pod(PodDocument)
    /// Kinds whose few fields rules read straight from the root node.
    case other(DocumentKind, NodeRef)

    public var kind: DocumentKind {
        switch self {
        case .compose: .compose
        case .pod: .pod
        case .other(let kind, _): kind
        }
    }

    public var root: NodeRef {
        switch self {
        case .compose(let document): document.root
        case .pod(let document): document.root
        case .other(_, let root): root
        }
    }
}
