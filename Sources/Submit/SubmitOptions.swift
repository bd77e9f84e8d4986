import Lowering
import Model

/// What `stackc submit` was asked to do besides building the request: where to send it, how to
/// authenticate, and what to print. Plain values, so the whole flow runs in-process.
public struct SubmitOptions: Sendable {
    /// Where to send and how to authenticate.
    public var access = PlatformAccess()
    public var operation: AliyunProjectFlow.Operation = .submit
    public var wait = false
    public var pollInterval = 2.0
    public var dryRun = false
    public var format: OutcomeFormat = .text

    public init() {}

    /// Sends `request` (and, for an aliyun project, `update`: the same project as an update) by the
    /// target's flow, within `deadline`; `secretValues` are the template's, hidden in everything printed.
    /// `environment` gives the token and the AccessKey.
    public func send(target: TargetID, request: Request, update: Request?, secretValues: [String], environment: [String: String],
                     deadline: Deadline, output: CommandOutput) -> CommandResult {
        var credentials: PlatformAccess.AuthenticatedHeaders
        switch access.credentials(for: target, secretValues: secretValues, environment: environment) {
        case .failure(let ended): return ended.result
        case .success(let found): credentials = found
        }
        credentials.redactor.add(credentialsIn: request.body)
        let waiting = wait ? WaitOptions(interval: pollInterval, liveLine: output.errorIsTerminal) : nil
        let flow = SubmitPlan.flow(for: target, request: request, update: update, operation: operation, wait: waiting)
        if dryRun {
            output.standardOutput(DryRun.render(flow.plannedRequests, endpoint: access.endpoint ?? "", headers: credentials.sent,
                                                redactor: credentials.redactor))
            return .exit(0)
        }
        switch access.session(for: target, credentials: &credentials, carrying: "the template, its variable values and the credentials",
                              environment: environment, deadline: deadline, format: format, output: output) {
        case .failure(let ended): return ended.result
        case .success(let session): return output.report(flow.run(session), format: format, redactor: credentials.redactor)
        }
    }
}
