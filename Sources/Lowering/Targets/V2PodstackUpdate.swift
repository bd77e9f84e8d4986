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
        let project = try input.require(input.metadata.project, flag: "--project (the projectName)", for: id)
        let name = try input.require(input.metadata.name, flag: "--name (the appName)", for: id)
        let appID = try input.require(input.metadata.appID, flag: "--app-id", for: id)
        return Request(method: "POST", path: "/v2/podstack/\(encodePathSegment(project))/\(encodePathSegment(name))", query: [("app_id", appID)],
                       headers: [("Content-Type", "application/json")],
                       body: .object([.init("content", .string(try input.substitutedContent()))]))
    }
}
