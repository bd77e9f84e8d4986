import Diagnostics
import Syntax

/// Tree → typed document: decides the kind (or takes `--kind`), checks the structure, and wraps the
/// tree in the kind's view. An unknown or ambiguous document gets one diagnostic naming what it could be.
public enum DocumentDecoder {
    public struct Result: Sendable {
        public let document: Document?
        public let diagnostics: [Diagnostic]
    }

    /// - Parameters:
    ///   - unknownSeverity: how loudly to report a document of no known kind: an error for a file the
    ///     user named, a note for one found while walking a folder.
    ///   - isInterpolated: which scalars came from variable substitution (see `SchemaCheck`).
    public static func decode(_ tree: YAMLTree, kind explicit: DocumentKind? = nil, unknownSeverity: Severity = .error,
                              isInterpolated: @escaping @Sendable (NodeID) -> Bool = { _ in false }) -> Result {
        if let problem = StructureCheck.checkRoot(tree) {
            return Result(document: nil, diagnostics: [problem])
        }
        let kind: DocumentKind
        var layout: ComposeDocument.Layout?
        if let explicit {
            kind = explicit
            if explicit == .compose { layout = tree.value(forKey: "services", in: tree.root) != nil ? .services : .v1 }
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
        let makeDocument: @Sendable () -> Document = { [layout] in
            switch kind {
            case .compose: .compose(ComposeDocument(root: root, layout: layout ?? .services))
            case .pod: .pod(PodDocument(root: root))
            default: .other(kind, root)
            }
        }
        // Both only read the tree; on a large file the schema walk and the model are built side by side.
        guard ConcurrentWork.isWorthSplitting(nodeCount: tree.nodes.count) else {
            return Result(document: makeDocument(), diagnostics: schemaDiagnostics())
        }
        let halves = ConcurrentWork.map(count: 2) { index -> (document: Document?, diagnostics: [Diagnostic]) in
            index == 0 ? (makeDocument(), []) : (nil, schemaDiagnostics())
        }
        return Result(document: halves[0].document, diagnostics: halves[1].diagnostics)
    }
}
