import Diagnostics
import Model

/// `POST /v2/podstack/{projectName}` — a pod orchestration with its autoscaling bounds. Unless a flag
/// or the manifest sets them, the bounds are the template's `replicas` (at least 1) for both minimum and
/// maximum and the Kubernetes default of 80% CPU (`TargetID.fields`, where the request check sees them).
enum V2Podstack: LoweringTarget {
    static let id = TargetID.v2Podstack
    static let kinds: [DocumentKind] = [.pod]
    static let summary = "create a v2 pod orchestration: POST /v2/podstack/{projectName} {stackInstanceName, content, scale}"
    static let bodySchema = FieldType.object(BodySchemas.podstack)

    static func lower(_ input: LoweringInput) throws(LoweringFailure) -> Request {
        try input.requireKind(kinds, for: id)
        let project = try input.checked(input.metadata.project, .project, for: id)
        let name = try input.checked(input.metadata.name, .name, for: id)
        let scale = JSONValue.object([
            .init("minReplicas", .int(Int64(try input.checked(input.metadata.minReplicas, .minReplicas, for: id)))),
            .init("maxReplicas", .int(Int64(try input.checked(input.metadata.maxReplicas, .maxReplicas, for: id)))),
            .init("targetCPUUtilization", .int(Int64(try input.checked(input.metadata.targetCPU, .targetCPU, for: id)))),
        ])
        return Request(method: "POST", path: "/v2/podstack/\(encodePathSegment(project))", headers: [("Content-Type", "application/json")],
                       body: .object([
                           .init("stackInstanceName", .string(name)),
                           .init("content", .string(try input.substitutedContent())),
                           .init("scale", scale),
                       ]))
    }
}
