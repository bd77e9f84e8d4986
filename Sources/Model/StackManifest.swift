import Diagnostics
import Syntax

/// A stack manifest: a small YAML file naming the build target, the template and the request metadata,
/// so a pipeline's `stackc build stack.yaml` is declarative and reviewable. Command-line flags override
/// its fields. It is validated like any template (unknown keys, types, positions).
public struct StackManifest: Sendable {
    public var target: Located<String>?
    /// The template path, relative to the manifest's folder.
    public var template: Located<String>?
    public var envFiles: [Located<String>] = []
    /// Variables set as if by `-e`.
    public var environment: [(name: String, value: String)] = []
    /// The request's values as written (flags override them), each at its node. A count or a boolean
    /// of the wrong type is left out: the schema reports it.
    public var values: [RequestField: Located<String>] = [:]

    public static let schema = ObjectSchema("stack manifest", required: ["target", "template"], fields: [
        ("kind", .string), ("target", .string), ("template", .string), ("envFiles", .list(.string)),
        ("environment", .map(.scalarValue)), ("variables", .enumeration(["local", "keep"])),
        ("name", .string), ("project", .string), ("description", .string), ("version", .string),
        ("appId", .string), ("service", .string), ("minReplicas", .integer), ("maxReplicas", .integer),
        ("targetCPU", .integer), ("blueGreen", .boolean), ("latestImage", .boolean),
    ])

    /// Reads a manifest from its (interpolated) tree; problems are diagnostics at their keys.
    public static func read(_ tree: YAMLTree) -> (manifest: StackManifest, diagnostics: [Diagnostic]) {
        var diagnostics = SchemaValidator.validate(tree, as: .object(schema))
        let root = NodeRef(tree: tree, id: tree.root, path: .root)
        var manifest = StackManifest()
        manifest.target = root["target"]?.string
        manifest.template = root["template"]?.string
        manifest.envFiles = root["envFiles"]?.stringList ?? []
        manifest.environment = (root["environment"]?.entries ?? []).map { ($0.key.value, $0.value.string?.value ?? "") }
        manifest.values = values(of: root)
        if let template = manifest.template, template.value.isEmpty {
            diagnostics.append(Diagnostic(rule: .missingField, severity: .error, message: "template must name the template file", range: template.range, path: template.path))
        }
        return (manifest, diagnostics)
    }

    /// The request values a manifest writes (see `values`).
    public static func values(of root: NodeRef) -> [RequestField: Located<String>] {
        var values: [RequestField: Located<String>] = [:]
        for field in RequestField.manifestFields {
            guard let node = root[field.manifestKey], let text = node.scalarText else { continue }
            switch node.resolved {
            case .int where field.isCount, .bool where field.isBoolean:
                values[field] = node.located(text)
            case .null:
                continue
            default:
                // Text fields take any scalar: an interpolated `${NAME}` may read as a number.
                if !field.isCount && !field.isBoolean { values[field] = node.located(text) }
            }
        }
        return values
    }
}
