import Diagnostics
import Syntax

extension RuleID {
    /// A document of no kind stackc knows, or one that could be several kinds.
    public static let unknownKind: RuleID = "unknown-kind"
}

/// A template decoded into its kind's typed view.
///
/// Each kind is a view over the interpolated tree that declares every field rules read once, as a
/// property: rules read `service.privileged` or `application.scale?.maxReplicas`, so a mistyped field
/// is a compile error, not a lookup that silently finds nothing. The views decode lazily: a property
/// reads its node when asked, so the lint path pays only for the fields some rule reads (a Compose
/// service's lists that every rule walks are the exception, read once per service). A field's value
/// keeps its node (`NodeRef`, or `Located` once read as a type), so findings stay exact. Where Docker
/// Compose converts a field (`ComposeConversion`), the typed property converts with the same
/// conversion; a value that fails it is the schema check's `type-mismatch` and reads as nil.
public enum Document: Sendable {
    case compose(ComposeDocument)
    case pod(PodDocument)
    case application(ApplicationDocument)
    case configmap(KeyedDataDocument)
    case secret(KeyedDataDocument)
    case alaudaService(AlaudaServiceDocument)
    case aliyunVolume(AliyunVolumeDocument)
    case stack(StackManifestDocument)

    public var kind: DocumentKind {
        switch self {
        case .compose: .compose
        case .pod: .pod
        case .application: .application
        case .configmap: .configmap
        case .secret: .secret
        case .alaudaService: .alaudaService
        case .aliyunVolume: .aliyunVolume
        case .stack: .stack
        }
    }

    public var root: NodeRef {
        switch self {
        case .compose(let document): document.root
        case .pod(let document): document.root
        case .application(let document): document.root
        case .configmap(let document), .secret(let document): document.root
        case .alaudaService(let document): document.root
        case .aliyunVolume(let document): document.root
        case .stack(let document): document.root
        }
    }
}
