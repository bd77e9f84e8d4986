import Diagnostics
import Lowering

/// One lowered request sent as it is — the v2 and Alauda endpoints. Success is a 2xx whose body, when it
/// is a v2 `{"Code", "Message"}` answer, has `Code` 0; any other `Code` is the server refusing, with
/// its `Message`. A create is repeated only after `lookup` (a GET of what it creates) shows nothing
/// was created, and a lost or broken answer to it is judged by the lookup; without a lookup, a create
/// is repeated only when the connection never reached the server.
public struct RequestFlow {
    public var request: Request
    public var target: String
    public var name: String
    public var action: SubmitOutcome.Action
    /// The path of a GET that answers 200 when the resource exists and 404 when not.
    public var lookupPath: String?
    /// The v2 API answers every call with `{"Code", "Message"}`.
    public var expectsCode: Bool
    /// Whether a request that is not a create may be repeated after an attempt that may have reached the
    /// server (false for a kill or a redeploy, which would happen twice).
    public var idempotent: Bool

    public init(request: Request, target: String, name: String, action: SubmitOutcome.Action, lookupPath: String?, expectsCode: Bool = false,
                idempotent: Bool = true) {
        self.request = request
        self.target = target
        self.name = name
        self.action = action
        self.lookupPath = lookupPath
        self.expectsCode = expectsCode
        self.idempotent = idempotent
    }

    public func run(_ session: Session) -> SubmitOutcome {
        var outcome = send(session)
        outcome.elapsedMilliseconds = session.elapsedMilliseconds
        outcome.attempts = session.attempts
        return outcome
    }

    private func send(_ session: Session) -> SubmitOutcome {
        let body = bytes(request.body)
        guard action == .created else {
            return judge(session.send(request.method, request.path, query: request.query, headers: request.headers, body: body,
                                      repeat: idempotent ? .always : .connectOnly), session)
        }
        guard let lookupPath else {
            return judge(session.send(request.method, request.path, query: request.query, headers: request.headers, body: body, repeat: .connectOnly), session)
        }
        let lookup = { () -> Result<Bool, SubmitFailure> in
            session.progress("stackc: checking whether \(name) was created\n")
            switch session.send("GET", lookupPath) {
            case .success(let response) where (200..<300).contains(response.status): return .success(true)
            case .success(let response) where response.status == 404: return .success(false)
            case .success(let response): return .failure(rejection(session, response, doing: "look up \(name)"))
            case .failure(let failure): return .failure(failure)
            }
        }
        switch session.create(request.method, request.path, query: request.query, headers: request.headers, body: body, lookup: lookup) {
        case .failure(let failure):
            return failed(failure)
        case .success(.found(let status, let reason)):
            return created(status: status, reason: reason)
        case .success(.answered(let response)):
            // A 2xx whose answer is broken is judged by the lookup, not by the answer: the create may
            // well have been carried out, and a pipeline re-running on exit 3 would fail with "already exists".
            guard isSuccess(response), brokenAnswer(response) else { return judge(.success(response), session) }
            switch lookup() {
            case .success(true): return created(status: response.status, reason: "not JSON (\(session.summary(of: response)))")
            case .success(false): return failed(SubmitFailure(.unreachable, "the server's answer is not JSON (\(session.summary(of: response))), and a lookup does not find \(name): it was not created",
                                                              status: response.status, requestID: session.requestID(of: response)))
            case .failure(let failure): return failed(failure)
            }
        }
    }

    private func isSuccess(_ response: HTTPResponse) -> Bool {
        (200..<300).contains(response.status)
    }

    /// The v2 API answers every call with `{"Code", "Message"}`: anything else is a broken answer.
    private func brokenAnswer(_ response: HTTPResponse) -> Bool {
        expectsCode && JSONParser.parse(response.body) == nil
    }

    private func created(status: Int?, reason: String) -> SubmitOutcome {
        SubmitOutcome(action: .created, target: target, name: name, status: status, message: foundMessage(reason))
    }

    /// An answer taken as it is: success, a `Code` refusal, a broken answer, or a rejection.
    private func judge(_ result: Result<HTTPResponse, SubmitFailure>, _ session: Session) -> SubmitOutcome {
        switch result {
        case .failure(let failure):
            return failed(failure)
        case .success(let response) where isSuccess(response):
            if brokenAnswer(response) {
                return failed(SubmitFailure(.unreachable, "the server's answer is not JSON (\(session.summary(of: response))); the request may or may not have been carried out",
                                            status: response.status, requestID: session.requestID(of: response)))
            }
            if let code = JSONParser.parse(response.body)?["Code"], code.text != "0" {
                return failed(SubmitFailure(.rejected, "the server refused: Code \(code.text ?? "?"): \(session.summary(of: response))",
                                            status: response.status, requestID: session.requestID(of: response)))
            }
            return SubmitOutcome(action: action, target: target, name: name, status: response.status, requestID: session.requestID(of: response), message: "done")
        case .success(let response):
            return failed(rejection(session, response, doing: "\(request.method) \(request.path)"))
        }
    }

    private func failed(_ failure: SubmitFailure) -> SubmitOutcome {
        SubmitOutcome(action: .failed, target: target, name: name, status: failure.status, requestID: failure.requestID,
                      message: failure.message, failure: failure)
    }
}
