import Lowering
import Model

/// The lifecycle verbs besides `submit`: `stackc get|list|start|stop|delete`.
public enum PlatformOperation: String, CaseIterable, Sendable {
    case get, list, start, stop, delete
}

/// A documented query parameter of an operation, filled from the command's flags.
public enum OperationParameter: Sendable {
    /// aliyun list: `q=<name>` (the `--name` filter).
    case nameFilter
    /// aliyun list: `services=<bool>`, `containers=<bool>`.
    case services, containers
    /// aliyun delete: `force=<bool>`, `v=<bool>` (delete the project's volumes; 000 §1.5.3 writes `v`).
    case force, volumes
    /// aliyun stop: `t=<seconds>`.
    case stopTimeout
    /// v2 applications: `app_id=` (optional: without it the running app is meant).
    case appID
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
}

/// One documented operation of one target: its method, its path with `{project}` and `{name}`
/// placeholders, and the query parameters it takes.
public struct OperationEndpoint: Sendable {
    public var method: String
    public var path: String
    public var parameters: [OperationParameter]

    init(_ method: String, _ path: String, _ parameters: [OperationParameter] = []) {
        self.method = method
        self.path = path
        self.parameters = parameters
    }

    /// Whether the path needs `--project` / `--name`.
    public var needsProject: Bool { path.contains("{project}") }
    public var needsName: Bool { path.contains("{name}") }

    /// The request, placeholders percent-encoded; call only with the values `needsProject`/`needsName` ask for.
    public func request(_ arguments: OperationArguments) -> Request {
        let path = self.path.replacing("{project}", with: encodePathSegment(arguments.project ?? ""))
            .replacing("{name}", with: encodePathSegment(arguments.name ?? ""))
        let query: [(name: String, value: String)] = parameters.compactMap { parameter in
            switch parameter {
            case .nameFilter: arguments.name.map { ("q", $0) }
            case .services: arguments.services.map { ("services", String($0)) }
            case .containers: arguments.containers.map { ("containers", String($0)) }
            case .force: arguments.force.map { ("force", String($0)) }
            case .volumes: arguments.volumes.map { ("v", String($0)) }
            case .stopTimeout: arguments.stopTimeout.map { ("t", String($0)) }
            case .appID: arguments.appID.map { ("app_id", $0) }
            }
        }
        return Request(method: method, path: path, query: query, body: nil)
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
