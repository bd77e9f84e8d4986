import Diagnostics
import Model

/// Where each field a request body sets shows up in the platform's GET answer, per target, from the
/// answers the seeds document (PLATFORM_API.md §2, §4, §5): the one table `ChangeDecision` compares
/// with, and the README's "what plan compares" section describes.
public enum DeployedFields {
    /// One body field and the member of the GET answer that shows it.
    struct Field {
        /// The body's top-level key.
        let body: String
        /// The path of the answer's member (`region.name` for Alauda's `region_name`).
        let answer: [String]
        /// The answer writes the value as JSON text (Alauda's `instance_envvars: "{}"`, 003).
        let asJSONText: Bool

        init(_ body: String, _ answer: String? = nil, asJSONText: Bool = false) {
            self.body = body
            self.answer = (answer ?? body).split(separator: ".").map(String.init)
            self.asJSONText = asJSONText
        }
    }

    /// The fields compared for `target`, in the body's documented order; nil when the target has no
    /// documented GET of what it creates (a podstack; the update-only targets), so nothing can be compared.
    static func fields(of target: TargetID) -> [Field]? {
        switch target {
        case .aliyunProject, .aliyunProjectUpdate:
            // 000 §1.5.3: the Project object carries what the create sent.
            [Field("description"), Field("template"), Field("version"), Field("environment")]
        case .aliyunVolume:
            // The volume answer is Docker's shape (`Name`, `Driver`, …): the driver options are not in it.
            [Field("name", "Name"), Field("driver", "Driver")]
        case .alaudaService:
            // 003 "get service": the create's fields, three of them as JSON text, the region as an object.
            [Field("service_name"), Field("namespace"), Field("image_name"), Field("image_tag"), Field("run_command"),
             Field("instance_size"), Field("scaling_mode"), Field("target_state"), Field("custom_domain_name"),
             Field("linked_to_apps", asJSONText: true), Field("target_num_instances"), Field("instance_envvars", asJSONText: true),
             Field("instance_ports"), Field("autoscaling_config", asJSONText: true), Field("volumes"), Field("region_name", "region.name")]
        case .v2Application:
            // 004 "app": the app object names most fields differently from the create body.
            [Field("name", "Name"), Field("imageRef", "Image"), Field("resources", "ResInfo"), Field("instanceNum", "InstanceNum"),
             Field("cmd", "Cmd"), Field("dockerEnv", "Environments"), Field("portMappings", "PortsInfo"),
             Field("dockerLogDir", "DockerLogDir"), Field("dockerDataDir", "DockerDataDir"), Field("networkType", "NetworkType"),
             Field("userName", "Username"), Field("scale"), Field("configMap"), Field("secret"), Field("internalVolumes"), Field("nodeLabels")]
        case .v2ConfigMap, .v2Secret:
            // 004: `{name, projectName, configNum, data}`; a secret's data base64 as sent.
            [Field("name"), Field("data")]
        case .v2Compose:
            // 004 documents the GET of a compose but not its answer: its existence is all that is known.
            []
        case .aliyunScale, .v2Podstack, .v2PodstackUpdate:
            nil
        }
    }

    /// Body fields (paths) that no documented GET answer shows, so a change to them cannot be seen.
    public static func notShown(by target: TargetID) -> [String] {
        switch target {
        case .aliyunVolume: ["driverOpts"]
        case .alaudaService: ["application"]
        case .v2Application: ["resources.gpu", "volumes"]
        case .v2Compose: ["stackInstanceName", "content"]
        default: []
        }
    }

    /// Variables the aliyun server adds to a project's environment itself (ALIYUN.md §3): never ours to compare.
    static let serverInjected: Set<String> = ["COMPOSE_PROJECT_NAME", "ACS_PROJECT_VERSION", "ACS_DEFAULT_DOMAIN"]

    /// Every difference between what `body` sets and what `deployed` shows, leaf by leaf, in body order.
    static func changes(_ target: TargetID, deployed: JSONValue, body: JSONValue) -> [FieldChange] {
        let hidden = Set(notShown(by: target))
        var found: [FieldChange] = []
        for field in fields(of: target) ?? [] {
            guard let wanted = body[field.body], !hidden.contains(field.body) else { continue }
            var shown = field.answer.reduce(Optional(deployed)) { value, key in value?[key] }
            if field.asJSONText, case .string(let text)? = shown { shown = JSONParser.parse(Array(text.utf8)) ?? shown }
            if target.platform == .aliyun && field.body == "environment" {
                shown = shown.map { $0.removingMembers(serverInjected) }
            }
            compare(wanted, shown, path: [.key(field.body)], hidden: hidden, into: &found)
        }
        return found
    }

    /// Objects member by member (both sides' keys: a variable removed is a change), arrays item by
    /// item; an absent description or environment equals an empty one, as the platform defaults them.
    private static func compare(_ wanted: JSONValue?, _ shown: JSONValue?, path: [FieldChange.Step], hidden: Set<String>,
                                into found: inout [FieldChange]) {
        if hidden.contains(FieldChange.text(of: path)) || wanted.isEmptyValue && shown.isEmptyValue { return }
        switch (wanted, shown) {
        case (.object(let left)?, .object(let right)?):
            var keys = left.map(\.key)
            keys += right.map(\.key).filter { !keys.contains($0) }
            for key in keys { compare(wanted?[key], shown?[key], path: path + [.key(key)], hidden: hidden, into: &found) }
        case (.array(let left)?, .array(let right)?) where left.count == right.count:
            for index in left.indices { compare(left[index], right[index], path: path + [.index(index)], hidden: hidden, into: &found) }
        default:
            if !sameValue(wanted, shown) { found.append(FieldChange(steps: path, deployed: shown, wanted: wanted)) }
        }
    }

    /// Equal as JSON, a number equal to its text (Alauda's answer writes some numbers as strings).
    private static func sameValue(_ left: JSONValue?, _ right: JSONValue?) -> Bool {
        if left == right { return true }
        guard let left, let right, left.isScalar, right.isScalar else { return false }
        return left.text != nil && left.text == right.text
    }
}

/// One field whose deployed value differs from what would be sent; nil where a side has none.
public struct FieldChange: Sendable, Equatable {
    /// A member of an object or an item of a list.
    public enum Step: Sendable, Equatable {
        case key(String)
        case index(Int)
    }

    /// Where the field is in the body: `instance_envvars`, `LOG_LEVEL`.
    public let steps: [Step]
    public let deployed: JSONValue?
    public let wanted: JSONValue?

    /// `instance_envvars.LOG_LEVEL`, `dockerEnv[0].value`.
    public var path: String { Self.text(of: steps) }

    /// The top-level body field the change is in.
    public var field: String {
        guard case .key(let key)? = steps.first else { return "" }
        return key
    }

    static func text(of steps: [Step]) -> String {
        steps.enumerated().map { offset, step in
            switch step {
            case .key(let key): offset == 0 ? key : "." + key
            case .index(let index): "[\(index)]"
            }
        }.joined()
    }
}

private extension JSONValue {
    func removingMembers(_ keys: Set<String>) -> JSONValue {
        guard case .object(let members) = self else { return self }
        return .object(members.filter { !keys.contains($0.key) })
    }

    var isScalar: Bool {
        switch self {
        case .string, .int, .number, .bool: true
        default: false
        }
    }
}

private extension Optional where Wrapped == JSONValue {
    /// Absent, null, "" or an empty object or list: what the platform stores for a field left out.
    var isEmptyValue: Bool {
        switch self {
        case nil, .null?: true
        case .string(let text)?: text.isEmpty
        case .object(let members)?: members.isEmpty
        case .array(let items)?: items.isEmpty
        default: false
        }
    }
}
