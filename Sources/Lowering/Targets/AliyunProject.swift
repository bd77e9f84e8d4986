import Diagnostics
import Model

/// `POST /projects/` — create an aliyun project (PLATFORM_API.md §2).
enum AliyunProject: LoweringTarget {
    static let id = TargetID.aliyunProject
    static let kinds: [DocumentKind] = [.compose]
    static let summary = "create an aliyun project: POST /projects/ {name, description, template, version, environment}"
    static let bodySchema = FieldType.object(BodySchemas.aliyunProject)

    static func lower(_ input: LoweringInput) throws(LoweringFailure) -> Request {
        try input.requireKind(kinds, for: id)
        let name = try input.checked(input.metadata.name, .name, for: id)
        let template = try input.aliyunTemplate()
        let environment = input.aliyunEnvironment()
        var members: [JSONValue.Member] = [
            .init("name", .string(name)),
            .init("description", .string(input.metadata.description ?? "")),
            .init("template", .string(template)),
            .init("version", .string(try input.version(template: template, environment: environment, for: id))),
            .init("environment", environment),
        ]
        if let latestImage = input.metadata.latestImage { members.append(.init("latest_image", .bool(latestImage))) }
        return Request(method: "POST", path: "/projects/", headers: [("Content-Type", "application/json")], body: .object(members))
    }
}
