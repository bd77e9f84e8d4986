import Diagnostics
import Lowering
import Model

/// The documented requests that carry an `update` decision to the platform, per target, built from the
/// create request (its path and body) and the fields that differ. Each is safe to repeat: it sets a
/// value, so a second attempt leaves the same state.
enum UpdateRequests {
    /// `update` is the aliyun project's lowered update (same version as the create); the others are
    /// derived here. The path of what the create made is `create.path` + `/` + the name.
    static func requests(_ target: TargetID, name: String, create: Request, update: Request?, changes: [FieldChange]) -> [Request] {
        let resource = create.path + "/" + encodePathSegment(name)
        let json = [(name: "Content-Type", value: "application/json")]
        switch target {
        case .aliyunProject, .aliyunProjectUpdate:
            return [update ?? create]
        case .alaudaService:
            // 003: `PUT …/{service_name}/` with the service name and the parameters to change.
            let changed = Set(changes.map(\.field))
            guard case .object(let members)? = create.body else { return [] }
            let fields = members.filter { $0.key == "service_name" || changed.contains($0.key) }
            return [Request(method: "PUT", path: resource + "/", headers: json, body: .object(fields))]
        case .v2Application:
            return V2ApplicationUpdate.requests(resource: resource, body: create.body, changed: Set(changes.map(\.field)))
        case .v2ConfigMap, .v2Secret:
            // 004: one key at a time — `POST …/{name}/{key} {"data"}` sets it, `DELETE …/{name}/{key}` removes it.
            var keys: [String] = []
            for change in changes where change.field == "data" && change.steps.count > 1 {
                if case .key(let key) = change.steps[1], !keys.contains(key) { keys.append(key) }
            }
            return keys.map { key in
                let path = resource + "/" + encodePathSegment(key)
                guard let value = create.body?["data"]?[key] else { return Request(method: "DELETE", path: path, body: nil) }
                return Request(method: "POST", path: path, headers: json, body: .object([.init("data", value)]))
            }
        default:
            return []
        }
    }
}

/// A v2 application's documented updates (004): a new image by rollout, the replicas by scale (manual
/// with `instanceNum`, auto with the `scale` object). Nothing else of an application can be changed.
enum V2ApplicationUpdate {
    static let updatableFields: Set<String> = ["imageRef", "instanceNum", "scale"]

    static func requests(resource: String, body: JSONValue?, changed: Set<String>) -> [Request] {
        let json = [(name: "Content-Type", value: "application/json")]
        var requests: [Request] = []
        if changed.contains("imageRef"), let image = body?["imageRef"] {
            requests.append(Request(method: "POST", path: resource + "/rollout", headers: json, body: .object([.init("image", image)])))
        }
        if changed.contains("instanceNum"), let replicas = body?["instanceNum"]?.text {
            requests.append(Request(method: "POST", path: resource + "/scale", query: [("type", "manual"), ("scale", replicas)], body: nil))
        }
        if changed.contains("scale"), let scale = body?["scale"] {
            requests.append(Request(method: "POST", path: resource + "/scale", query: [("type", "auto")], headers: json, body: scale))
        }
        return requests
    }
}
