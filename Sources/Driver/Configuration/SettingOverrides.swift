import Model
import Syntax

/// Settings that both a `.stackc.yaml` and the command line can give, each nil when not given, so the
/// two can be layered: defaults, then the configuration, then what the user typed.
public struct SettingOverrides: Sendable, Equatable {
    public var kind: DocumentKind?
    public var platform: Platform?
    public var maxFileBytes: Int?
    public var maxDepth: Int?
    public var maxNodes: Int?
    public var maxScalarBytes: Int?
    public var maxFindings: Int?

    public init(kind: DocumentKind? = nil, platform: Platform? = nil, maxFileBytes: Int? = nil, maxDepth: Int? = nil,
                maxNodes: Int? = nil, maxScalarBytes: Int? = nil, maxFindings: Int? = nil) {
        self.kind = kind
        self.platform = platform
        self.maxFileBytes = maxFileBytes
        self.maxDepth = maxDepth
        self.maxNodes = maxNodes
        self.maxScalarBytes = maxScalarBytes
        self.maxFindings = maxFindings
    }

    /// These settings with `other`'s wherever `other` gives one.
    func overlaid(with other: SettingOverrides) -> SettingOverrides {
        SettingOverrides(kind: other.kind ?? kind, platform: other.platform ?? platform,
                         maxFileBytes: other.maxFileBytes ?? maxFileBytes, maxDepth: other.maxDepth ?? maxDepth,
                         maxNodes: other.maxNodes ?? maxNodes, maxScalarBytes: other.maxScalarBytes ?? maxScalarBytes,
                         maxFindings: other.maxFindings ?? maxFindings)
    }

    /// Writes the given settings into front-end options, leaving the rest as they are.
    public func apply(to options: inout FrontEndOptions) {
        if let kind { options.kind = kind }
        if let platform { options.platform = platform }
        if let maxFileBytes { options.limits.maxFileBytes = maxFileBytes }
        if let maxDepth { options.limits.maxDepth = maxDepth }
        if let maxNodes { options.limits.maxExpandedNodes = maxNodes }
        if let maxScalarBytes { options.limits.maxScalarBytes = maxScalarBytes }
        if let maxFindings { options.maxFindingsPerFile = maxFindings }
    }
}
