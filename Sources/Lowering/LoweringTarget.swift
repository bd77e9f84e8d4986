import Model

/// One endpoint stackc can build a request for. Each target lives in its own file under `Targets/`.
public protocol LoweringTarget {
    static var id: TargetID { get }
    /// The document kinds the endpoint takes.
    static var kinds: [DocumentKind] { get }
    static var summary: String { get }
    /// The request body's shape, published as JSON Schema (`stackc schema TARGET`, `schemas/requests/`).
    static var bodySchema: FieldType { get }
    static func lower(_ input: LoweringInput) throws(LoweringFailure) -> Request
}

/// The ids users pass to `build --target` and `schema`.
public enum TargetID: String, Sendable, CaseIterable {
    case aliyunProject = "aliyun-project"
    case aliyunProjectUpdate = "aliyun-project-update"
    case aliyunVolume = "aliyun-volume"
    case aliyunScale = "aliyun-scale"
    case v2Podstack = "v2-podstack"
    case v2PodstackUpdate = "v2-podstack-update"
    case v2Compose = "v2-compose"
    case v2Application = "v2-application"
    case v2ConfigMap = "v2-configmap"
    case v2Secret = "v2-secret"
    case alaudaService = "alauda-service"

    /// The platform family, which decides the platform rules run before building and how variables
    /// are handled.
    public var platform: Platform {
        switch self {
        case .aliyunProject, .aliyunProjectUpdate, .aliyunVolume, .aliyunScale: .aliyun
        case .v2Podstack, .v2PodstackUpdate, .v2Compose, .v2Application, .v2ConfigMap, .v2Secret: .v2
        case .alaudaService: .alauda
        }
    }

    public var target: any LoweringTarget.Type {
        switch self {
        case .aliyunProject: AliyunProject.self
        case .aliyunProjectUpdate: AliyunProjectUpdate.self
        case .aliyunVolume: AliyunVolume.self
        case .aliyunScale: AliyunScale.self
        case .v2Podstack: V2Podstack.self
        case .v2PodstackUpdate: V2PodstackUpdate.self
        case .v2Compose: V2Compose.self
        case .v2Application: V2Application.self
        case .v2ConfigMap: V2ConfigMap.self
        case .v2Secret: V2Secret.self
        case .alaudaService: AlaudaService.self
        }
    }
}
