import Diagnostics
import Model
import Syntax

/// `POST /services/{project}_{service}/scale` — set a service's container count to the scale the
/// template gives it (`aliyun.scale` label, else `replicas`, `scale` or `deploy.replicas`). `stackc scale
/// --target aliyun-scale --replicas N` sends the same body (`body(scaleTo:)`).
public enum AliyunScale: LoweringTarget {
    public static let id = TargetID.aliyunScale
    public static let kinds: [DocumentKind] = [.compose]
    public static let summary = "scale an aliyun service: POST /services/{project}_{service}/scale {type: scale_to, value}"
    public static let bodySchema = FieldType.object(BodySchemas.aliyunScale)

    public static func lower(_ input: LoweringInput) throws(LoweringFailure) -> Request {
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
                       body: body(scaleTo: value))
    }

    /// `{"type": "scale_to", "value": N}` (000 §1.5.18): the only documented scaling type.
    public static func body(scaleTo value: Int64) -> JSONValue {
        .object([.init("type", .string("scale_to")), .init("value", .int(value))])
    }

    static func scale(of service: ComposeService) -> Int64? {
        if let label = service.labels.first(where: { $0.name.value == "aliyun.scale" })?.value,
           case .int(let value) = ScalarValue.resolve(label.value, style: .plain, tag: nil) {
            return value
        }
        return service.replicas?.integer?.value ?? service.scale?.integer?.value ?? service.deploy?.replicas?.integer?.value
    }
}
