import Diagnostics
import Model
import Syntax

/// `POST /services/{project}_{service}/scale` — set a service's container count to the scale the
/// template gives it (`aliyun.scale` label, else `replicas`, `scale` or `deploy.replicas`).
enum AliyunScale: LoweringTarget {
    static let id = TargetID.aliyunScale
    static let kinds: [DocumentKind] = [.compose]
    static let summary = "scale an aliyun service: POST /services/{project}_{service}/scale {type: scale_to, value}"
    static let bodySchema = FieldType.object(BodySchemas.aliyunScale)

    static func lower(_ input: LoweringInput) throws(LoweringFailure) -> Request {
        try input.requireKind(kinds, for: id)
        guard case .compose(let compose) = input.document else { throw LoweringFailure("\(id.rawValue) takes a compose template") }
        let project = try input.checked(input.metadata.project, .project, for: id)
        let serviceName = try input.checked(input.metadata.service, .service, for: id)
        let service = try input.checked(compose.service(named: serviceName), .service, for: id)
        guard let value = scale(of: service) else {
            throw LoweringFailure("service '\(serviceName)' sets no scale: add the label aliyun.scale (or replicas / deploy.replicas)")
        }
        return Request(method: "POST", path: "/services/\(encodePathSegment(project + "_" + serviceName))/scale",
                       headers: [("Content-Type", "application/json")],
                       body: .object([.init("type", .string("scale_to")), .init("value", .int(value))]))
    }

    static func scale(of service: ComposeService) -> Int64? {
        if let label = service.labels.first(where: { $0.name.value == "aliyun.scale" })?.value,
           case .int(let value) = ScalarValue.resolve(label.value, style: .plain, tag: nil) {
            return value
        }
        return service.replicas?.integer?.value ?? service.scale?.integer?.value ?? service.deploy?.replicas?.integer?.value
    }
}
