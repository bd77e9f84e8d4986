import Diagnostics
import Model
import Syntax

/// Runs the schema validator over YAML text and renders each finding as `rule@line:column message`,
/// so a test states its expectation in one readable string.
enum SchemaFindings {
    static func of(_ text: String, as type: FieldType) -> [String] {
        let read = YAMLReader.read(SourceFile(path: "t.yaml", text: text))
        guard let tree = read.tree else { return read.diagnostics.map { "yaml: \($0.message)" } }
        return SchemaValidator.validate(tree, as: type).map(render)
    }

    static func render(_ diagnostic: Diagnostic) -> String {
        let start = diagnostic.range?.start
        return "\(diagnostic.rule)@\(start?.line ?? 0):\(start?.column ?? 0) \(diagnostic.message)"
    }
}
