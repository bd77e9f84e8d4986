import Diagnostics
import Model
import Interpolation
import Rules

/// The checks after the front end, shared by `lint`, `render` and `build`: decode the kind, check
/// structure and schema, then run the rules (and, for a stack manifest, the request check).
public enum TemplateCheck {
    static let interpolationRules: Set<RuleID> = [.unsetVariable, .requiredVariable, .interpolationSyntax]

    /// - Parameter optIn: the opt-in rules to run besides the default ones (lint's policy rules).
    public static func run(_ processed: ProcessedTemplate, kind: DocumentKind?, unknownSeverity: Severity = .error,
                           platform: Platform?, optIn: OptInSelection = .none) -> (document: Document?, diagnostics: [Diagnostic]) {
        guard let tree = processed.tree else { return (nil, processed.diagnostics) }
        let originals = processed.interpolated?.originals ?? [:]
        let decoded = DocumentDecoder.decode(tree, kind: kind, unknownSeverity: unknownSeverity,
                                             isInterpolated: { originals[$0] != nil }, deferringSchemaWalk: true)
        var diagnostics = processed.diagnostics + decoded.diagnostics
        if unknownSeverity != .error, decoded.document == nil, decoded.diagnostics.contains(where: { $0.rule == .unknownKind }) {
            // YAML met while walking a folder that is no template (Kubernetes manifests, CI files) is
            // skipped with a note: its `$` are not variables, and several documents are normal there.
            diagnostics.removeAll { Self.interpolationRules.contains($0.rule) }
            for index in diagnostics.indices where diagnostics[index].rule == .multipleDocuments {
                diagnostics[index].severity = unknownSeverity
            }
        }
        if let document = decoded.document {
            diagnostics += RuleEngine.check(document, platform: platform, fileName: processed.file.path, setAside: processed.setAside, optIn: optIn,
                                            alongside: decoded.deferredSchemaWalk.map { [$0] } ?? [])
            // A stack manifest's request values, held to the rules `build` holds them to.
            if case .stack(let manifest) = document { diagnostics += RequestCheck.check(manifest: manifest) }
            diagnostics += ReferencedFiles.check(document, directory: FrontEnd.directory(of: .file(processed.file.path)))
        }
        return (decoded.document, diagnostics)
    }
}
