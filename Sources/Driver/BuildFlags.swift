import Diagnostics
import Lowering
import Model

/// What the command line says about a build; every field optional so a stack manifest can fill the
/// rest (flags win over the manifest).
public struct BuildFlags: Sendable {
    public var target: TargetID?
    public var name: String?
    public var project: String?
    public var description: String?
    public var version: String?
    public var appID: String?
    public var service: String?
    public var minReplicas: Int?
    public var maxReplicas: Int?
    public var targetCPU: Int?
    public var blueGreen: Bool?
    public var latestImage: Bool?
    public var variables: VariablesMode?

    public init(target: TargetID? = nil, name: String? = nil, project: String? = nil, description: String? = nil, version: String? = nil,
                appID: String? = nil, service: String? = nil, minReplicas: Int? = nil, maxReplicas: Int? = nil, targetCPU: Int? = nil,
                blueGreen: Bool? = nil, latestImage: Bool? = nil, variables: VariablesMode? = nil) {
        self.target = target
        self.name = name
        self.project = project
        self.description = description
        self.version = version
        self.appID = appID
        self.service = service
        self.minReplicas = minReplicas
        self.maxReplicas = maxReplicas
        self.targetCPU = targetCPU
        self.blueGreen = blueGreen
        self.latestImage = latestImage
        self.variables = variables
    }

    /// The metadata of the request: each flag, else the manifest's field, else the default.
    func metadata(over manifest: StackManifest?) -> RequestMetadata {
        RequestMetadata(
            name: name ?? manifest?.name, project: project ?? manifest?.project, description: description ?? manifest?.description,
            version: version ?? manifest?.version, appID: appID ?? manifest?.appID, service: service ?? manifest?.service,
            minReplicas: minReplicas ?? manifest?.minReplicas, maxReplicas: maxReplicas ?? manifest?.maxReplicas,
            targetCPU: targetCPU ?? manifest?.targetCPU, blueGreen: blueGreen ?? manifest?.blueGreen ?? false,
            latestImage: latestImage ?? manifest?.latestImage,
            variables: variables ?? manifest?.variables.flatMap { VariablesMode(rawValue: $0.value) } ?? .local)
    }
}
