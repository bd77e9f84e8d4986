import Diagnostics
import Model

/// `POST /v2/composes/{projectName}` — a Compose (v1-style) orchestration on the v2 API.
enum V2Compose: LoweringTarget {
    static let id = TargetID.v2Compose
    static let kinds: [DocumentKind] = [.compose]
    static let summary = "create a v2 compose orchestration: POST /v2/composes/{projectName} {stackInstanceName, content}"
    static let bodySchema = FieldType.object(BodySchemas.compose)

    static func lower(_ input: LoweringInput) throws(LoweringFailure) -> Request {
        try input.requireKind(kinds, for: id)
        let project = try input.checked(input.metadata.project, .project, for: id)
        let name = try input.checked(input.metadata.name, .name, for: id)
        return Request(method: "POST", path: "/v2/composes/\(encodePathSegment(project))", headers: [("Content-Type", "application/json")],
                       body: .object([.init("stackInstanceName", .string(name)), .init("content", .string(try input.substitutedContent()))]))
    }
}
