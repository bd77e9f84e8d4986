import Diagnostics
import Lowering

/// Create-or-update of an aliyun project on the cluster API (PLATFORM_API.md §2), safe to re-run:
/// look the project up and do what `ChangeDecision` says: create it (201), update it (202), send nothing
/// when it is deployed as it would be sent, or refuse a changed project under an unchanged version.
public struct AliyunProjectFlow {
    public enum Operation: Sendable, Equatable {
        case submit
        /// Finish a pending blue-green update (`confirm-update`, 000 §1.5.11): `force=true` gives the new
        /// version all the route weight (the old one 0 %); `keepRouteWeights` sends `force=false`, which
        /// leaves the weights the user set on the routes.
        case confirm(keepRouteWeights: Bool = false)
        /// Abandon a pending blue-green update (`rollback-update?force=true`).
        case rollback
    }

    public var name: String
    /// `POST /projects/` as lowered for `aliyun-project`.
    public var create: Request
    /// `POST /projects/{name}/update` as lowered for `aliyun-project-update`, same version.
    public var update: Request
    public var operation: Operation
    public var wait: WaitOptions?

    public init(name: String, create: Request, update: Request, operation: Operation = .submit, wait: WaitOptions? = nil) {
        self.name = name
        self.create = create
        self.update = update
        self.operation = operation
        self.wait = wait
    }

    static let target = "aliyun project"

    public func run(_ session: Session) -> SubmitOutcome {
        var outcome = perform(session)
        if outcome.failure == nil, let wait, outcome.action != .unchanged {
            let waited = StateWaiter.project(name, options: wait).run(session)
            outcome.state = waited.state
            if let failure = waited.failure {
                outcome.failure = failure
                outcome.message += "; " + failure.message
            }
        }
        outcome.elapsedMilliseconds = session.elapsedMilliseconds
        outcome.attempts = session.attempts
        if outcome.failure != nil { outcome.action = .failed }
        return outcome
    }

    private var projectPath: String { DeployedRead.path(.aliyunProject, name: name, create: create) ?? "/projects/" }

    /// The request that finishes or abandons a blue-green update; nil for a submit.
    var finishRequest: (note: String, request: Request)? {
        switch operation {
        case .submit:
            nil
        case .confirm(let keepRouteWeights):
            ("confirm the pending blue-green update" + (keepRouteWeights ? ", keeping the route weights" : ""),
             Request(method: "POST", path: projectPath + "/confirm-update", query: [("force", keepRouteWeights ? "false" : "true")], body: nil))
        case .rollback:
            ("roll back the pending blue-green update", Request(method: "POST", path: projectPath + "/rollback-update", query: [("force", "true")], body: nil))
        }
    }

    private func perform(_ session: Session) -> SubmitOutcome {
        if let finishing = finishRequest { return finish(session, finishing.request) }
        switch DeployedRead.read(session, projectPath, name: "project \(name)") {
        case .failure(let failure): return failed(failure)
        case .success(let deployed):
            switch ChangeDecision.decide(.aliyunProject, name: name, deployed: deployed, body: create.body) {
            case .create, .unknown: return createProject(session)
            case .unchanged: return SubmitOutcome(action: .unchanged, target: Self.target, name: name, status: 200,
                                                  message: "version \(version) is deployed with the same content; nothing sent")
            case .blocked(let reason, _): return failed(SubmitFailure(.rejected, reason))
            case .update: return updateProject(session)
            }
        }
    }

    private func createProject(_ session: Session) -> SubmitOutcome {
        let lookup = { () -> Result<Bool, SubmitFailure> in
            session.progress("stackc: checking whether project \(name) was created before repeating the create\n")
            switch session.send("GET", projectPath) {
            case .success(let response) where response.status == 200: return .success(true)
            case .success(let response) where response.status == 404: return .success(false)
            case .success(let response): return .failure(rejection(session, response, doing: "look up project \(name)"))
            case .failure(let failure): return .failure(failure)
            }
        }
        switch session.create(create.method, create.path, headers: create.headers, body: bytes(create.body), lookup: lookup) {
        case .failure(let failure): return failed(failure)
        case .success(.found(let status, let reason)):
            return SubmitOutcome(action: .created, target: Self.target, name: name, status: status, message: foundMessage(reason))
        case .success(.answered(let response)) where response.status == 201 || response.status == 200:
            return outcome(.created, response, session, "project created")
        case .success(.answered(let response)):
            return failed(rejection(session, response, doing: "create project \(name)"))
        }
    }

    private func updateProject(_ session: Session) -> SubmitOutcome {
        switch session.send(update.method, update.path, headers: update.headers, body: bytes(update.body)) {
        case .failure(let failure): return failed(failure)
        case .success(let response) where response.status == 202 || response.status == 200:
            let blueGreen = update.body?["update_method"]?.text == "blue-green"
            return outcome(.updated, response, session, blueGreen
                ? "blue-green update started; finish it with --confirm or abandon it with --rollback" : "project updated")
        case .success(let response) where response.status == 409:
            let text = session.summary(of: response)
            if text.lowercased().contains("unconfirmed") {
                return failed(SubmitFailure(.rejected, "project \(name) has an unconfirmed blue-green update (\(text)); finish it with `stackc submit … --confirm` or abandon it with `stackc submit … --rollback`, then submit again",
                                            status: 409, requestID: session.requestID(of: response)))
            }
            // The version is deployed now: by an earlier attempt of ours whose answer was lost, when the
            // deployed project is what we sent.
            if case .success(let deployed) = DeployedRead.read(session, projectPath, name: "project \(name)"),
               ChangeDecision.decide(.aliyunProject, name: name, deployed: deployed, body: create.body) == .unchanged {
                return outcome(.updated, response, session, "version \(version) is deployed with the same content (an earlier attempt whose answer was lost updated it)")
            }
            return failed(SubmitFailure(.rejected, "version \(version) of project \(name) is already deployed with different content (\(text)); give a new --version, or --version auto to derive one from the content",
                                        status: 409, requestID: session.requestID(of: response)))
        case .success(let response):
            return failed(rejection(session, response, doing: "update project \(name)"))
        }
    }

    private func finish(_ session: Session, _ request: Request) -> SubmitOutcome {
        let confirming = operation != .rollback
        switch session.send(request.method, request.path, query: request.query) {
        case .failure(let failure): return failed(failure)
        case .success(let response) where (200..<300).contains(response.status):
            let message = confirming ? "blue-green update confirmed" + (operation == .confirm(keepRouteWeights: true) ? ", route weights kept as set" : "")
                : "blue-green update rolled back"
            return outcome(confirming ? .confirmed : .rolledBack, response, session, message)
        case .success(let response):
            return failed(rejection(session, response, doing: "\(confirming ? "confirm-update" : "rollback-update") of project \(name)"))
        }
    }

    private var version: String { update.body?["version"]?.text ?? "?" }

    private func outcome(_ action: SubmitOutcome.Action, _ response: HTTPResponse, _ session: Session, _ message: String) -> SubmitOutcome {
        SubmitOutcome(action: action, target: Self.target, name: name, status: response.status, requestID: session.requestID(of: response), message: message)
    }

    private func failed(_ failure: SubmitFailure) -> SubmitOutcome {
        SubmitOutcome(action: .failed, target: Self.target, name: name, status: failure.status, requestID: failure.requestID,
                      message: failure.message, failure: failure)
    }
}

/// A refusal as the user should read it: 4xx → rejected (exit 1), anything else unexpected → exit 3. A
/// redirect is not followed (it could carry credentials to another host) and is the user's to fix, so it
/// is refused too, saying where it points and what to change for this command.
func rejection(_ session: Session, _ response: HTTPResponse, doing what: String) -> SubmitFailure {
    let redirect = (300..<400).contains(response.status)
    let kind: SubmitFailure.Kind = (400..<500).contains(response.status) || redirect ? .rejected : .unreachable
    var message = "could not \(what): HTTP \(response.status): \(session.summary(of: response))"
    if redirect {
        let target = response.header("Location").map { " to " + session.options.redactor.serverText(session.options.redactor.url($0)) } ?? ""
        message += "; the server redirects\(target), and redirects are not followed (they could carry credentials elsewhere): \(session.options.redirectHint)"
    }
    return SubmitFailure(kind, message, status: response.status, requestID: session.requestID(of: response))
}

func bytes(_ body: JSONValue?) -> [UInt8]? {
    body.map { Array($0.rendered().utf8) }
}

/// How a create whose answer went wrong is reported when the lookup found its resource: created, with
/// what actually came back, never a 201 the server did not send.
func foundMessage(_ reason: String) -> String {
    "created, although the answer was \(reason): a lookup shows it exists, so the create was not repeated"
}
