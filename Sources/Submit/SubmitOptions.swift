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
        let credentials: PlatformAccess.AuthenticatedHeaders
        switch authenticate(target: target, request: request, secretValues: secretValues, environment: environment) {
        case .failure(let ended): return ended.result
        case .success(let found): credentials = found
        }
        let waiting = wait ? WaitOptions(interval: pollInterval, liveLine: output.errorIsTerminal) : nil
        let flow = SubmitPlan.flow(for: target, request: request, update: update, operation: operation, wait: waiting)
        if dryRun {
            output.standardOutput(DryRun.render(flow.plannedRequests, endpoint: access.endpoint ?? "", headers: credentials.sent,
                                                redactor: credentials.redactor))
            return .exit(0)
        }
        switch connect(target: target, request: request, secretValues: secretValues, environment: environment, deadline: deadline, output: output) {
        case .failure(let ended): return ended.result
        case .success(let (session, redactor)): return output.report(flow.run(session), format: format, redactor: redactor)
        }
    }

    /// The headers that authenticate, with a redactor that also knows the credentials in the body.
    private func authenticate(target: TargetID, request: Request, secretValues: [String],
                              environment: [String: String]) -> Result<PlatformAccess.AuthenticatedHeaders, Ended> {
        access.credentials(for: target, secretValues: secretValues, environment: environment).map { found in
            var credentials = found
            credentials.redactor.add(credentialsIn: request.body)
            return credentials
        }
    }

    /// The session `submit` and `plan` send through, and the redactor for everything they print.
    func connect(target: TargetID, request: Request, secretValues: [String], environment: [String: String], deadline: Deadline,
                 output: CommandOutput) -> Result<(Session, Redactor), Ended> {
        authenticate(target: target, request: request, secretValues: secretValues, environment: environment).flatMap { found in
            var credentials = found
            return access.session(for: target, credentials: &credentials, carrying: "the template, its variable values and the credentials",
                                  environment: environment, deadline: deadline, format: format, output: output)
                .map { ($0, credentials.redactor) }
        }
    }
}
