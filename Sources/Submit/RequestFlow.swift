import Diagnostics
import Lowering

/// One lowered request sent as it is — the v2 and Alauda endpoints. Success is a 2xx whose body, when it
/// is a v2 `{"Code", "Message"}` answer, has `Code` 0; any other `Code` is the server refusing, with
/// its `Message`. A create is repeated only after `lookup` (a GET of what it creates) shows nothing
/// was created; without a lookup, only when the connection never reached the server.
public struct RequestFlow {
    public var request: Request
    public var target: String
    public var name: String
    public var action: SubmitOutcome.Action
    /// The path of a GET that answers 200 when the resource exists and 404 when not.
    public var lookupPath: String?
    /// The v2 API answers every call with `{"Code", "Message"}`: anything else is a broken answer.
    public var expectsCode: Bool

    public init(request: Request, target: String, name: String, action: SubmitOutcome.Action, lookupPath: String?, expectsCode: Bool = false) {
        self.request = request
        self.target = target
        self.name = name
        self.action = action
        self.lookupPath = lookupPath
        self.expectsCode = expectsCode
    }

    public func run(_ session: Session) -> SubmitOutcome {
        let started = ContinuousClock.now
        var outcome = send(session)
        outcome.elapsedMilliseconds = milliseconds(since: started)
        outcome.attempts = session.attempts
        return outcome
    }

    private func send(_ session: Session) -> SubmitOutcome {
        let policy: Session.Repeat
        if action != .created {
            policy = .always
        } else if let lookupPath {
            policy = .ifAbsent(lookup: {
                session.progress("stackc: checking whether \(name) was created before repeating the create\n")
                switch session.send("GET", lookupPath) {
                case .success(let response) where (200..<300).contains(response.status): return .success(true)
                case .success(let response) where response.status == 404: return .success(false)
                case .success(let response): return .failure(rejection(session, response, doing: "look up \(name)"))
                case .failure(let failure): return .failure(failure)
                }
            })
        } else {
            policy = .connectOnly
        }
        switch session.send(request.method, request.path, query: request.query, headers: request.headers, body: bytes(request.body), repeat: policy) {
        case .failure(let failure):
            return failed(failure)
        case .success(let response) where (200..<300).contains(response.status):
            let answer = JSONParser.parse(response.body)
            if expectsCode && answer == nil {
                return failed(SubmitFailure(.unreachable, "the server's answer is not JSON (\(session.summary(of: response))); the request may or may not have been carried out",
                                            status: response.status, requestID: session.requestID(of: response)))
            }
            if let code = answer?["Code"], code.text != "0" {
                return failed(SubmitFailure(.rejected, "the server refused: Code \(code.text ?? "?"): \(session.summary(of: response))",
                                            status: response.status, requestID: session.requestID(of: response)))
            }
            return SubmitOutcome(action: action, target: target, name: name, status: response.status, requestID: session.requestID(of: response),
                                 message: response.header("X-Stackc-Found") == nil ? "done" : "found after a repeated attempt")
        case .success(let response):
            return failed(rejection(session, response, doing: "\(request.method) \(request.path)"))
        }
    }

    private func failed(_ failure: SubmitFailure) -> SubmitOutcome {
        SubmitOutcome(action: .failed, target: target, name: name, status: failure.status, requestID: failure.requestID,
                      message: failure.message, failure: failure)
    }
}
