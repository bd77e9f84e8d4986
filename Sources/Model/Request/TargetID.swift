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

    /// The values the endpoint reads besides the template, in the order they are assembled and
    /// checked: the one statement of what each endpoint requires, its forms and its defaults
    /// (PLATFORM_API.md). `RequestValues` assembles them, `RequestCheck` checks them, the targets
    /// lower the checked result.
    public var fields: [FieldSpec] {
        switch self {
        case .aliyunProject:
            [FieldSpec(.name, required: true, "project name", .aliyunName), FieldSpec(.description, "description", .text),
             FieldSpec(.version, "version", .nonEmpty, defaults: [.constant("1.0")]), FieldSpec(.latestImage, "latest_image", .boolean),
             Self.variablesSpec]
        case .aliyunProjectUpdate:
            [FieldSpec(.name, required: true, "project name", .aliyunName), FieldSpec(.description, "description", .text),
             FieldSpec(.version, required: true, "version", .nonEmpty), FieldSpec(.blueGreen, "blue-green", .boolean),
             FieldSpec(.latestImage, "latest_image", .boolean), Self.variablesSpec]
        case .aliyunVolume:
            [FieldSpec(.name, required: true, "volume name", .aliyunName, defaults: [.documentKey("name")])]
        case .aliyunScale:
            [FieldSpec(.project, required: true, "project name", .aliyunName), FieldSpec(.service, required: true, "service", .composeService)]
        case .v2Podstack:
            [Self.projectSpec, FieldSpec(.name, required: true, "stackInstanceName", .nonEmpty),
             FieldSpec(.minReplicas, "minReplicas", .count(minimum: 1, maximum: nil), defaults: [.templateReplicas]),
             FieldSpec(.maxReplicas, "maxReplicas", .count(minimum: 1, maximum: nil), defaults: [.minimumOrTemplateReplicas]),
             FieldSpec(.targetCPU, "targetCPUUtilization", .count(minimum: 1, maximum: 100), defaults: [.constant("80")])]
        case .v2PodstackUpdate:
            [Self.projectSpec, FieldSpec(.name, required: true, "appName", .nonEmpty), FieldSpec(.appID, required: true, "app_id", .nonEmpty)]
        case .v2Compose:
            [Self.projectSpec, FieldSpec(.name, required: true, "stackInstanceName", .nonEmpty)]
        case .v2Application:
            [Self.projectSpec, FieldSpec(.name, required: true, "application name", .nonEmpty, defaults: [.documentKey("name")])]
        case .v2ConfigMap:
            [Self.projectSpec, FieldSpec(.name, required: true, "configmap name", .configMapName, defaults: [.documentKey("name")])]
        case .v2Secret:
            [Self.projectSpec, FieldSpec(.name, required: true, "secret name", .configMapName, defaults: [.documentKey("name")])]
        case .alaudaService:
            // From Compose, --service picks the service and names the Alauda one unless --name does.
            [FieldSpec(.project, required: true, "namespace", .nonEmpty, defaults: [.documentKey("namespace")]),
             FieldSpec(.service, required: true, "service", .composeService, onlyFor: .compose),
             FieldSpec(.name, required: true, "service_name", .nonEmpty, defaults: [.documentKey("service_name"), .field(.service)])]
        }
    }

    private static let projectSpec = FieldSpec(.project, required: true, "projectName", .nonEmpty)
    private static let variablesSpec = FieldSpec(.variables, "variables", .oneOf(VariablesMode.allCases.map(\.rawValue)),
                                                 defaults: [.constant(VariablesMode.local.rawValue)])
}
