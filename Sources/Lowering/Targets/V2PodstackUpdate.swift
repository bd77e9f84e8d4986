import Diagnostics
import Model

/// `POST /v2/podstack/{projectName}/{appName}?app_id=` — replace a pod orchestration's template.
enum V2PodstackUpdate: LoweringTarget {
    static let id = TargetID.v2PodstackUpdate
    static let kinds: [DocumentKind] = [.pod]
    static let summary = "update a v2 pod orchestration: POST /v2/podstack/{projectName}/{appName}?app_id= {content}"
    static let bodySchema = FieldType.object(BodySchemas.podstackUpdate)

    static func lower(_ input: LoweringInput) throws(LoweringFailure) -> Request {
        try input.requireKind(kinds, for: id)
        let project = try input.checked(input.metadata.project, .project, for: id)
        let name = try input.checked(input.metadata.name, .name, for: id)
        let appID = try input.checked(input.metadata.appID, .appID, for: id)
        return Request(method: "POST", path: "/v2/podstack/\(encodePathSegment(project))/\(encodePathSegment(name))", query: [("app_id", appID)],
                       headers: [("Content-Type", "application/json")],
                       body: .object([.init("content", .string(try input.substitutedContent()))]))
    }
}
