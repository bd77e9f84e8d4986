/// A value of a request that is not in the template: what a flag or a stack manifest field sets. The
/// one table of how each is spelled on the command line and in a manifest, so a value is named the same
/// way wherever it is reported.
public enum RequestField: String, Sendable, CaseIterable {
    case name
    case project
    case description
    case version
    case appID
    case service
    case minReplicas
    case maxReplicas
    case targetCPU
    case blueGreen
    case latestImage
    case variables
    /// A scaling trigger's `type` and `step` (`stackc trigger`), from a flag or the trigger URL.
    case triggerType
    case triggerStep
    /// What the lifecycle verbs send besides a template's values: `scale`'s instance count, a cloud
    /// disk's size (GB) and file system.
    case replicas
    case diskSize
    case fileSystem

    /// The command-line flag that sets it.
    public var flag: String {
        switch self {
        case .name: "--name"
        case .project: "--project"
        case .description: "--description"
        case .version: "--version"
        case .appID: "--app-id"
        case .service: "--service"
        case .minReplicas: "--min-replicas"
        case .maxReplicas: "--max-replicas"
        case .targetCPU: "--target-cpu"
        case .blueGreen: "--blue-green"
        case .latestImage: "--latest-image"
        case .variables: "--variables"
        case .triggerType: "--type"
        case .triggerStep: "--step"
        case .replicas: "--replicas"
        case .diskSize: "--size"
        case .fileSystem: "--fs-type"
        }
    }

    /// The stack manifest's key for it (a trigger's values are named as in its URL).
    public var manifestKey: String {
        switch self {
        case .appID: "appId"
        case .triggerType: "type"
        case .triggerStep: "step"
        default: rawValue
        }
    }

    /// Whether the value is a whole number (the autoscaling bounds).
    public var isCount: Bool {
        self == .minReplicas || self == .maxReplicas || self == .targetCPU || self == .triggerStep || self == .replicas || self == .diskSize
    }

    /// The fields some endpoint reads, which a stack manifest may therefore hold (not a trigger's).
    public static let manifestFields = allCases.filter { field in TargetID.allCases.contains { $0.fields.contains { $0.field == field } } }

    /// Whether the value is `true` or `false`.
    public var isBoolean: Bool {
        self == .blueGreen || self == .latestImage
    }
}

/// What a valid value of a field looks like for one endpoint; `RequestCheck` holds each form to the
/// rule that owns it (the same rule, message and severity as in a template).
public enum ValueForm: Sendable, Equatable {
    /// Any text, empty included (a description).
    case text
    /// Any text but the empty one: a path segment or an id the endpoint cannot do without.
    case nonEmpty
    /// An aliyun project or volume name (`project-name`).
    case aliyunName
    /// A v2 configmap or secret name (`configmap-name`).
    case configMapName
    /// A service of the Compose template (`undefined-service`).
    case composeService
    /// A whole number within bounds (`scale-bounds`, `integer-overflow`).
    case count(minimum: Int64, maximum: Int64?)
    /// `true` or `false` (`type-mismatch`).
    case boolean
    /// One of the listed words (`type-mismatch`).
    case oneOf([String])
}

/// Where a value comes from when neither a flag nor the manifest gives it.
public enum FieldDefault: Sendable, Equatable {
    /// A documented constant (`version` 1.0, 80 % CPU).
    case constant(String)
    /// The document's own key (`name` of a configmap, `namespace` of an Alauda service).
    case documentKey(String)
    /// The value of another field (an Alauda service compiled from Compose is named after it).
    case field(RequestField)
    /// The template's `replicas`, at least 1: the podstack starts with the replicas the pod asks for.
    case templateReplicas
    /// The larger of `minReplicas` and the template's `replicas`: never a range that excludes either.
    case minimumOrTemplateReplicas
}

/// One field an endpoint reads: whether it must be there, how messages name it, its form and its default.
public struct FieldSpec: Sendable, Equatable {
    public let field: RequestField
    public let required: Bool
    /// How a message names it when it comes from the manifest or a default: `project name`, `stackInstanceName`.
    public let meaning: String
    public let form: ValueForm
    /// Tried in order after the flag and the manifest.
    public let defaults: [FieldDefault]
    /// The template kind the field belongs to when the endpoint takes several (the Compose service an
    /// Alauda service is compiled from); nil for every kind.
    public let onlyFor: DocumentKind?

    public init(_ field: RequestField, required: Bool = false, _ meaning: String, _ form: ValueForm, defaults: [FieldDefault] = [],
                onlyFor: DocumentKind? = nil) {
        self.field = field
        self.required = required
        self.meaning = meaning
        self.form = form
        self.defaults = defaults
        self.onlyFor = onlyFor
    }
}
