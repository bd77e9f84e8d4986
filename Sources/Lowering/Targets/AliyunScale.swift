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
        let project = try input.require(input.metadata.project ?? input.metadata.name, flag: "--project (the aliyun project)", for: id)
        let serviceName = try input.require(input.metadata.service, flag: "--service (the service to scale)", for: id)
        guard let service = compose.service(named: serviceName) else {
            let suggestion = Suggestions.closest(to: serviceName, among: compose.services.map(\.name.value)).map { "; did you mean '\($0)'?" } ?? ""
            throw LoweringFailure("the template has no service '\(serviceName)'\(suggestion)")
        }
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
        return service["replicas"]?.integer?.value ?? service["scale"]?.integer?.value ?? service["deploy"]?["replicas"]?.integer?.value
    }
}
