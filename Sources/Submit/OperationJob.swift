import Diagnostics
import Lowering
import Model

/// `stackc get|list|start|stop|kill|redeploy|scale|delete --target T`: one documented request
/// (`OperationPlan`) sent within one `--timeout`, retried only where repeating cannot harm. Reads (GET),
/// start, stop and scale (to a count) are repeated freely; a DELETE too (deleting twice leaves the same
/// state), and a 404 that follows an attempt whose answer was lost counts as deleted — that attempt may
/// have done it. A first-hand 404 is "absent": exit 1, or 0 with `--ignore-missing`. kill and redeploy
/// are repeated only when the attempt certainly never arrived (`PlatformOperation.isIdempotent`).
/// `delete` and `kill` need `--yes`. `--wait` then polls the documented GET (`OperationPlan.waitGoal`)
/// within the same deadline.
public struct OperationJob {
    public var operation: PlatformOperation
    public var target: TargetID
    public var arguments = OperationArguments()
    /// `--yes`: the user means the deletion.
    public var confirmed = false
    /// `--ignore-missing`: deleting what is absent is success.
    public var ignoreMissing = false
    /// `--wait` (with `--poll-interval`, seconds): after the change, poll until the resource reaches the
    /// state the verb leads to; nil does not wait.
    public var waitInterval: Double?
    public var dryRun = false
    public var format: OutcomeFormat = .text
    public var access = PlatformAccess()

    public init(operation: PlatformOperation, target: TargetID) {
        self.operation = operation
        self.target = target
    }

    public func run(environment: [String: String], output: CommandOutput) -> CommandResult {
        let deadline = Deadline(seconds: access.connection.timeout)
        guard let endpoint = OperationPlan.endpoint(operation, for: target) else {
            let supported = OperationPlan.operations(of: target).map(\.rawValue)
            return .usage("\(target.rawValue) has no documented '\(operation.rawValue)'; "
                + (supported.isEmpty ? "it supports no operation besides submit" : "it supports: " + supported.joined(separator: ", ")))
        }
        if let problem = endpoint.problem(with: arguments, doing: "\(operation.rawValue) --target \(target.rawValue)") { return .usage(problem) }
        if operation.isDestructive && !confirmed && !dryRun {
            let effect = operation == .delete ? "removes \(describedResource) for good" : "sends a signal to every container of \(describedResource) (KILL unless --signal)"
            return .usage("\(operation.rawValue) needs --yes: it \(effect) (--dry-run shows the request without sending it)")
        }
        let goal = OperationPlan.waitGoal(operation, for: target)
        if waitInterval != nil && goal == nil {
            let waitable = PlatformOperation.allCases.filter { OperationPlan.waitGoal($0, for: target) != nil }.map(\.rawValue)
            return .usage("--wait: \(target.rawValue) has no documented state to wait for after '\(operation.rawValue)' ("
                + (waitable.isEmpty ? "it has none for any verb)" : "it has one after: \(waitable.joined(separator: ", ")))"))
        }
        var credentials: PlatformAccess.AuthenticatedHeaders
        switch access.credentials(for: target, secretValues: [], environment: environment) {
        case .failure(let ended): return ended.result
        case .success(let found): credentials = found
        }
        let request = endpoint.request(arguments)
        if dryRun {
            output.standardOutput(DryRun.render([("\(operation.rawValue) \(describedResource)", request)], endpoint: access.endpoint ?? "",
                                                headers: credentials.sent, redactor: credentials.redactor))
            return .exit(0)
        }
        let session: Session
        switch access.session(for: target, credentials: &credentials, carrying: "the credentials and the answers", environment: environment,
                              deadline: deadline, format: format, output: output) {
        case .failure(let ended): return ended.result
        case .success(let opened): session = opened
        }
        switch operation {
        case .get, .list:
            return ResourceRead(target: target, operation: operation, name: resourceName, request: request)
                .run(session, format: format, output: output)
        case .start, .stop, .kill, .redeploy, .scale, .delete:
            var outcome = change(request, session)
            if outcome.failure == nil, outcome.action != .absent, let waitInterval, let goal,
               let get = OperationPlan.endpoint(.get, for: target) {
                let options = WaitOptions(interval: waitInterval, liveLine: output.errorIsTerminal)
                let waited = StateWaiter(kind: target.rawValue, name: resourceName, path: get.request(arguments).path, goal: goal, options: options).run(session)
                outcome.state = waited.state
                if let failure = waited.failure {
                    (outcome.action, outcome.failure) = (.failed, failure)
                    outcome.message += "; " + failure.message
                }
                (outcome.elapsedMilliseconds, outcome.attempts) = (session.elapsedMilliseconds, session.attempts)
            }
            return output.report(outcome, format: format, redactor: credentials.redactor)
        }
    }

    /// `project/name` as the target names it, for messages.
    private var resourceName: String {
        [arguments.project, arguments.name].compactMap { $0 }.joined(separator: "/")
    }

    private var describedResource: String {
        "\(target.rawValue) \(resourceName)".trimming(" ")
    }

    private func change(_ request: Request, _ session: Session) -> SubmitOutcome {
        let action: SubmitOutcome.Action = switch operation {
        case .start: .started
        case .stop: .stopped
        case .kill: .killed
        case .redeploy: .redeployed
        case .scale: .scaled
        default: .deleted
        }
        var outcome = RequestFlow(request: request, target: target.rawValue, name: resourceName, action: action, lookupPath: nil,
                                  expectsCode: target.platform == .v2, idempotent: operation.isIdempotent).run(session)
        guard operation == .delete, outcome.failure?.kind == .rejected, outcome.status == 404 else { return outcome }
        if session.lastAnswerFollowedUncertainAttempt {
            outcome.action = .deleted
            outcome.failure = nil
            outcome.message = "gone: an earlier attempt whose answer was lost deleted it (the repeated DELETE found nothing)"
        } else if ignoreMissing {
            outcome.action = .absent
            outcome.failure = nil
            outcome.message = "it does not exist, nothing to delete (--ignore-missing)"
        } else {
            outcome.failure?.message = "\(describedResource) does not exist, nothing was deleted (--ignore-missing makes this exit 0): \(outcome.message)"
            outcome.message = outcome.failure?.message ?? outcome.message
        }
        return outcome
    }
}
