import Diagnostics
import Model

/// `POST /v2/secrets/{projectName}` — a secret: `{name, data}` with base64 values, as the API wants.
/// A document's `data` is already base64 (checked by `secret-base64`); its `stringData` is plain text
/// that is encoded here and, as in Kubernetes, wins over a `data` entry of the same key.
enum V2Secret: LoweringTarget {
    static let id = TargetID.v2Secret
    static let kinds: [DocumentKind] = [.secret]
    static let summary = "create a v2 secret: POST /v2/secrets/{projectName} {name, data} (stringData encoded to base64)"
    static let bodySchema = FieldType.object(BodySchemas.keyedData)

    static func lower(_ input: LoweringInput) throws(LoweringFailure) -> Request {
        try input.requireKind(kinds, for: id)
        let project = try input.checked(input.metadata.project, .project, for: id)
        let root = input.document.root
        let name = try input.checked(input.metadata.name, .name, for: id)
        var data: [(key: String, value: String)] = (root["data"]?.entries ?? []).map { ($0.key.value, $0.value.string?.value ?? "") }
        for (key, value) in root["stringData"]?.entries ?? [] {
            let encoded = Base64Encoding.encode(Array((value.string?.value ?? "").utf8))
            if let index = data.firstIndex(where: { $0.key == key.value }) {
                data[index].value = encoded
            } else {
                data.append((key.value, encoded))
            }
        }
        return Request(method: "POST", path: "/v2/secrets/\(encodePathSegment(project))", headers: [("Content-Type", "application/json")],
                       body: .object([.init("name", .string(name)), .init("data", .object(data.map { .init($0.key, .string($0.value)) }))]))
    }
}
