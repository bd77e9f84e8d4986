import Lowering
import Model

/// The lifecycle verbs besides `submit`: `stackc get|list|start|stop|delete`.
public enum PlatformOperation: String, CaseIterable, Sendable {
    case get, list, start, stop, delete
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
    /// v2 applications: `app_id=` (optional for get and delete, where it defaults to the running app).
    case appID

    /// The name in the query string.
    var queryName: String {
        switch self {
        case .nameFilter: "q"
        case .services: "services"
        case .containers: "containers"
        case .force: "force"
        case .volumes: "v"
        case .stopTimeout: "t"
        case .appID: "app_id"
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
        case .appID: "--app-id"
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
    public var appID: String?

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
        case .appID: appID
        }
    }
}

/// One documented operation of one target: its method, its path with `{project}` and `{name}`
/// placeholders, the query parameters it takes and those it cannot go without.
public struct OperationEndpoint: Sendable {
    public var method: String
    public var path: String
    public var parameters: [OperationParameter]
    public var required: [OperationParameter]

    init(_ method: String, _ path: String, _ parameters: [OperationParameter] = [], required: [OperationParameter] = []) {
        self.method = method
        self.path = path
        self.parameters = parameters + required
        self.required = required
    }

    /// Whether the path needs `--project` / `--name`.
    public var needsProject: Bool { path.contains("{project}") }
    public var needsName: Bool { path.contains("{name}") }

    /// The request, placeholders percent-encoded; call only with the values `needsProject`/`needsName` ask for.
    public func request(_ arguments: OperationArguments) -> Request {
        let path = self.path.replacing("{project}", with: encodePathSegment(arguments.project ?? ""))
            .replacing("{name}", with: encodePathSegment(arguments.name ?? ""))
        let query = parameters.compactMap { parameter in arguments.value(of: parameter).map { (name: parameter.queryName, value: $0) } }
        return Request(method: method, path: path, query: query, body: nil)
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
/// (a podstack has no documented GET or DELETE; v2 kinds have no documented list).
public enum OperationPlan {
    public static func endpoint(_ operation: PlatformOperation, for target: TargetID) -> OperationEndpoint? {
        table(target)[operation]
    }

    /// The operations `target` supports, in the verbs' order.
    public static func operations(of target: TargetID) -> [PlatformOperation] {
        PlatformOperation.allCases.filter { table(target)[$0] != nil }
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
             .delete: OperationEndpoint("DELETE", "/projects/{name}", [.force, .volumes])]
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
        case .aliyunProjectUpdate, .aliyunScale, .v2Podstack, .v2PodstackUpdate:
            [:]
        }
    }
}
