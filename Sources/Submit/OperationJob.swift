import Diagnostics
import Lowering
import Model

/// `stackc get|list|logs|create|start|stop|kill|redeploy|scale|rollout|extend|delete --target T`: one
/// documented request (`OperationPlan`) sent within one `--timeout`, retried only where repeating cannot
/// harm. Reads (GET), start, stop, scale, rollout and extend set a state or a value and are repeated
/// freely; a DELETE too (deleting twice leaves the same state), and a 404 that follows an attempt whose
/// answer was lost counts as deleted — that attempt may have done it. An aliyun kill and a redeploy act
/// again when sent again and a create (a cloud disk, which has no lookup by name) makes a second one:
/// they are repeated only when the first attempt certainly never arrived (`OperationEndpoint.repeatable`).
/// A first-hand 404 is "absent": exit 1, or 0 for `delete --ignore-missing`. `delete` and `kill` need
/// `--yes`. `--wait` then polls the documented GET until it shows the operation done
/// (`OperationPlan.awaited`), within the same `--timeout`.
public struct OperationJob {
    public var operation: PlatformOperation
    public var target: OperationTarget
    public var arguments = OperationArguments()
    /// `--yes`: the user means the deletion or the kill.
    public var confirmed = false
    /// `--ignore-missing`: deleting what is absent is success.
    public var ignoreMissing = false
    /// `--wait`, with its poll interval; nil does not wait.
    public var wait: WaitOptions?
    public var dryRun = false
    public var format: OutcomeFormat = .text
    public var access = PlatformAccess()

    public init(operation: PlatformOperation, target: OperationTarget) {
        self.operation = operation
        self.target = target
    }

    public func run(environment: [String: String], output: CommandOutput) -> CommandResult {
        let deadline = Deadline(seconds: access.connection.timeout)
        let doing = "\(operation.rawValue) --target \(target.rawValue)"
        guard let endpoint = OperationPlan.endpoint(operation, for: target, key: arguments.key != nil) else {
            if OperationPlan.endpoint(operation, for: target, key: true) != nil { return .usage("\(doing) needs --key-name (it is documented for one key)") }
            let supported = OperationPlan.operations(of: target).map(\.rawValue)
            return .usage("\(target.rawValue) has no documented '\(operation.rawValue)'; "
                + (supported.isEmpty ? "it supports no operation besides submit" : "it supports: " + supported.joined(separator: ", ")))
        }
        if let problem = endpoint.problem(with: arguments, doing: doing) { return .usage(problem) }
        if operation.isDestructive && !confirmed && !dryRun {
            let effect = operation == .delete ? "removes \(describedResource) for good"
                : endpoint.parameters.contains(.signal) ? "sends a signal to every container of \(describedResource) (KILL unless --signal)"
                : "kills \(describedResource)'s running instances"
            return .usage("\(operation.rawValue) needs --yes: it \(effect) (--dry-run shows the request without sending it)")
        }
        let awaited = OperationPlan.awaited(operation, for: target, arguments)
        if wait != nil && awaited == nil {
            return .usage("--wait does not apply to \(doing): \(Self.noStateReason(operation, target, arguments))")
        }
        var credentials: PlatformAccess.AuthenticatedHeaders
        switch access.credentials(for: target.access, secretValues: [], environment: environment) {
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
        switch access.session(for: target.access, credentials: &credentials, carrying: "the credentials and the answers", environment: environment,
                              deadline: deadline, format: format, output: output) {
        case .failure(let ended): return ended.result
        case .success(let opened): session = opened
        }
        switch operation {
        case .get, .list, .logs:
            return ResourceRead(target: target, operation: operation, name: resourceName, request: request)
                .run(session, format: format, output: output)
        case .create, .start, .stop, .kill, .redeploy, .scale, .rollout, .extend, .delete:
            var outcome = change(request, repeatable: endpoint.repeatable, session)
            // An absent resource is waited for too: a DELETE may answer 404 while the GET still shows it.
            if outcome.failure == nil, var wait, let awaited,
               let lookup = OperationPlan.endpoint(.get, for: target, key: arguments.key != nil) {
                wait.liveLine = output.errorIsTerminal
                let waited = StateWaiter(what: describedResource, lookup: lookup.request(arguments), goal: awaited, options: wait).run(session)
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

    /// Why `--wait` has nothing to watch, and after which verbs the target has something.
    private static func noStateReason(_ operation: PlatformOperation, _ target: OperationTarget, _ arguments: OperationArguments) -> String {
        if OperationPlan.endpoint(.get, for: target) == nil { return "\(target.rawValue) has no documented GET to watch" }
        if target.platform == .v2 { return "the answer of \(target.rawValue)'s documented GET is not documented, so no state shows when it is done (only a delete can be watched, until GET answers 404)" }
        let waitable = PlatformOperation.allCases.filter { OperationPlan.awaited($0, for: target, arguments) != nil }.map(\.rawValue)
        return "its documented GET shows no state for '\(operation.rawValue)' (it does after: \(waitable.joined(separator: ", ")))"
    }

    /// `project/name` (or the volume id, the key) as the target names it, for messages.
    private var resourceName: String {
        [arguments.project, arguments.volumeID ?? arguments.name, arguments.key].compactMap { $0 }.joined(separator: "/")
    }

    private var describedResource: String {
        "\(target.rawValue) \(resourceName)".trimming(" ")
    }

    private func change(_ request: Request, repeatable: Bool, _ session: Session) -> SubmitOutcome {
        let action: SubmitOutcome.Action = switch operation {
        case .create: .created
        case .start: .started
        case .stop: .stopped
        case .kill: .killed
        case .redeploy: .redeployed
        case .scale: .scaled
        case .rollout: .rolledOut
        case .extend: .extended
        case .get, .list, .logs, .delete: .deleted
        }
        // A cloud disk has no lookup by name (its GET takes the id the server assigns): a create is
        // repeated only when it cannot have arrived (`RequestFlow` without a lookup).
        var outcome = RequestFlow(request: request, target: target.rawValue, name: resourceName, action: action, lookupPath: nil,
                                  expectsCode: target.platform == .v2, idempotent: repeatable).run(session)
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
