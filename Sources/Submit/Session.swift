import Diagnostics
import Lowering

/// Why a submission did not succeed, mapped onto the CLI's exit codes (DESIGN.md).
public struct SubmitFailure: Error, Sendable {
    public enum Kind: Sendable {
        /// The server said no (4xx, a `Code` answer, a conflict): exit 1.
        case rejected
        /// Unreachable, timed out, or kept failing after retries: exit 3.
        case unreachable
        /// Bad flags or local input: exit 2.
        case usage
    }

    public var kind: Kind
    public var message: String
    public var status: Int?
    public var requestID: String?

    public init(_ kind: Kind, _ message: String, status: Int? = nil, requestID: String? = nil) {
        self.kind = kind
        self.message = message
        self.status = status
        self.requestID = requestID
    }

    public var exitCode: Int32 {
        switch kind {
        case .rejected: 1
        case .usage: 2
        case .unreachable: 3
        }
    }
}

/// What a session needs besides the requests: where to send, how to authenticate, and what to print.
public struct SessionOptions: Sendable {
    public var endpoint: String
    public var client: HTTPClient
    public var retry: RetryPolicy
    /// Sent with every request (authentication, `--header`s).
    public var headers: [(name: String, value: String)]
    public var redactor: Redactor
    /// `--verbose`: every request and response, redacted, to standard error.
    public var trace: (@Sendable (String) -> Void)?
    /// Progress lines ("retrying in 1.2 s …") to standard error.
    public var progress: @Sendable (String) -> Void
    /// What to change when the server redirects, which depends on where the URL came from ("give the
    /// final URL with --endpoint").
    public var redirectHint: String
    /// `--timeout`: shared by every session of the command, so all of them together stay within it.
    public var deadline: Deadline

    public init(endpoint: String, client: HTTPClient, retry: RetryPolicy = RetryPolicy(), headers: [(name: String, value: String)] = [],
                redactor: Redactor = Redactor(), trace: (@Sendable (String) -> Void)? = nil, progress: @escaping @Sendable (String) -> Void = { _ in },
                redirectHint: String = "give the final URL with --endpoint", deadline: Deadline = Deadline(seconds: .infinity)) {
        self.endpoint = endpoint.hasSuffix("/") ? String(endpoint.dropLast()) : endpoint
        self.client = client
        self.retry = retry
        self.headers = headers
        self.redactor = redactor
        self.trace = trace
        self.progress = progress
        self.redirectHint = redirectHint
        self.deadline = deadline
    }
}

/// Sends requests to one endpoint, retrying what may be retried within the command's deadline and
/// tracing what it does. A class, so a create's lookup (itself a request) can run while the create's
/// retry loop is in progress.
public final class Session {
    public let options: SessionOptions
    public private(set) var attempts = 0
    /// Whether the last request's final answer came after an attempt that may have been carried out
    /// although its answer was lost (a reset after sending, a gateway's 502/503/504). A DELETE answered
    /// 404 then is no proof the resource was absent: that earlier attempt may have deleted it.
    public private(set) var lastAnswerFollowedUncertainAttempt = false

    public init(options: SessionOptions) {
        self.options = options
    }

    /// Whether a failed attempt may be repeated: `.always` for reads and for updates that the server
    /// makes idempotent (a repeated aliyun update answers 409); `.connectOnly` when nothing can have been
    /// carried out — the connection was never made, or a 429. Creates use `create`.
    public enum Repeat {
        case always
        case connectOnly
    }

    /// What came of a create.
    public enum CreateReply {
        /// The server's answer to the last attempt.
        case answered(HTTPResponse)
        /// An attempt's answer was lost or broken, and the lookup found the resource: that attempt created
        /// it. `status` is what actually came back (a gateway's 503), nil when no answer came; `reason` says
        /// what went wrong with it.
        case found(status: Int?, reason: String)
    }

    /// One request, retried per `policy`; the final HTTP response (any status) or why none came.
    public func send(_ method: String, _ path: String, query: [(name: String, value: String)] = [],
                     headers: [(name: String, value: String)] = [], body: [UInt8]? = nil,
                     repeat policy: Repeat = .always) -> Result<HTTPResponse, SubmitFailure> {
        exchange(method, path, query: query, headers: headers, body: body, policy: policy == .always ? .always : .connectOnly).map { reply in
            guard case .answered(let response) = reply else { preconditionFailure("only a create has a lookup") }
            return response
        }
    }

    /// A create, repeated only after `lookup` (true: the resource exists) shows nothing was created. When
    /// the lookup finds it, an earlier attempt did create it — even after the last attempt: a create that
    /// went through is a success, not a failure, and a second create would fail with "already exists".
    public func create(_ method: String, _ path: String, query: [(name: String, value: String)] = [],
                       headers: [(name: String, value: String)] = [], body: [UInt8]? = nil,
                       lookup: @escaping () -> Result<Bool, SubmitFailure>) -> Result<CreateReply, SubmitFailure> {
        exchange(method, path, query: query, headers: headers, body: body, policy: .ifAbsent(lookup: lookup))
    }

    private enum Policy {
        case always
        case connectOnly
        case ifAbsent(lookup: () -> Result<Bool, SubmitFailure>)
    }

    private func exchange(_ method: String, _ path: String, query: [(name: String, value: String)], headers: [(name: String, value: String)],
                          body: [UInt8]?, policy: Policy) -> Result<CreateReply, SubmitFailure> {
        let request = HTTPRequest(method: method, url: options.endpoint + path + encodedQuery(query),
                                  headers: options.headers + headers, body: body)
        let shownPath = options.redactor.url(path)
        let deadline = options.deadline
        // A request that changes something and got no answer may have been carried out.
        let unknownOutcome = method == "GET" ? "" : "; \(method) \(shownPath) may or may not have been carried out"
        var attempt = 0
        var uncertain = false
        defer { lastAnswerFollowedUncertainAttempt = uncertain }
        while true {
            if deadline.hasPassed { return .failure(deadline.exceeded("before \(method) \(shownPath)")) }
            attempt += 1
            attempts += 1
            traceRequest(request)
            // Each attempt gets its own limits, clipped to what the command has left.
            var client = options.client
            client.totalTimeout = min(client.totalTimeout, deadline.remaining)
            client.connectTimeout = min(client.connectTimeout, deadline.remaining)
            let result = client.send(request)
            let reason: String
            var retryAfter: String?
            // Whether this attempt certainly did nothing on the server.
            var harmless: Bool
            let exhausted: SubmitFailure?
            switch result {
            case .success(let response):
                traceResponse(response)
                guard RetryPolicy.isRetryable(status: response.status) else { return .success(.answered(response)) }
                reason = "HTTP \(response.status)"
                retryAfter = response.header("Retry-After")
                // 429 turns a request away at the door; a 502/503/504 may come from a proxy after the
                // server acted.
                harmless = response.status == 429
                exhausted = attempt > options.retry.retries
                    ? SubmitFailure(.unreachable, "\(method) \(shownPath) kept failing: HTTP \(response.status) after \(attempt) attempts: \(summary(of: response))",
                                    status: response.status, requestID: requestID(of: response))
                    : nil
            case .failure(let error):
                // libcurl's words may quote what the server or proxy sent.
                reason = options.redactor.serverText(error.message)
                trace("* \(reason)\n")
                // Cut off by the deadline (libcurl's own clock may end a few milliseconds early), not by
                // --connect-timeout or --request-timeout, which leave time for another attempt.
                if error.kind == .timeout && deadline.remaining < 0.05 {
                    return .failure(deadline.exceeded("waiting for \(method) \(shownPath) (\(reason))" + unknownOutcome))
                }
                guard error.isTransient else { return .failure(SubmitFailure(error.failureKind, reason)) }
                harmless = error.kind == .connect
                exhausted = attempt > options.retry.retries
                    ? SubmitFailure(.unreachable, reason + (attempt > 1 ? " (after \(attempt) attempts)" : ""))
                    : nil
            }
            var mayRepeat = harmless
            switch policy {
            case .always:
                mayRepeat = true
            case .connectOnly:
                break
            case .ifAbsent(let lookup):
                if !harmless {
                    switch lookup() {
                    case .success(true): return .success(.found(status: try? result.get().status, reason: reason))
                    case .success(false): mayRepeat = true
                    case .failure(let failure): return .failure(failure)
                    }
                }
            }
            if let exhausted { return .failure(exhausted) }
            guard mayRepeat else {
                return .failure(SubmitFailure(.unreachable, "\(method) \(shownPath) failed (\(reason)) and was not repeated: it may have reached the server and no lookup can tell",
                                              status: try? result.get().status))
            }
            let delay = options.retry.delay(afterAttempt: attempt, retryAfter: retryAfter)
            if delay >= deadline.remaining {
                var failure = deadline.cannotWait(delay, after: "\(method) \(shownPath): \(reason)", serverAsked: retryAfter != nil)
                failure.status = try? result.get().status
                return .failure(failure)
            }
            if !harmless { uncertain = true }
            progress("stackc: \(method) \(shownPath): \(reason); retrying in \(formatSeconds(delay)) (attempt \(attempt + 1) of \(options.retry.retries + 1))\n")
            pause(seconds: delay)
        }
    }

    /// The command's elapsed time so far (its deadline's), for the outcome.
    public var elapsedMilliseconds: Int {
        Int(options.deadline.elapsed * 1000)
    }

    /// A `--verbose` line, redacted on its way out whatever it holds.
    public func trace(_ text: String) {
        options.trace?(options.redactor.text(text))
    }

    /// A progress line, redacted on its way out whatever it holds.
    public func progress(_ text: String) {
        options.progress(options.redactor.text(text))
    }

    private func traceRequest(_ request: HTTPRequest) {
        guard options.trace != nil else { return }
        var text = "> \(request.method) \(options.redactor.url(request.url))\n"
        for (name, value) in request.headers { text += "> \(name): \(options.redactor.header(name: name, value: value))\n" }
        if let body = request.body, !body.isEmpty { text += options.redactor.body(body) + "\n" }
        trace(text)
    }

    /// The server's headers and body are its own text: sanitised before a terminal sees them (a line
    /// break too, so an answer cannot forge a line of stackc's own).
    private func traceResponse(_ response: HTTPResponse) {
        guard options.trace != nil else { return }
        var text = "< HTTP \(response.status)\n"
        for (name, value) in response.headers {
            text += "< \(Sanitizer.terminalSafe(name)): \(Sanitizer.terminalSafe(options.redactor.header(name: name, value: value)))\n"
        }
        if !response.body.isEmpty { text += Sanitizer.terminalSafe(options.redactor.body(Array(response.body.prefix(64 << 10)))) + "\n" }
        trace(text)
    }

    /// The server's own words, short, redacted and safe for a terminal: `Message`/`message` of a JSON
    /// answer, else the text.
    public func summary(of response: HTTPResponse) -> String {
        let json = JSONParser.parse(response.body)
        for key in ["Message", "message", "detail", "error"] {
            if let message = json?[key]?.text, !message.isEmpty { return options.redactor.serverText(message) }
        }
        if let errors = json?["errors"], case .array(let items) = errors, let first = items.first?["message"]?.text {
            return options.redactor.serverText(first)
        }
        let text = response.text.trimming(" \r\n\t")
        return text.isEmpty ? "(empty answer)" : options.redactor.serverText(String(text.prefix(500)))
    }

    /// The server's id for the request, as the server wrote it, made safe for a terminal.
    public func requestID(of response: HTTPResponse) -> String? {
        let id = response.header("x-acs-request-id") ?? response.header("x-request-id") ?? {
            let json = JSONParser.parse(response.body)
            return json?["RequestId"]?.text ?? json?["requestId"]?.text
        }()
        return id.map(options.redactor.serverText)
    }
}

/// `?a=b&c=d`, RFC 3986 encoded (an empty list gives ""): as on the wire, and as `plan` and `--dry-run` show it.
public func encodedQuery(_ query: [(name: String, value: String)]) -> String {
    query.isEmpty ? "" : "?" + query.map { encodePathSegment($0.name) + "=" + encodePathSegment($0.value) }.joined(separator: "&")
}

func formatSeconds(_ seconds: Double) -> String {
    let tenths = Int((seconds * 10).rounded())
    return "\(tenths / 10).\(tenths % 10) s"
}
