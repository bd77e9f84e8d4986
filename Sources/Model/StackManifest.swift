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
    public var variables: Located<String>?
    public var name: String?
    public var project: String?
    public var description: String?
    public var version: String?
    public var appID: String?
    public var service: String?
    public var minReplicas: Int?
    public var maxReplicas: Int?
    public var targetCPU: Int?
    public var blueGreen: Bool?
    public var latestImage: Bool?

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
        manifest.variables = root["variables"]?.string
        manifest.name = root["name"]?.string?.value
        manifest.project = root["project"]?.string?.value
        manifest.description = root["description"]?.string?.value
        manifest.version = root["version"]?.string?.value
        manifest.appID = root["appId"]?.string?.value
        manifest.service = root["service"]?.string?.value
        manifest.minReplicas = root["minReplicas"]?.integer.map { Int(clamping: $0.value) }
        manifest.maxReplicas = root["maxReplicas"]?.integer.map { Int(clamping: $0.value) }
        manifest.targetCPU = root["targetCPU"]?.integer.map { Int(clamping: $0.value) }
        if case .bool(let value) = root["blueGreen"]?.node.resolved { manifest.blueGreen = value }
        if case .bool(let value) = root["latestImage"]?.node.resolved { manifest.latestImage = value }
        if let template = manifest.template, template.value.isEmpty {
            diagnostics.append(Diagnostic(rule: .missingField, severity: .error, message: "template must name the template file", range: template.range, path: template.path))
        }
        return (manifest, diagnostics)
    }
}
