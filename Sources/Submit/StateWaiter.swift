import Diagnostics
import Lowering

/// `--wait`: how often to look (how long is the command's `--timeout`, its session's deadline).
public struct WaitOptions: Sendable {
    public var interval: Double
    /// Progress as a live line (a terminal) or one line per change of state (CI logs).
    public var liveLine: Bool

    public init(interval: Double = 2, liveLine: Bool = false) {
        self.interval = interval
        self.liveLine = liveLine
    }
}

/// What `--wait` waits for, read from the target's documented GET.
public enum WaitGoal: Sendable, Equatable {
    /// `current_state == desired_state`: whatever a submit asked an aliyun project to become.
    case desiredState
    /// `current_state` (aliyun projects and services, PLATFORM_API.md §2) is this state, compared ignoring
    /// case (the documents write both `running` and `Running`).
    case state(String)
    /// Each of these top-level fields has this value, as text (Alauda's service view: `target_state`,
    /// `is_deploying`, `current_num_instances`).
    case fields([String: String])
    /// The GET answers 404: the delete has finished.
    case absent
}

/// Polls a resource's documented GET until it shows its goal (done), a failure (exit 1: an aliyun
/// failure state, or the resource vanishing while fields are awaited), or the deadline (exit 3 with the
/// last state seen). The one `--wait` of submit and of every operation; the loop is `pollUntilDeadline`.
struct StateWaiter {
    /// `aliyun-project shop`, `alauda-service team/web`: how progress lines and messages name the resource.
    var what: String
    /// The documented GET.
    var lookup: Request
    var goal: WaitGoal
    var options: WaitOptions

    static let failureStates: Set<String> = ["failed", "error", "deleted"]

    /// A project's submit: `GET /projects/{name}` until its current state is its desired one.
    static func project(_ name: String, options: WaitOptions) -> StateWaiter {
        StateWaiter(what: "project " + name, lookup: Request(method: "GET", path: "/projects/" + encodePathSegment(name), body: nil),
                    goal: .desiredState, options: options)
    }

    func run(_ session: Session) -> (state: String?, failure: SubmitFailure?) {
        let deadline = session.options.deadline
        var lastState: String?
        var wanted = goal.wanted
        let settled = pollUntilDeadline(session, interval: options.interval) { () -> (state: String?, failure: SubmitFailure?)? in
            guard case .success(let response) = session.send(lookup.method, lookup.path, query: lookup.query) else { return nil }
            let seen: (state: String, result: (state: String?, failure: SubmitFailure?)?)
            switch response.status {
            case 404 where goal == .absent:
                seen = ("gone", ("gone", nil))
            case 404:
                guard case .fields = goal else { return nil }
                seen = ("gone", ("gone", SubmitFailure(.rejected, "\(what) no longer exists (GET answered 404) while waiting for \(wanted)")))
            case 200..<300:
                guard let resource = JSONParser.parse(response.body) else { return nil }
                if goal == .desiredState { wanted = session.options.redactor.serverText(resource["desired_state"]?.text ?? "running") }
                seen = judge(resource, wanted: wanted, session)
            default:
                return nil
            }
            if options.liveLine {
                session.progress("\r\u{1B}[K" + progressLine(seen.state, wanted, deadline))
            } else if seen.state != lastState {
                session.progress(progressLine(seen.state, wanted, deadline) + "\n")
            }
            lastState = seen.state
            return seen.result
        }
        if options.liveLine { session.progress("\n") }
        return settled ?? (lastState, deadline.exceeded("waiting for \(what) to be \(wanted); last state: \(lastState ?? "unknown")"))
    }

    /// The state `resource` shows (the server's text, shown on a terminal) and, when it settles the wait, the result.
    private func judge(_ resource: JSONValue, wanted: String, _ session: Session) -> (state: String, result: (state: String?, failure: SubmitFailure?)?) {
        let redactor = session.options.redactor
        guard case .fields(let fields) = goal else {
            let current = redactor.serverText(resource["current_state"]?.text ?? (goal == .absent ? "exists" : "unknown"))
            // A resource that reports itself deleted before its GET answers 404 is gone too.
            if current.lowercased() == (goal == .absent ? "deleted" : wanted.lowercased()) { return (current, (current, nil)) }
            if Self.failureStates.contains(current.lowercased()) {
                return (current, (current, SubmitFailure(.rejected, "\(what) ended in state \(current) (wanted \(wanted))")))
            }
            return (current, nil)
        }
        let values = fields.keys.sorted().map { field in (field, resource[field].map { $0.text ?? $0.rendered() } ?? "absent") }
        let state = redactor.serverText(values.map { "\($0.0)=\($0.1)" }.joined(separator: ", "))
        return (state, values.allSatisfy { fields[$0.0] == $0.1 } ? (state, nil) : nil)
    }

    private func progressLine(_ state: String, _ wanted: String, _ deadline: Deadline) -> String {
        "stackc: \(what): \(state) (want \(wanted)), \(formatSeconds(deadline.elapsed))"
    }
}

extension WaitGoal {
    /// The state named in progress and timeout messages.
    fileprivate var wanted: String {
        switch self {
        case .desiredState: "running"
        case .state(let state): state
        case .fields(let wanted): wanted.keys.sorted().map { "\($0)=\(wanted[$0] ?? "")" }.joined(separator: ", ")
        case .absent: "gone"
        }
    }
}
