import Diagnostics
import Model

/// `POST /projects/{name}/update` — update an aliyun project, standard or blue-green (PLATFORM_API.md
/// §2). The version must differ from the deployed one, so it is required (`TargetID.fields`; `--version
/// auto` derives it).
enum AliyunProjectUpdate: LoweringTarget {
    static let id = TargetID.aliyunProjectUpdate
    static let kinds: [DocumentKind] = [.compose]
    static let summary = "update an aliyun project: POST /projects/{name}/update {description, template, version, environment} (--blue-green adds update_method and latest_image)"
    static let bodySchema = FieldType.object(BodySchemas.aliyunProjectUpdate)

    static func lower(_ input: LoweringInput) throws(LoweringFailure) -> Request {
        try input.requireKind(kinds, for: id)
        let name = try input.checked(input.metadata.name, .name, for: id)
        let template = try input.aliyunTemplate()
        let environment = input.aliyunEnvironment()
        let version = try input.version(template: template, environment: environment, for: id)
        let description = JSONValue.string(input.metadata.description ?? "")
        let members: [JSONValue.Member]
        if input.metadata.blueGreen {
            members = [
                .init("update_method", .string("blue-green")), .init("description", description), .init("template", .string(template)),
                .init("version", .string(version)), .init("latest_image", .bool(input.metadata.latestImage ?? false)),
                .init("environment", environment),
            ]
        } else {
            var standard: [JSONValue.Member] = [
                .init("description", description), .init("template", .string(template)),
                .init("version", .string(version)), .init("environment", environment),
            ]
            if let latestImage = input.metadata.latestImage { standard.append(.init("latest_image", .bool(latestImage))) }
            members = standard
        }
        return Request(method: "POST", path: "/projects/\(encodePathSegment(name))/update", headers: [("Content-Type", "application/json")], body: .object(members))
    }
}
