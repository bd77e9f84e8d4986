import Lowering
import Model

/// What `stackc submit` was asked to do besides building the request: where to send it, how to
/// authenticate, and what to print. Plain values, so the whole flow runs in-process.
public struct SubmitOptions: Sendable {
    /// The platform's base URL; nil with `cluster` (or for a dry run).
    public var endpoint: String?
    /// `--cluster-id`: the endpoint and certificates come from the signed OpenAPI.
    public var cluster: ClusterOptions?
    public var tokenFile: String?
    /// `--header`s, already checked (`RequestArguments.header`).
    public var headers: [(name: String, value: String)] = []
    public var operation: AliyunProjectFlow.Operation = .submit
    public var wait = false
    public var pollInterval = 2.0
    public var dryRun = false
    public var format: OutcomeFormat = .text
    public var connection = ConnectionSettings()

    public init() {}

    /// Sends `request` (and, for an aliyun project, `update`: the same project as an update) by the
    /// target's flow, within `deadline`; `secretValues` are the template's, hidden in everything printed.
    /// `environment` gives the token and the AccessKey.
    public func send(target: TargetID, request: Request, update: Request?, secretValues: [String], environment: [String: String],
                     deadline: Deadline, output: CommandOutput) -> CommandResult {
        let token: String?
        switch APIToken.read(tokenFile: tokenFile, environment: environment) {
        case .failure(let ended): return ended.result
        case .success(let read): token = read
        }
        var redactor = Redactor(secrets: secretValues + (token.map { [$0] } ?? []))
        redactor.add(headers.map(\.value))
        redactor.add(credentialsIn: request.body)
        if let endpoint { redactor.add(credentialsOf: endpoint) }
        let waiting = wait ? WaitOptions(interval: pollInterval, liveLine: output.errorIsTerminal) : nil
        let flow = SubmitPlan.flow(for: target, request: request, update: update, operation: operation, wait: waiting)
        var sent = headers
        if let token, case .token(let scheme) = SubmitPlan.authentication(for: target) {
            sent.insert(("Authorization", "\(scheme) \(token)"), at: 0)
        }
        if dryRun {
            output.standardOutput(DryRun.render(flow.plannedRequests, endpoint: endpoint ?? "", headers: sent, redactor: redactor))
            return .exit(0)
        }
        connection.warnIfInsecure(output)
        let session: Session
        if let cluster {
            guard target.platform == .aliyun else { return .usage("--cluster-id is for aliyun targets") }
            switch connection.clusterSession(cluster, environment: environment, headers: headers, redactor: &redactor, deadline: deadline,
                                             format: format, output: output) {
            case .failure(let ended): return ended.result
            case .success(let found): session = found
            }
        } else {
            let url: EndpointURL
            do {
                url = try EndpointURL(endpoint ?? "", role: "--endpoint")
            } catch {
                return .usage(error.description)
            }
            if let refused = connection.checkTransport(url, role: "--endpoint", carrying: "the template, its variable values and the credentials", output: output) {
                return output.fail(refused.message, status: refused.exitCode)
            }
            session = connection.session(endpoint: url.text, headers: sent, redactor: redactor, deadline: deadline, output: output)
        }
        return output.report(flow.run(session), format: format, redactor: redactor)
    }
}
