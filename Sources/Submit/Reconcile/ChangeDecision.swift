import Diagnostics
import Lowering
import Model

/// What `submit` does with a resource, decided from the platform's GET answer and the request body.
public enum PlannedChange: Sendable, Equatable {
    /// Nothing by that name is deployed.
    case create
    /// Deployed, and these fields differ; every one of them has a documented update.
    case update([FieldChange])
    /// Deployed exactly as the body would set it: nothing is sent.
    case unchanged
    /// Deployed and different, but `submit` cannot change it: `reason` says why and what unblocks it.
    case blocked(reason: String, [FieldChange])
    /// The target has no documented GET, so the deployed state cannot be read: `submit` sends its request.
    case unknown

    /// The word `plan` prints and `--format json` carries.
    public var word: String {
        switch self {
        case .create: "create"
        case .update: "update"
        case .unchanged: "unchanged"
        case .blocked: "blocked"
        case .unknown: "send"
        }
    }

    public var changes: [FieldChange] {
        switch self {
        case .update(let changes), .blocked(_, let changes): changes
        default: []
        }
    }
}

/// The one decision create / update / unchanged / blocked, shared by `plan` and `submit` so the two
/// cannot disagree: a function of the deployed answer (nil: absent) and the body that would be sent.
public enum ChangeDecision {
    public static func decide(_ target: TargetID, name: String, deployed: JSONValue?, body: JSONValue?) -> PlannedChange {
        guard DeployedFields.fields(of: target) != nil else { return .unknown }
        guard let deployed else { return .create }
        let changes = DeployedFields.changes(target, deployed: deployed, body: body ?? .object([]))
        if target == .v2Compose {
            return .blocked(reason: "compose \(name) exists, and a compose orchestration has no documented update (nor a documented answer to compare with): delete it (stackc delete --target v2-compose) and submit again", [])
        }
        if changes.isEmpty { return .unchanged }
        switch target {
        case .aliyunProject, .aliyunProjectUpdate:
            // The server refuses an update that keeps the version (409), whatever else it changes.
            guard changes.contains(where: { $0.field == "version" }) else {
                let version = body?["version"]?.text ?? "?"
                return .blocked(reason: "version \(version) of project \(name) is already deployed with different content; give a new --version, or --version auto to derive one from the content", changes)
            }
            return .update(changes)
        case .aliyunVolume:
            return .blocked(reason: "volume \(name) exists with another driver, and volumes have no documented update: delete it (stackc delete --target aliyun-volume) and submit again", changes)
        case .v2Application:
            let fixed = Set(changes.map(\.field)).subtracting(V2ApplicationUpdate.updatableFields)
            guard fixed.isEmpty else {
                return .blocked(reason: "application \(name) differs in \(fixed.sorted().joined(separator: ", ")), which no documented call updates (only the image by rollout and the replicas by scale): delete it (stackc delete --target v2-application) and submit again", changes)
            }
            return .update(changes)
        default:
            return .update(changes)
        }
    }
}
