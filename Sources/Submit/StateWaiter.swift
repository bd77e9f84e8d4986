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

/// What `--wait` waits for, read from the documented GET of the resource (PLATFORM_API.md §2: an aliyun
/// project or service has `current_state` and `desired_state`).
public enum WaitGoal: Sendable, Equatable {
    /// `current_state == desired_state`: whatever a submit asked the project to become.
    case desiredState
    /// `current_state` is this state (start and redeploy: running; stop: stopped), compared ignoring case
    /// (the documents write both `running` and `Running`).
    case state(String)
    /// The GET answers 404: the delete has finished.
    case absent
}

/// Polls a resource's GET until its goal (done), a failure state (exit 1), or the deadline (exit 3 with
/// the last state seen). Polls go on until the deadline: when less than an interval is left, the last
/// poll comes early enough to fit.
struct StateWaiter {
    /// "project", "service": how progress lines name the resource.
    var kind: String
    var name: String
    /// The documented GET, encoded.
    var path: String
    var goal: WaitGoal
    var options: WaitOptions

    static let failureStates: Set<String> = ["failed", "error", "deleted"]

    /// A project's submit: `GET /projects/{name}` until its current state is its desired one.
    static func project(_ name: String, options: WaitOptions) -> StateWaiter {
        StateWaiter(kind: "project", name: name, path: "/projects/" + encodePathSegment(name), goal: .desiredState, options: options)
    }

    func run(_ session: Session) -> (state: String?, failure: SubmitFailure?) {
        let deadline = session.options.deadline
        var lastState: String?
        var lastLine = ""
        var wanted = goal.wanted
        let end = { (state: String?, failure: SubmitFailure?) -> (state: String?, failure: SubmitFailure?) in
            if options.liveLine { session.progress("\n") }
            return (state, failure)
        }
        while true {
            let pollStarted = deadline.elapsed
            if case .success(let response) = session.send("GET", path) {
                if response.status == 404, goal == .absent { return end("absent", nil) }
                if response.status == 200, let resource = JSONParser.parse(response.body) {
                    // The states are the server's text, shown on a terminal.
                    let current = session.options.redactor.serverText(resource["current_state"]?.text ?? "unknown")
                    if goal == .desiredState { wanted = session.options.redactor.serverText(resource["desired_state"]?.text ?? "running") }
                    lastState = current
                    let line = "stackc: \(kind) \(name): \(current) (want \(wanted)), \(formatSeconds(deadline.elapsed))"
                    if options.liveLine {
                        session.progress("\r\u{1B}[K" + line)
                    } else if line.split(separator: ",").first != lastLine.split(separator: ",").first {
                        session.progress(line + "\n")
                    }
                    lastLine = line
                    // A project that reports itself deleted before its GET answers 404 is gone too.
                    if current.lowercased() == (goal == .absent ? "deleted" : wanted.lowercased()) { return end(current, nil) }
                    if Self.failureStates.contains(current.lowercased()) {
                        return end(current, SubmitFailure(.rejected, "\(kind) \(name) ended in state \(current) (wanted \(wanted))"))
                    }
                }
            }
            // The next poll after the interval, or the last one, timed to leave as long as this one took.
            let pollTook = max(deadline.elapsed - pollStarted, 0.1)
            let wait = min(options.interval, deadline.remaining - pollTook)
            if wait <= 0 {
                return end(lastState, deadline.exceeded("waiting for \(name) to be \(wanted); last state: \(lastState ?? "unknown")"))
            }
            pause(seconds: wait)
        }
    }
}

extension WaitGoal {
    /// The state named in progress and timeout messages.
    fileprivate var wanted: String {
        switch self {
        case .desiredState: "running"
        case .state(let state): state
        case .absent: "gone"
        }
    }
}
