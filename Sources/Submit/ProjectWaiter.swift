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

/// Polls `GET /projects/{name}` until `current_state == desired_state` (done), a failure state (the
/// deployment failed: exit 1), or the deadline (exit 3 with the last state seen). Polls go on until the
/// deadline (`pollUntilDeadline`).
struct ProjectWaiter {
    var name: String
    var options: WaitOptions

    static let failureStates: Set<String> = ["failed", "error", "deleted"]

    func run(_ session: Session) -> (state: String?, failure: SubmitFailure?) {
        let deadline = session.options.deadline
        var lastState: String?
        var lastLine = ""
        let settled = pollUntilDeadline(session, interval: options.interval) { () -> (state: String?, failure: SubmitFailure?)? in
            guard case .success(let response) = session.send("GET", "/projects/" + encodePathSegment(name)), response.status == 200,
                  let project = JSONParser.parse(response.body) else { return nil }
            // The states are the server's text, shown on a terminal.
            let current = session.options.redactor.serverText(project["current_state"]?.text ?? "unknown")
            let desired = session.options.redactor.serverText(project["desired_state"]?.text ?? "running")
            lastState = current
            let line = "stackc: project \(name): \(current) (want \(desired)), \(formatSeconds(deadline.elapsed))"
            if options.liveLine {
                session.progress("\r\u{1B}[K" + line)
            } else if line.split(separator: ",").first != lastLine.split(separator: ",").first {
                session.progress(line + "\n")
            }
            lastLine = line
            if current.lowercased() == desired.lowercased() { return (current, nil) }
            if Self.failureStates.contains(current.lowercased()) {
                return (current, SubmitFailure(.rejected, "the deployment of \(name) ended in state \(current) (wanted \(desired))"))
            }
            return nil
        }
        if options.liveLine { session.progress("\n") }
        return settled ?? (lastState, deadline.exceeded("waiting for \(name) to be running; last state: \(lastState ?? "unknown")"))
    }
}
