import Diagnostics
import Syntax

/// Tree → typed document: decides the kind (or takes `--kind`), checks the structure, and wraps the
/// tree in the kind's view. An unknown or ambiguous document gets one diagnostic naming what it could be.
public enum DocumentDecoder {
    /// Runs a large Compose file's services are decoded in: more than cores, so a thread that is free
    /// early takes the next.
    static let serviceRuns = 8

    public struct Result: Sendable {
        public let document: Document?
        public let diagnostics: [Diagnostic]
        /// The schema walk, when the caller asked to run it itself (`deferringSchemaWalk`) and the file
        /// is large enough to share it out: its findings belong with `diagnostics`.
        public var deferredSchemaWalk: (@Sendable () -> [Diagnostic])?

        init(document: Document?, diagnostics: [Diagnostic], deferredSchemaWalk: (@Sendable () -> [Diagnostic])? = nil) {
            self.document = document
            self.diagnostics = diagnostics
            self.deferredSchemaWalk = deferredSchemaWalk
        }
    }

    /// - Parameters:
    ///   - unknownSeverity: how loudly to report a document of no known kind: an error for a file the
    ///     user named, a note for one found while walking a folder.
    ///   - isInterpolated: which scalars came from variable substitution (see `SchemaCheck`).
    ///   - deferringSchemaWalk: for a file large enough to split its work over the cores, hand the
    ///     schema walk back in `Result.deferredSchemaWalk` instead of running it after the decoding:
    ///     the caller runs it beside the rules (`RuleEngine.check(_:alongside:)`), where it evens out
    ///     the cores' loads.
    public static func decode(_ tree: YAMLTree, kind explicit: DocumentKind? = nil, unknownSeverity: Severity = .error,
                              isInterpolated: @escaping @Sendable (NodeID) -> Bool = { _ in false },
                              deferringSchemaWalk: Bool = false) -> Result {
        if let problem = StructureCheck.checkRoot(tree) {
            return Result(document: nil, diagnostics: [problem])
        }
        let kind: DocumentKind
        var layout: ComposeDocument.Layout?
        if let explicit {
            kind = explicit
            if explicit == .compose { layout = .of(tree) }
        } else {
            switch DocumentKind.detect(tree) {
            case .kind(let detected, let detectedLayout):
                kind = detected
                layout = detectedLayout
            case .ambiguous(let kinds):
                let names = kinds.map(\.rawValue).joined(separator: " or ")
                return Result(document: nil, diagnostics: [Diagnostic(
                    rule: .unknownKind, severity: .error,
                    message: "this document could be a \(names); add a top-level 'kind: \(kinds[0].rawValue)' or pass --kind",
                    range: tree[tree.root].range, path: .root)])
            case .kubernetes(let object):
                return Result(document: nil, diagnostics: [Diagnostic(
                    rule: .unknownKind, severity: unknownSeverity,
                    message: "a Kubernetes \(object) manifest, not a stackc template; a podstack template is the pod spec itself: 'containers', 'volumes' and 'replicas' at the top level (stackc schema pod)",
                    range: SourceRange(at: tree[tree.root].range.start), path: .root)])
            case .unknown:
                return Result(document: nil, diagnostics: [Diagnostic(
                    rule: .unknownKind, severity: unknownSeverity,
                    message: "not a template stackc knows: expected 'services' (Compose), services with 'image' at the top level (Compose v1), 'containers' (pod), or a 'kind:' marker; pass --kind to choose",
                    range: SourceRange(at: tree[tree.root].range.start), path: .root)])
            }
        }
        // Keys and types only once the basic shape holds: a service that is a list has no keys to check.
        let structure = StructureCheck.check(tree, kind: kind, layout: layout)
        let root = NodeRef(tree: tree, id: tree.root, path: .root)
        let schemaDiagnostics: @Sendable () -> [Diagnostic] = { [layout] in
            structure.isEmpty ? SchemaCheck.check(tree, kind: kind, layout: layout, isInterpolated: isInterpolated) : structure
        }
        // A large file's Compose services are decoded in runs on all the cores, whichever thread is
        // free taking the next.
        let isLarge = ConcurrentWork.isWorthSplitting(nodeCount: tree.nodes.count)
        let document: Document
        switch kind {
        case .compose:
            let layout = layout ?? .services
            document = .compose(isLarge ? decodeServicesInRuns(root, layout: layout) : ComposeDocument(root: root, layout: layout))
        case .pod: document = .pod(PodDocument(root: root))
        case .application: document = .application(ApplicationDocument(root: root))
        case .configmap: document = .configmap(KeyedDataDocument(root: root))
        case .secret: document = .secret(KeyedDataDocument(root: root))
        case .alaudaService: document = .alaudaService(AlaudaServiceDocument(root: root))
        case .aliyunVolume: document = .aliyunVolume(AliyunVolumeDocument(root: root))
        case .stack: document = .stack(StackManifestDocument(root: root))
        }
        guard isLarge, deferringSchemaWalk else { return Result(document: document, diagnostics: schemaDiagnostics()) }
        return Result(document: document, diagnostics: [], deferredSchemaWalk: schemaDiagnostics)
    }

    /// A large Compose file's services, decoded in runs on all the cores.
    private static func decodeServicesInRuns(_ root: NodeRef, layout: ComposeDocument.Layout) -> ComposeDocument {
        let declared = ComposeDocument.declaredServices(in: root, layout: layout)
        let runs = min(Self.serviceRuns, declared.count)
        let services = ConcurrentWork.map(count: runs) { ComposeDocument.decode(declared[run($0, of: runs, over: declared.count)]) }
        return ComposeDocument(root: root, layout: layout, services: services.flatMap { $0 })
    }

    /// The indices of run `index` of `runs` equal runs over `count` services.
    private static func run(_ index: Int, of runs: Int, over count: Int) -> Range<Int> {
        (count * index / runs)..<(count * (index + 1) / runs)
    }
}
