import Diagnostics
import Lowering

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
    /// v2 applications: `app_id=` (optional for get, delete and kill, where it defaults to the running app).
    case appID
    /// v2 application scale: `type=manual&scale=<replicas>` or `type=auto` (the bounds go in the body).
    case scaleType, replicas
    /// Alauda logs: `start_time=<unix>&end_time=<unix>`.
    case startTime, endTime

    /// The name in the query string.
    var queryName: String {
        switch self {
        case .nameFilter: "q"
        case .services: "services"
        case .containers: "containers"
        case .force: "force"
        case .volumes: "v"
        case .stopTimeout: "t"
        case .signal: "signal"
        case .appID: "app_id"
        case .scaleType: "type"
        case .replicas: "scale"
        case .startTime: "start_time"
        case .endTime: "end_time"
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
        case .scaleType: "--auto"
        case .replicas: "--replicas"
        case .startTime: "--start-time"
        case .endTime: "--end-time"
        }
    }

    /// What a usage message asks for when it is missing.
    var requirement: String {
        self == .scaleType ? "--replicas N or --auto" : flag
    }
}

/// How many instances `scale` asks for: a fixed count, or the autoscaling bounds (v2 `type=auto`).
public enum ScaleSetting: Sendable, Equatable {
    case manual(replicas: Int)
    case auto(minReplicas: Int, maxReplicas: Int, targetCPU: Int)
}

/// The documented body of an operation, filled from the command's flags in the field order the source
/// documents.
public enum OperationBody: Sendable {
    /// v2 rollout: `{"image": "name:tag"}`.
    case image
    /// v2 scale: `{"minReplicas", "maxReplicas", "targetCPUUtilization"}` with `type=auto`, none with `type=manual`.
    case autoscaling
    /// aliyun service scale: the body `build --target aliyun-scale` makes, `{"type": "scale_to", "value"}` (000 §1.5.14),
    /// so a body has one shape whether it comes from a template or from flags.
    case scaleTo
    /// Alauda update as 003 shows it for adjusting the instance count: `{"service_name", "target_num_instances"}`.
    case instances
    /// v2 cloud-disk create: `{"size", "name", "description", "snapshot_id", "metadata": {"fs_type"}}`.
    case cinderVolume
    /// v2 cloud-disk extend: `{"new_size"}` (GB).
    case newSize

    /// The flags the body is made of, each with whether it is needed.
    var inputs: [(flag: String, required: Bool)] {
        switch self {
        case .image: [("--image", true)]
        case .autoscaling: [("--auto", false)]
        case .instances, .scaleTo: [("--replicas", true)]
        case .cinderVolume: [("--name", true), ("--size", true), ("--description", false), ("--snapshot-id", false), ("--fs-type", false)]
        case .newSize: [("--size", true)]
        }
    }

    /// The body, or nil when it has none for these arguments (a manual v2 scale).
    func json(_ arguments: OperationArguments) -> JSONValue? {
        typealias Member = JSONValue.Member
        switch self {
        case .image:
            return .object([Member("image", .string(arguments.image ?? ""))])
        case .autoscaling:
            guard case .auto(let low, let high, let cpu)? = arguments.scale else { return nil }
            return .object([Member("minReplicas", .int(Int64(low))), Member("maxReplicas", .int(Int64(high))),
                            Member("targetCPUUtilization", .int(Int64(cpu)))])
        case .instances:
            guard case .manual(let replicas)? = arguments.scale else { return nil }
            return .object([Member("service_name", .string(arguments.name ?? "")), Member("target_num_instances", .int(Int64(replicas)))])
        case .scaleTo:
            guard case .manual(let replicas)? = arguments.scale else { return nil }
            return AliyunScale.body(scaleTo: Int64(replicas))
        case .cinderVolume:
            return .object([Member("size", .int(Int64(arguments.size ?? 0))), Member("name", .string(arguments.name ?? "")),
                            Member("description", .string(arguments.description ?? "")), Member("snapshot_id", .string(arguments.snapshotID ?? "")),
                            Member("metadata", .object([Member("fs_type", .string(arguments.fsType ?? OperationArguments.defaultFileSystem))]))])
        case .newSize:
            return .object([Member("new_size", .int(Int64(arguments.size ?? 0)))])
        }
    }
}

/// The values of an operation's path, query and body; nil leaves a value out (the platform's default).
public struct OperationArguments: Sendable {
    public var project: String?
    public var name: String?
    /// A configMap's or secret's key (`.../{name}/{key}`).
    public var key: String?
    /// A cloud disk's id (`/v2/cinder/{projectName}/volumes/{volumeId}`).
    public var volumeID: String?
    public var services: Bool?
    public var containers: Bool?
    public var force: Bool?
    public var volumes: Bool?
    public var stopTimeout: Int?
    /// kill: the signal's name or number.
    public var signal: String?
    public var appID: String?
    /// rollout: the new image, `name:tag`.
    public var image: String?
    public var scale: ScaleSetting?
    /// A cloud disk's size in GB (create), or its new size (extend).
    public var size: Int?
    public var description: String?
    public var snapshotID: String?
    /// A cloud disk's file system; 004's example and guide: `xfs` or `ext4`.
    public var fsType: String?
    /// logs: the time range, Unix seconds.
    public var startTime: Int?
    public var endTime: Int?

    /// The file system 004's example creates a cloud disk with.
    public static let defaultFileSystem = "xfs"
    /// The file systems 004's guide lists for cloud disks (EXT4 and XFS).
    public static let fileSystems = ["ext4", "xfs"]

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
        case .scaleType:
            switch scale {
            case .manual?: "manual"
            case .auto?: "auto"
            case nil: nil
            }
        case .replicas:
            if case .manual(let replicas)? = scale { String(replicas) } else { nil }
        case .startTime: startTime.map(String.init)
        case .endTime: endTime.map(String.init)
        }
    }

    /// The flags given, as the user typed them, for refusing those an operation does not take.
    var givenFlags: [String] {
        let scaleFlag: String? = switch scale {
        case .manual?: "--replicas"
        case .auto?: "--auto"
        case nil: nil
        }
        let flags: [(String, Bool)] = [
            ("--project", project != nil), ("--name", name != nil), ("--key-name", key != nil), ("--volume-id", volumeID != nil),
            ("--services", services != nil), ("--containers", containers != nil), ("--force", force != nil), ("--volumes", volumes != nil),
            ("--stop-timeout", stopTimeout != nil), ("--signal", signal != nil), ("--app-id", appID != nil), ("--image", image != nil),
            ("--size", size != nil), ("--description", description != nil), ("--snapshot-id", snapshotID != nil), ("--fs-type", fsType != nil),
            ("--start-time", startTime != nil), ("--end-time", endTime != nil),
        ]
        return flags.filter(\.1).map(\.0) + (scaleFlag.map { [$0] } ?? [])
    }
}
