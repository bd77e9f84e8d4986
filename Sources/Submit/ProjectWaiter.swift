import Diagnostics
import Lowering

/// `--wait`: how long, and how often to look.
public struct WaitOptions: Sendable {
    public var timeout: Double
    public var interval: Double
    /// Progress as a live line (a terminal) or one line per change of state (CI logs).
    public var liveLine: Bool

    public init(timeout: Double, interval: Double = 2, liveLine: Bool = false) {
        self.timeout = timeout
        self.interval = interval
        self.liveLine = liveLine
    }
}

/// Polls `GET /projects/{name}` until `current_state == desired_state` (done), a failure state (the
/// deployment failed: exit 1), or the timeout (exit 3 with the last state seen).
struct ProjectWaiter {
    var name: String
    var options: WaitOptions

    static let failureStates: Set<String> = ["failed", "error", "deleted"]

    func run(_ session: Session) -> (state: String?, failure: SubmitFailure?) {
        let started = ContinuousClock.now
        var lastState: String?
        var lastLine = ""
        while true {
            if case .success(let response) = session.send("GET", "/projects/" + encodePathSegment(name)), response.status == 200,
               let project = JSONParser.parse(response.body) {
                // The states are the server's text, shown on a terminal.
                let current = session.options.redactor.serverText(project["current_state"]?.text ?? "unknown")
                let desired = session.options.redactor.serverText(project["desired_state"]?.text ?? "running")
                lastState = current
                let line = "stackc: project \(name): \(current) (want \(desired)), \(formatSeconds(Double(milliseconds(since: started)) / 1000))"
                if options.liveLine {
                    session.progress("\r\u{1B}[K" + line)
                } else if line.split(separator: ",").first != lastLine.split(separator: ",").first {
                    session.progress(line + "\n")
                }
                lastLine = line
                if current.lowercased() == desired.lowercased() {
                    if options.liveLine { session.progress("\n") }
                    return (current, nil)
                }
                if Self.failureStates.contains(current.lowercased()) {
                    if options.liveLine { session.progress("\n") }
                    return (current, SubmitFailure(.rejected, "the deployment of \(name) ended in state \(current) (wanted \(desired))"))
                }
            }
            let elapsed = Double(milliseconds(since: started)) / 1000
            if elapsed + options.interval > options.timeout {
                if options.liveLine { session.progress("\n") }
                return (lastState, SubmitFailure(.unreachable, "timed out after \(formatSeconds(options.timeout)) waiting for \(name) to be running; last state: \(lastState ?? "unknown")"))
            }
            pause(seconds: options.interval)
        }
    }
}
