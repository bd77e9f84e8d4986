import Model

/// The lifecycle verbs besides `submit`, in the order usage messages list them. One vocabulary for every
/// platform: a target supports a verb when `OperationPlan` has a row for it.
public enum PlatformOperation: String, CaseIterable, Sendable {
    case get, list, logs, create, start, stop, kill, redeploy, scale, rollout, extend, delete

    /// Whether the verb ends or removes something the user cannot get back by repeating the command
    /// (`delete`, `kill`): such verbs need `--yes`.
    public var isDestructive: Bool { self == .delete || self == .kill }
}

/// Which target supports which operation, and how it is sent: the one table, from PLATFORM_API.md §2
/// (aliyun cluster API), §4 (Alauda, source 003) and §5 (v2, source 004). A target or operation missing
/// here is not documented: a podstack has no documented GET or DELETE, the v2 kinds and cloud disks no
/// list, an Alauda service no kill or rollout. aliyun services are the `aliyun-scale` target — the
/// resource its lowering scales, `{project}_{service}` (000 §1.5.14) — so `--project P --name S` names
/// one service whatever the verb.
public enum OperationPlan {
    /// The endpoint of `operation`; with `--key-name`, a configMap's or secret's key-level one.
    public static func endpoint(_ operation: PlatformOperation, for target: OperationTarget, key: Bool = false) -> OperationEndpoint? {
        key ? keyTable(target)[operation] ?? table(target)[operation] : table(target)[operation]
    }

    /// The operations `target` supports, in the verbs' order.
    public static func operations(of target: OperationTarget) -> [PlatformOperation] {
        PlatformOperation.allCases.filter { table(target)[$0] != nil || keyTable(target)[$0] != nil }
    }

    /// Fields of a `get` answer shown as they are, not masked by the `Redactor`: a configMap's `data` is
    /// configuration, not a secret (a secret's `data` stays masked).
    public static func plainFields(of target: OperationTarget) -> Set<String> {
        target == .template(.v2ConfigMap) ? ["data"] : []
    }

    /// What `--wait` waits for after `operation`, when the target's documented GET shows it: nil when it
    /// does not (the answer of a v2 application's GET is not documented, so only its deletion can be seen).
    /// Every delete ends when the GET answers 404.
    public static func awaited(_ operation: PlatformOperation, for target: OperationTarget, _ arguments: OperationArguments) -> WaitGoal? {
        guard endpoint(.get, for: target, key: arguments.key != nil) != nil else { return nil }
        switch (operation, target) {
        case (.delete, _):
            return .absent
        // aliyun projects and services report `current_state` (000 §1.6): start and redeploy end `running`, stop `stopped`.
        case (.start, .template(.aliyunProject)), (.redeploy, .template(.aliyunProject)), (.start, .template(.aliyunScale)):
            return .state("running")
        case (.stop, .template(.aliyunProject)), (.stop, .template(.aliyunScale)):
            return .state("stopped")
        // 003's service view: `target_state`, `is_deploying`, `current_num_instances`.
        case (.start, .template(.alaudaService)):
            return .fields(["target_state": "STARTED", "is_deploying": "false"])
        case (.stop, .template(.alaudaService)):
            return .fields(["target_state": "STOPPED", "is_deploying": "false"])
        case (.scale, .template(.alaudaService)):
            guard case .manual(let replicas)? = arguments.scale else { return nil }
            return .fields(["is_deploying": "false", "current_num_instances": String(replicas)])
        default:
            return nil
        }
    }

    private static func table(_ target: OperationTarget) -> [PlatformOperation: OperationEndpoint] {
        switch target {
        case .template(.aliyunProject):
            [.list: OperationEndpoint("GET", "/projects/", [.nameFilter, .services, .containers]),
             .get: OperationEndpoint("GET", "/projects/{name}"),
             .start: OperationEndpoint("POST", "/projects/{name}/start"),
             .stop: OperationEndpoint("POST", "/projects/{name}/stop", [.stopTimeout]),
             .kill: OperationEndpoint("POST", "/projects/{name}/kill", [.signal], repeatable: false),
             .redeploy: OperationEndpoint("POST", "/projects/{name}/redeploy", repeatable: false),
             .delete: OperationEndpoint("DELETE", "/projects/{name}", [.force, .volumes])]
        case .template(.aliyunScale):
            [.list: OperationEndpoint("GET", "/services/", [.nameFilter, .containers]),
             .get: OperationEndpoint("GET", "/services/{project}_{name}"),
             .start: OperationEndpoint("POST", "/services/{project}_{name}/start"),
             .stop: OperationEndpoint("POST", "/services/{project}_{name}/stop", [.stopTimeout]),
             .kill: OperationEndpoint("POST", "/services/{project}_{name}/kill", [.signal], repeatable: false),
             .scale: OperationEndpoint("POST", "/services/{project}_{name}/scale", body: .scaleTo)]
        case .template(.aliyunVolume):
            [.list: OperationEndpoint("GET", "/volumes"),
             .get: OperationEndpoint("GET", "/volumes/{name}"),
             .delete: OperationEndpoint("DELETE", "/volumes/{name}")]
        case .template(.v2Compose):
            [.get: OperationEndpoint("GET", "/v2/composes/{project}/{name}"),
             .delete: OperationEndpoint("DELETE", "/v2/composes/{project}/{name}")]
        case .template(.v2Application):
            [.get: OperationEndpoint("GET", "/v2/applications/{project}/{name}", [.appID]),
             .start: OperationEndpoint("POST", "/v2/applications/{project}/{name}/start", required: [.appID]),
             .kill: OperationEndpoint("POST", "/v2/applications/{project}/{name}/kill", [.appID]),
             .scale: OperationEndpoint("POST", "/v2/applications/{project}/{name}/scale", [.scaleType, .replicas], required: [.scaleType], body: .autoscaling),
             .rollout: OperationEndpoint("POST", "/v2/applications/{project}/{name}/rollout", body: .image),
             .delete: OperationEndpoint("DELETE", "/v2/applications/{project}/{name}", [.appID])]
        case .template(.v2ConfigMap):
            [.get: OperationEndpoint("GET", "/v2/configmaps/{project}/{name}"),
             .delete: OperationEndpoint("DELETE", "/v2/configmaps/{project}/{name}")]
        case .template(.v2Secret):
            [.get: OperationEndpoint("GET", "/v2/secrets/{project}/{name}"),
             .delete: OperationEndpoint("DELETE", "/v2/secrets/{project}/{name}")]
        case .template(.alaudaService):
            [.list: OperationEndpoint("GET", "/v1/services/{project}"),
             .get: OperationEndpoint("GET", "/v1/services/{project}/{name}/"),
             .start: OperationEndpoint("PUT", "/v1/services/{project}/{name}/start/"),
             .stop: OperationEndpoint("PUT", "/v1/services/{project}/{name}/stop/"),
             // 003's update, "for example to adjust its number of instances", with the fields of its example.
             .scale: OperationEndpoint("PUT", "/v1/services/{project}/{name}/", body: .instances),
             .logs: OperationEndpoint("GET", "/v1/services/{project}/{name}/logs/", required: [.startTime, .endTime]),
             .delete: OperationEndpoint("DELETE", "/v1/services/{project}/{name}/")]
        case .v2CinderVolume:
            [.create: OperationEndpoint("POST", "/v2/cinder/{project}/volumes", body: .cinderVolume),
             .get: OperationEndpoint("GET", "/v2/cinder/{project}/volumes/{volume}"),
             .extend: OperationEndpoint("POST", "/v2/cinder/{project}/volumes/{volume}/extend", body: .newSize),
             .delete: OperationEndpoint("DELETE", "/v2/cinder/{project}/volumes/{volume}")]
        case .template(.aliyunProjectUpdate), .template(.v2Podstack), .template(.v2PodstackUpdate):
            [:]
        }
    }

    /// The key-level calls of configMaps and secrets (004: the same paths under `/v2/secrets`); `list`
    /// lists the applications that use the key.
    private static func keyTable(_ target: OperationTarget) -> [PlatformOperation: OperationEndpoint] {
        let kind = switch target {
        case .template(.v2ConfigMap): "configmaps"
        case .template(.v2Secret): "secrets"
        default: ""
        }
        guard !kind.isEmpty else { return [:] }
        return [.get: OperationEndpoint("GET", "/v2/\(kind)/{project}/{name}/{key}"),
                // The applications that use the key.
                .list: OperationEndpoint("GET", "/v2/\(kind)/{project}/{name}/{key}/apps"),
                .delete: OperationEndpoint("DELETE", "/v2/\(kind)/{project}/{name}/{key}")]
    }
}
