/// The checked values of a request that are not part of the template, typed: what the targets lower.
/// They come from `RequestValues` through `RequestCheck`, never straight from a flag or a manifest.
public struct RequestMetadata: Sendable, Equatable {
    public var name: String?
    /// projectName (v2) or namespace (Alauda) or the aliyun project of a service.
    public var project: String?
    public var description: String?
    /// An explicit version, or `auto` for one derived from the content.
    public var version: String?
    public var appID: String?
    public var service: String?
    public var minReplicas: Int?
    public var maxReplicas: Int?
    public var targetCPU: Int?
    public var blueGreen: Bool
    public var latestImage: Bool?
    public var variables: VariablesMode

    public init(name: String? = nil, project: String? = nil, description: String? = nil, version: String? = nil, appID: String? = nil,
                service: String? = nil, minReplicas: Int? = nil, maxReplicas: Int? = nil, targetCPU: Int? = nil,
                blueGreen: Bool = false, latestImage: Bool? = nil, variables: VariablesMode = .local) {
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
}

/// How variables reach an aliyun project: substituted here, or left for the server to substitute from
/// the request's `environment` (`../shared/ALIYUN.md` §3.3).
public enum VariablesMode: String, Sendable, CaseIterable {
    /// Substitute locally, then write every literal `$` as `$$` so the server changes nothing.
    case local
    /// Send the template as written and put the referenced variables' values in `environment`.
    case keep
}

