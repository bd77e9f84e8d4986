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

extension TargetID {
    /// The lowering of this endpoint.
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
