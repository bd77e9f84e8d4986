import Diagnostics
import Model

/// `POST /volumes/create` — an aliyun data volume (nas or ossfs) from an aliyun-volume document.
enum AliyunVolume: LoweringTarget {
    static let id = TargetID.aliyunVolume
    static let kinds: [DocumentKind] = [.aliyunVolume]
    static let summary = "create an aliyun volume: POST /volumes/create {name, driver, driverOpts}"
    static let bodySchema = FieldType.object(BodySchemas.aliyunVolume)

    static func lower(_ input: LoweringInput) throws(LoweringFailure) -> Request {
        try input.requireKind(kinds, for: id)
        let root = input.document.root
        let name = try input.checked(input.metadata.name, .name, for: id)
        let options = (root["driverOpts"]?.entries ?? []).map { JSONValue.Member($0.key.value, $0.value.jsonString) }
        return Request(method: "POST", path: "/volumes/create", headers: [("Content-Type", "application/json")], body: .object([
            .init("name", .string(name)),
            .init("driver", root["driver"]?.jsonString ?? .null),
            .init("driverOpts", .object(options)),
        ]))
    }
}
