import Model

/// What the lifecycle verbs act on: every resource `submit` creates, named by its `TargetID`, and the
/// v2 cloud disks (Cinder volumes, PLATFORM_API.md §5), which no template describes — `stackc create`
/// makes one from flags — and so have no `TargetID` of their own.
public enum OperationTarget: Hashable, Sendable {
    case template(TargetID)
    case v2CinderVolume

    /// `--target` as typed: a `TargetID`'s name, or `v2-cinder-volume`.
    public init?(rawValue: String) {
        if let target = TargetID(rawValue: rawValue) {
            self = .template(target)
        } else if rawValue == Self.cinderName {
            self = .v2CinderVolume
        } else {
            return nil
        }
    }

    public var rawValue: String {
        switch self {
        case .template(let target): target.rawValue
        case .v2CinderVolume: Self.cinderName
        }
    }

    /// Every target, those of `submit` first.
    public static let allCases: [OperationTarget] = TargetID.allCases.map(Self.template) + [.v2CinderVolume]

    /// The target whose platform and authentication it shares (a cloud disk is reached as every v2 resource is).
    var access: TargetID {
        switch self {
        case .template(let target): target
        case .v2CinderVolume: .v2Application
        }
    }

    public var platform: Platform { access.platform }

    private static let cinderName = "v2-cinder-volume"
}
