import Diagnostics
import Model

/// `POST /v2/applications/{projectName}` — a v2 application from an application document, fields in
/// the documented order; `resources` values are sent as strings (`"0.1"`, `"256Mi"`) as the API
/// shows them, even when written as numbers.
enum V2Application: LoweringTarget {
    static let id = TargetID.v2Application
    static let kinds: [DocumentKind] = [.application]
    static let summary = "create a v2 application: POST /v2/applications/{projectName} (the application spec)"
    static let bodySchema = FieldType.object(BodySchemas.application)

    static let fieldOrder = ["name", "imageRef", "resources", "instanceNum", "cmd", "dockerEnv", "portMappings", "dockerLogDir", "dockerDataDir",
                             "volumes", "networkType", "userName", "scale", "configMap", "secret", "internalVolumes", "nodeLabels"]

    static func lower(_ input: LoweringInput) throws(LoweringFailure) -> Request {
        try input.requireKind(kinds, for: id)
        let project = try input.checked(input.metadata.project, .project, for: id)
        let name = try input.checked(input.metadata.name, .name, for: id)
        let root = input.document.root
        var body = root.json.ordered(fieldOrder)
        if case .object(var members) = body {
            members.removeAll { $0.key == "name" }
            members.insert(.init("name", .string(name)), at: 0)
            if let index = members.firstIndex(where: { $0.key == "resources" }), let resources = root["resources"] {
                members[index] = .init("resources", .object(resources.entries.map { .init($0.key.value, $0.value.jsonString) }))
            }
            body = .object(members)
        }
        return Request(method: "POST", path: "/v2/applications/\(encodePathSegment(project))", headers: [("Content-Type", "application/json")], body: body)
    }
}
