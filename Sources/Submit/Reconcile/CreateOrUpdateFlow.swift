import Diagnostics
import Lowering
import Model

/// Create-or-update of a resource that has a documented GET (Alauda services, v2 applications,
/// configMaps, secrets and composes, aliyun volumes), safe to re-run: look it up, then do what
/// `ChangeDecision` says — create it (a lost create judged by the same lookup), send its documented
/// updates, send nothing when it is unchanged, or refuse (exit 1) when it is blocked.
struct CreateOrUpdateFlow {
    var target: TargetID
    /// How outcomes name the target ("alauda service").
    var label: String
    var name: String
    var create: Request
    /// `DeployedRead.path` of the resource.
    var lookupPath: String

    private var expectsCode: Bool { target.platform == .v2 }

    func run(_ session: Session) -> SubmitOutcome {
        var outcome = perform(session)
        outcome.elapsedMilliseconds = session.elapsedMilliseconds
        outcome.attempts = session.attempts
        return outcome
    }

    private func perform(_ session: Session) -> SubmitOutcome {
        let deployed: JSONValue?
        switch DeployedRead.read(session, lookupPath, name: name) {
        case .failure(let failure): return failed(failure)
        case .success(let read): deployed = read
        }
        switch ChangeDecision.decide(target, name: name, deployed: deployed, body: create.body) {
        case .create, .unknown:
            return RequestFlow(request: create, target: label, name: name, action: .created, lookupPath: lookupPath, expectsCode: expectsCode).run(session)
        case .unchanged:
            return SubmitOutcome(action: .unchanged, target: label, name: name, status: 200, message: "deployed as the template says; nothing sent")
        case .blocked(let reason, _):
            return failed(SubmitFailure(.rejected, reason))
        case .update(let changes):
            let requests = UpdateRequests.requests(target, name: name, create: create, update: nil, changes: changes)
            // `ChangeDecision` blocks what no documented request updates; reporting "updated" here would be a lie.
            guard !requests.isEmpty else {
                return failed(SubmitFailure(.usage, "internal error: no documented request updates \(changes.map(\.path).joined(separator: ", ")) of \(name)"))
            }
            var outcome = SubmitOutcome(action: .updated, target: label, name: name, message: "")
            for request in requests {
                outcome = RequestFlow(request: request, target: label, name: name, action: .updated, lookupPath: nil, expectsCode: expectsCode).run(session)
                if outcome.failure != nil { return outcome }
            }
            outcome.message = "changed " + changes.map(\.field).uniqued().joined(separator: ", ")
            return outcome
        }
    }

    private func failed(_ failure: SubmitFailure) -> SubmitOutcome {
        SubmitOutcome(action: .failed, target: label, name: name, status: failure.status, requestID: failure.requestID,
                      message: failure.message, failure: failure)
    }
}

extension CreateOrUpdateFlow: SubmitFlow {
    var plannedRequests: [(note: String, request: Request)] {
        // The update requests depend on what is deployed: `stackc plan` shows them.
        [("look \(name) up", Request(method: "GET", path: lookupPath, body: nil)), ("when it does not exist", create)]
    }
}

extension Array where Element: Hashable {
    /// The elements in order, each once.
    func uniqued() -> [Element] {
        var seen = Set<Element>()
        return filter { seen.insert($0).inserted }
    }
}
