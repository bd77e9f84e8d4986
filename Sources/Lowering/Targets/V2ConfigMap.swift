import Diagnostics
import Model

/// `POST /v2/configmaps/{projectName}` — a configmap: `{name, data}`, every value a string.
enum V2ConfigMap: LoweringTarget {
    static let id = TargetID.v2ConfigMap
    static let kinds: [DocumentKind] = [.configmap]
    static let summary = "create a v2 configmap: POST /v2/configmaps/{projectName} {name, data}"
    static let bodySchema = FieldType.object(BodySchemas.keyedData)

    static func lower(_ input: LoweringInput) throws(LoweringFailure) -> Request {
        try input.requireKind(kinds, for: id)
        let project = try input.checked(input.metadata.project, .project, for: id)
        let root = input.document.root
        let name = try input.checked(input.metadata.name, .name, for: id)
        let data = (root["data"]?.entries ?? []).map { JSONValue.Member($0.key.value, .string($0.value.string?.value ?? "")) }
        return Request(method: "POST", path: "/v2/configmaps/\(encodePathSegment(project))", headers: [("Content-Type", "application/json")],
                       body: .object([.init("name", .string(name)), .init("data", .object(data))]))
    }
}
