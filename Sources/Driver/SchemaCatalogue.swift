import Diagnostics
import Lowering
import Model

/// The JSON Schemas stackc publishes (`stackc schema NAME`, `schemas/`): one per template kind and one
/// per request body, generated from the same schema tables the checks use.
public enum SchemaCatalogue {
    /// Schemas are identified under the reserved `.invalid` domain: they are published in this repository, not on a web site.
    public static let baseID = "https://stackc.invalid/schemas"

    /// Every published schema: its name and the file it is kept in under `schemas/`. Templates are
    /// named by kind, request bodies `request:TARGET` (a bare target name works too unless it is also a
    /// kind, as `aliyun-volume` and `alauda-service` are).
    public static var names: [(name: String, file: String)] {
        TemplateSchemas.kinds.map { ($0.kind.rawValue, "templates/\($0.kind.rawValue).schema.json") }
            + TargetID.allCases.map { ("request:\($0.rawValue)", "requests/\($0.rawValue).schema.json") }
            + [(configurationName, "\(configurationName).schema.json")]
    }

    /// stackc's own `.stackc.yaml`.
    static let configurationName = "stackc-config"

    public static func document(named name: String) -> JSONValue? {
        if name == configurationName {
            return ConfigurationSchema.type.jsonSchemaDocument(id: "\(baseID)/\(configurationName).schema.json", title: "stackc configuration (.stackc.yaml)",
                                                               description: ConfigurationSchema.description)
        }
        let isRequest = name.hasPrefix("request:")
        let bare = isRequest ? String(name.dropFirst("request:".count)) : name
        if !isRequest, let entry = TemplateSchemas.kinds.first(where: { $0.kind.rawValue == bare }) {
            return entry.type.jsonSchemaDocument(id: "\(baseID)/templates/\(bare).schema.json", title: "stackc \(bare) template", description: entry.description)
        }
        if let target = TargetID(rawValue: bare) {
            let name = bare
            let type = target.target
            return type.bodySchema.jsonSchemaDocument(id: "\(baseID)/requests/\(name).schema.json", title: "stackc \(name) request body", description: type.summary)
        }
        return nil
    }
}
