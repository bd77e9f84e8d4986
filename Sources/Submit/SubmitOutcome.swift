import Diagnostics

/// What one `submit` or `trigger` did, for the human summary and `--format json`.
public struct SubmitOutcome: Sendable {
    public enum Action: String, Sendable {
        case created, updated, unchanged, confirmed, rolledBack = "rolled-back", triggered, started, stopped, killed, redeployed, scaled, deleted, absent, failed
        case rolledOut = "rolled-out", extended
    }

    public var action: Action
    public var target: String
    /// The project, stack or service name.
    public var name: String
    public var status: Int?
    public var requestID: String?
    public var elapsedMilliseconds: Int
    public var attempts: Int
    /// The deployment state after `--wait` (or the last one seen when waiting failed).
    public var state: String?
    public var message: String
    public var failure: SubmitFailure?

    public init(action: Action, target: String, name: String, status: Int? = nil, requestID: String? = nil, elapsedMilliseconds: Int = 0,
                attempts: Int = 0, state: String? = nil, message: String, failure: SubmitFailure? = nil) {
        self.action = action
        self.target = target
        self.name = name
        self.status = status
        self.requestID = requestID
        self.elapsedMilliseconds = elapsedMilliseconds
        self.attempts = attempts
        self.state = state
        self.message = message
        self.failure = failure
    }

    public var exitCode: Int32 { failure?.exitCode ?? 0 }

    /// `{action, target, name, status, requestId, elapsedMs, attempts, state, message}`, one line.
    public var json: String {
        var writer = JSONWriter(indent: nil)
        writer.beginObject()
        writer.field("action", action.rawValue)
        writer.field("target", target)
        writer.field("name", name)
        writer.field("status", status)
        writer.field("requestId", requestID)
        writer.field("elapsedMs", elapsedMilliseconds)
        writer.field("attempts", attempts)
        writer.field("state", state)
        writer.field("message", message)
        writer.endObject()
        return writer.output + "\n"
    }

    /// `stackc: created aliyun project shop (HTTP 201, request req-1, 0.4 s)`.
    public var summary: String {
        var details: [String] = []
        if let status { details.append("HTTP \(status)") }
        if let requestID { details.append("request \(requestID)") }
        if let state { details.append("state \(state)") }
        details.append(formatSeconds(Double(elapsedMilliseconds) / 1000))
        let head = failure == nil ? "\(action.rawValue) \(target) \(name)" : "\(target) \(name) failed"
        return "stackc: \(head): \(message) (\(details.joined(separator: ", ")))\n"
    }
}
