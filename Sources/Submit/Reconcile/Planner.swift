import Diagnostics
import Lowering
import Model

/// What `stackc plan` found for one submission: the deployed state, read with GET only, and what
/// `submit` would do with it.
public struct PlanResult: Sendable {
    public let target: TargetID
    /// How the target's resources are named in messages ("alauda service").
    public let label: String
    public let name: String
    public let change: PlannedChange
    /// The GET answer; nil when absent or when the target has no documented GET.
    public let deployed: JSONValue?
    /// The body `submit` builds (the create's).
    public let body: JSONValue?
    /// The requests `submit` would send: none when unchanged or blocked.
    public let requests: [Request]
    /// Body fields no documented answer shows, so a change to them cannot be seen.
    public let notShown: [String]
}

enum Planner {
    /// `request` and `update` as `submit` would send them (`SubmitPlan.flow`).
    static func plan(_ target: TargetID, request: Request, update: Request?, session: Session) -> Result<PlanResult, SubmitFailure> {
        let name = SubmitPlan.resourceName(of: request)
        let result = { (change: PlannedChange, deployed: JSONValue?, requests: [Request]) in
            PlanResult(target: target, label: SubmitPlan.label(of: target), name: name, change: change, deployed: deployed, body: request.body,
                       requests: requests, notShown: DeployedFields.notShown(by: target))
        }
        guard let path = DeployedRead.path(target, name: name, create: request) else {
            return .success(result(.unknown, nil, [request]))
        }
        return DeployedRead.read(session, path, name: name).map { deployed in
            let change = ChangeDecision.decide(target, name: name, deployed: deployed, body: request.body)
            switch change {
            case .create, .unknown: return result(change, deployed, [request])
            case .update(let changes):
                return result(change, deployed, UpdateRequests.requests(target, name: name, create: request, update: update, changes: changes))
            case .unchanged, .blocked: return result(change, deployed, [])
            }
        }
    }
}
