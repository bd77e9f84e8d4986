import Diagnostics
import Model

/// `POST /v2/podstack/{projectName}` — a pod orchestration with its autoscaling bounds. Without
/// flags, the bounds are the template's `replicas` (or 1) for both minimum and maximum and the
/// Kubernetes default of 80% CPU.
enum V2Podstack: LoweringTarget {
    static let id = TargetID.v2Podstack
    static let kinds: [DocumentKind] = [.pod]
    static let summary = "create a v2 pod orchestration: POST /v2/podstack/{projectName} {stackInstanceName, content, scale}"
    static let bodySchema = FieldType.object(BodySchemas.podstack)

    static func lower(_ input: LoweringInput) throws(LoweringFailure) -> Request {
        try input.requireKind(kinds, for: id)
        let project = try input.require(input.metadata.project, flag: "--project (the projectName)", for: id)
        let name = try input.require(input.metadata.name, flag: "--name (the stackInstanceName)", for: id)
        let replicas = input.document.root["replicas"]?.integer.map { Int($0.value) } ?? 1
        let minimum = input.metadata.minReplicas ?? max(1, replicas)
        let scale = JSONValue.object([
            .init("minReplicas", .int(Int64(minimum))),
            .init("maxReplicas", .int(Int64(input.metadata.maxReplicas ?? max(minimum, replicas)))),
            .init("targetCPUUtilization", .int(Int64(input.metadata.targetCPU ?? 80))),
        ])
        return Request(method: "POST", path: "/v2/podstack/\(encodePathSegment(project))", headers: [("Content-Type", "application/json")],
                       body: .object([
                           .init("stackInstanceName", .string(name)),
                           .init("content", .string(try input.substitutedContent())),
                           .init("scale", scale),
                       ]))
    }
}
