import Diagnostics
import Lowering
import Model

/// The lifecycle verbs besides `submit`: `stackc get|list|start|stop|kill|redeploy|scale|delete`. One
/// vocabulary for every platform: a target supports a verb when `OperationPlan` has a row for it.
public enum PlatformOperation: String, CaseIterable, Sendable {
    case get, list, start, stop, kill, redeploy, scale, delete

    /// Whether the verb ends or removes something the user cannot get back by repeating the command
    /// (`delete`, `kill`): such verbs need `--yes`.
    public var isDestructive: Bool { self == .delete || self == .kill }

    /// Whether sending the request twice leaves the same result as sending it once, so a failed attempt
    /// may be repeated even when it may have reached the server. A second `kill` sends its signal again
    /// (a second SIGHUP is a second reload) and a second `redeploy` redeploys again: those are repeated
    /// only when the first attempt certainly never arrived.
    public var isIdempotent: Bool { self != .kill && self != .redeploy }
}

/// A documented query parameter of an operation, filled from the command's flags.
public enum OperationParameter: CaseIterable, Sendable {
    /// aliyun list: `q=<name>` (the `--name` filter).
    case nameFilter
    /// aliyun list: `services=<bool>`, `containers=<bool>`.
    case services, containers
    /// aliyun delete: `force=<bool>`, `v=<bool>` (delete the project's volumes; 000 §1.5.3 writes `v`).
    case force, volumes
    /// aliyun stop: `t=<seconds>`.
    case stopTimeout
    /// aliyun kill: `signal=<name>` (the platform's default is KILL).
    case signal
    /// v2 applications: `app_id=` (optional for get and delete, where it defaults to the running app).
    case appID
    /// scale: the container count, sent in the body (`OperationEndpoint.body`), not in the query.
    case replicas

    /// The name in the query string; nil for a value the body carries.
    var queryName: String? {
        switch self {
        case .nameFilter: "q"
        case .services: "services"
        case .containers: "containers"
        case .force: "force"
        case .volumes: "v"
        case .stopTimeout: "t"
        case .signal: "signal"
        case .appID: "app_id"
        case .replicas: nil
        }
    }

    /// The command-line flag that gives it.
    public var flag: String {
        switch self {
        case .nameFilter: "--name"
        case .services: "--services"
        case .containers: "--containers"
        case .force: "--force"
        case .volumes: "--volumes"
        case .stopTimeout: "--stop-timeout"
        case .signal: "--signal"
        case .appID: "--app-id"
        case .replicas: "--replicas"
        }
    }
}

/// The values those parameters take; nil leaves a parameter out (the platform's default).
public struct OperationArguments: Sendable {
    public var project: String?
    public var name: String?
    public var services: Bool?
    public var containers: Bool?
    public var force: Bool?
    public var volumes: Bool?
    public var stopTimeout: Int?
    public var signal: String?
    public var appID: String?
    public var replicas: Int?

    public init() {}

    /// The value `parameter` is sent with, nil when not given.
    func value(of parameter: OperationParameter) -> String? {
        switch parameter {
        case .nameFilter: name
        case .services: services.map(String.init)
        case .containers: containers.map(String.init)
        case .force: force.map(String.init)
        case .volumes: volumes.map(String.init)
        case .stopTimeout: stopTimeout.map(String.init)
        case .signal: signal
        case .appID: appID
        case .replicas: replicas.map(String.init)
        }
    }
}

/// One documented operation of one target: its method, its path with `{project}` and `{name}`
/// placeholders, the parameters it takes and those it cannot go without, and the body, for the few
/// operations that send one (scale).
public struct OperationEndpoint: Sendable {
    public var method: String
    public var path: String
    public var parameters: [OperationParameter]
    public var required: [OperationParameter]
    /// The JSON body made from the arguments — a lowering target's own, so a body has one shape
    /// whether it comes from a template (`build --target`) or from flags.
    public var body: (@Sendable (OperationArguments) -> JSONValue)?

    init(_ method: String, _ path: String, _ parameters: [OperationParameter] = [], required: [OperationParameter] = [],
         body: (@Sendable (OperationArguments) -> JSONValue)? = nil) {
        self.method = method
        self.path = path
        self.parameters = parameters + required
        self.required = required
        self.body = body
    }

    /// Whether the path needs `--project` / `--name`.
    public var needsProject: Bool { path.contains("{project}") }
    public var needsName: Bool { path.contains("{name}") }

    /// The request, placeholders percent-encoded; call only with the values `needsProject`/`needsName` ask for.
    public func request(_ arguments: OperationArguments) -> Request {
        let path = self.path.replacing("{project}", with: encodePathSegment(arguments.project ?? ""))
            .replacing("{name}", with: encodePathSegment(arguments.name ?? ""))
        let query = parameters.compactMap { parameter in
            parameter.queryName.flatMap { name in arguments.value(of: parameter).map { (name: name, value: $0) } }
        }
        guard let body else { return Request(method: method, path: path, query: query, body: nil) }
        return Request(method: method, path: path, query: query, headers: [("Content-Type", "application/json")], body: body(arguments))
    }

    /// What is wrong with `arguments` for this endpoint — a required parameter missing, or one given that
    /// it does not take (`--name` is the path's or the filter's, never stray) — as a usage message.
    func problem(with arguments: OperationArguments, doing what: String) -> String? {
        if needsProject && arguments.project == nil { return "\(what) needs --project" }
        if needsName && arguments.name == nil { return "\(what) needs --name" }
        if !needsProject && arguments.project != nil { return "--project does not apply to \(what)" }
        if let missing = required.first(where: { arguments.value(of: $0) == nil }) { return "\(what) needs \(missing.flag)" }
        let stray = OperationParameter.allCases.filter { $0 != .nameFilter && arguments.value(of: $0) != nil && !parameters.contains($0) }
        return stray.isEmpty ? nil : "\(stray.map(\.flag).joined(separator: ", ")) does not apply to \(what)"
    }
}

/// Which target supports which operation, and how it is sent: the one table, from PLATFORM_API.md §2
/// (aliyun cluster API), §4 (Alauda) and §5 (v2). A target or operation missing here is not documented
/// (a podstack has no documented GET or DELETE; v2 kinds have no documented list). aliyun services are
/// the `aliyun-scale` target — the resource its lowering scales, `{project}_{service}` (000 §1.5.14) —
/// so `--project P --name S` names one service whatever the verb.
public enum OperationPlan {
    public static func endpoint(_ operation: PlatformOperation, for target: TargetID) -> OperationEndpoint? {
        table(target)[operation]
    }

    /// The operations `target` supports, in the verbs' order.
    public static func operations(of target: TargetID) -> [PlatformOperation] {
        PlatformOperation.allCases.filter { table(target)[$0] != nil }
    }

    /// What `--wait` after `operation` polls the target's GET for: aliyun projects and services report
    /// `current_state` (start and redeploy end `running`, stop `stopped`, 000 §1.6), and an aliyun GET of
    /// what was deleted answers 404. nil where nothing documented tells (then `--wait` is refused).
    public static func waitGoal(_ operation: PlatformOperation, for target: TargetID) -> WaitGoal? {
        guard target.platform == .aliyun, endpoint(.get, for: target) != nil, endpoint(operation, for: target) != nil else { return nil }
        let hasStates = target == .aliyunProject || target == .aliyunScale
        switch operation {
        case .delete: return .absent
        case .start, .redeploy: return hasStates ? .state("running") : nil
        case .stop: return hasStates ? .state("stopped") : nil
        case .get, .list, .kill, .scale: return nil
        }
    }

    /// Fields of a `get` answer shown as they are, not masked by the `Redactor`: a configMap's `data` is
    /// configuration, not a secret (a secret's `data` stays masked).
    public static func plainFields(of target: TargetID) -> Set<String> {
        target == .v2ConfigMap ? ["data"] : []
    }

    private static func table(_ target: TargetID) -> [PlatformOperation: OperationEndpoint] {
        switch target {
        case .aliyunProject:
            [.list: OperationEndpoint("GET", "/projects/", [.nameFilter, .services, .containers]),
             .get: OperationEndpoint("GET", "/projects/{name}"),
             .start: OperationEndpoint("POST", "/projects/{name}/start"),
             .stop: OperationEndpoint("POST", "/projects/{name}/stop", [.stopTimeout]),
             .kill: OperationEndpoint("POST", "/projects/{name}/kill", [.signal]),
             .redeploy: OperationEndpoint("POST", "/projects/{name}/redeploy"),
             .delete: OperationEndpoint("DELETE", "/projects/{name}", [.force, .volumes])]
        case .aliyunScale:
            [.list: OperationEndpoint("GET", "/services/", [.nameFilter, .containers]),
             .get: OperationEndpoint("GET", "/services/{project}_{name}"),
             .start: OperationEndpoint("POST", "/services/{project}_{name}/start"),
             .stop: OperationEndpoint("POST", "/services/{project}_{name}/stop", [.stopTimeout]),
             .kill: OperationEndpoint("POST", "/services/{project}_{name}/kill", [.signal]),
             .scale: OperationEndpoint("POST", "/services/{project}_{name}/scale", required: [.replicas]) { AliyunScale.body(scaleTo: Int64($0.replicas ?? 0)) }]
        case .aliyunVolume:
            [.list: OperationEndpoint("GET", "/volumes"),
             .get: OperationEndpoint("GET", "/volumes/{name}"),
             .delete: OperationEndpoint("DELETE", "/volumes/{name}")]
        case .v2Compose:
            [.get: OperationEndpoint("GET", "/v2/composes/{project}/{name}"),
             .delete: OperationEndpoint("DELETE", "/v2/composes/{project}/{name}")]
        case .v2Application:
            [.get: OperationEndpoint("GET", "/v2/applications/{project}/{name}", [.appID]),
             .start: OperationEndpoint("POST", "/v2/applications/{project}/{name}/start", required: [.appID]),
             .delete: OperationEndpoint("DELETE", "/v2/applications/{project}/{name}", [.appID])]
        case .v2ConfigMap:
            [.get: OperationEndpoint("GET", "/v2/configmaps/{project}/{name}"),
             .delete: OperationEndpoint("DELETE", "/v2/configmaps/{project}/{name}")]
        case .v2Secret:
            [.get: OperationEndpoint("GET", "/v2/secrets/{project}/{name}"),
             .delete: OperationEndpoint("DELETE", "/v2/secrets/{project}/{name}")]
        case .alaudaService:
            [.list: OperationEndpoint("GET", "/v1/services/{project}"),
             .get: OperationEndpoint("GET", "/v1/services/{project}/{name}/"),
             .start: OperationEndpoint("PUT", "/v1/services/{project}/{name}/start/"),
             .stop: OperationEndpoint("PUT", "/v1/services/{project}/{name}/stop/"),
             .delete: OperationEndpoint("DELETE", "/v1/services/{project}/{name}/")]
        case .aliyunProjectUpdate, .v2Podstack, .v2PodstackUpdate:
            [:]
        }
    }
}
