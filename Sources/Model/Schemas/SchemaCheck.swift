import Diagnostics
import Syntax

/// Keys and types of a whole document, against its kind's schema (`TemplateSchemas`). Runs after
/// interpolation, as Docker Compose validates the interpolated model; `isInterpolated` tells which
/// scalars came from substitution so that `image: ${TAG}` with `TAG=1.5` stays the string Compose
/// makes of it.
public enum SchemaCheck {
    public static func check(_ tree: YAMLTree, kind: DocumentKind, layout: ComposeDocument.Layout?,
                             isInterpolated: @escaping (NodeID) -> Bool) -> [Diagnostic] {
        if kind == .compose, layout == .v1 {
            return ComposeSchema.validateV1(tree, isInterpolated: isInterpolated)
        }
        guard let entry = TemplateSchemas.entry(for: kind) else { return [] }
        return SchemaValidator.validate(tree, as: entry.type, isInterpolated: isInterpolated, substitutionsStayStrings: kind == .compose)
    }
}
