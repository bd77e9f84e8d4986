import Diagnostics

/// `stackc trigger URL`: call an aliyun redeploy or scaling trigger (PLATFORM_API.md §2). The URL's
/// `secret=` (and `triggerUrl=` token) are credentials, redacted in everything printed.
public struct TriggerCall {
    public enum Scaling: String, Sendable, CaseIterable {
        case scaleOut = "scale_out", scaleIn = "scale_in"
    }

    public var url: String
    public var scaling: (type: Scaling, step: Int)?

    public init(url: String, scaling: (type: Scaling, step: Int)?) {
        self.url = url
        self.scaling = scaling
    }

    /// What to change when the trigger URL redirects: a trigger has no endpoint flag, only its URL.
    public static let redirectHint = "call the trigger with the URL it redirects to, if that is the platform's"

    /// Splits the URL into the endpoint (scheme, user information and host) and the rest, so the session
    /// can send it.
    public var parts: (endpoint: String, path: String) {
        let split = URLParts(url)
        let endpoint = split.scheme + (split.userinfo.map { $0 + "@" } ?? "") + split.authority
        var path = String(url.dropFirst(endpoint.count))
        if let scaling {
            path += (path.contains("?") ? "&" : "?") + "type=\(scaling.type.rawValue)&step=\(scaling.step)"
        }
        return (endpoint, path.isEmpty ? "/" : path)
    }

    /// A trigger is not idempotent (two scale-outs add two steps), so only a connection that never
    /// reached the server, or a 429, is repeated.
    public func run(_ session: Session) -> SubmitOutcome {
        let shown = session.options.redactor.url(url)
        var outcome: SubmitOutcome
        switch session.send("POST", parts.path, repeat: .connectOnly) {
        case .failure(let failure):
            outcome = SubmitOutcome(action: .failed, target: "trigger", name: shown, status: failure.status, message: failure.message, failure: failure)
        case .success(let response) where (200..<300).contains(response.status):
            outcome = SubmitOutcome(action: .triggered, target: "trigger", name: shown, status: response.status,
                                    requestID: session.requestID(of: response), message: scaling.map { "\($0.type.rawValue) by \($0.step)" } ?? "redeploy")
        case .success(let response):
            let failure = rejection(session, response, doing: "call the trigger")
            outcome = SubmitOutcome(action: .failed, target: "trigger", name: shown, status: response.status, message: failure.message, failure: failure)
        }
        outcome.elapsedMilliseconds = session.elapsedMilliseconds
        outcome.attempts = session.attempts
        return outcome
    }
}

extension TriggerCall {
    /// The call as `stackc trigger` makes it: the URL's transport checked (its secret must not travel in
    /// clear unless allowed), then one session within `deadline`, the outcome reported in `format`.
    public func send(connection: ConnectionSettings, redactor: Redactor, deadline: Deadline, format: OutcomeFormat, output: CommandOutput) -> CommandResult {
        connection.warnIfInsecure(output)
        let endpoint: EndpointURL
        do {
            endpoint = try EndpointURL(parts.endpoint, role: "the trigger URL")
        } catch {
            return .usage(error.description)
        }
        if let refused = connection.checkTransport(endpoint, role: "the trigger URL", carrying: "the trigger's secret", output: output) {
            return output.fail(refused.message, status: refused.exitCode)
        }
        let session = connection.session(endpoint: parts.endpoint, headers: [], redactor: redactor, deadline: deadline, output: output,
                                         redirectHint: Self.redirectHint)
        return output.report(run(session), format: format, redactor: redactor)
    }
}
