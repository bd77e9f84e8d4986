import Diagnostics
import Interpolation
import Model
import Syntax

/// Runs the schema validator over YAML text and renders each finding as `rule@line:column message`,
/// so a test states its expectation in one readable string.
enum SchemaFindings {
    /// The schema's findings on a document after interpolation with an empty environment, as `lint`
    /// checks it: Compose converts what a substitution leaves (`replicas: ${UNSET}` is the empty string).
    static func of(_ text: String, as type: FieldType) -> [String] {
        let read = YAMLReader.read(SourceFile(path: "t.yaml", text: text))
        guard let tree = read.tree else { return read.diagnostics.map { "yaml: \($0.message)" } }
        let interpolated = TreeInterpolator.interpolate(tree, settings: InterpolationSettings(environment: Environment(), preservedNames: []))
        return SchemaValidator.validate(interpolated.tree, as: type, isInterpolated: { interpolated.originals[$0] != nil },
                                        substitutionsStayStrings: true).map(render)
    }

    static func render(_ diagnostic: Diagnostic) -> String {
        let start = diagnostic.range?.start
        return "\(diagnostic.rule)@\(start?.line ?? 0):\(start?.column ?? 0) \(diagnostic.message)"
    }
}
