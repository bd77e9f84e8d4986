import Diagnostics
import Lowering

/// `--wait` after an operation: polls the target's documented GET (`lookup`) until it shows the
/// `AwaitedState` — answers 404 (`gone`), or has each awaited field at its value — or the deadline comes
/// (exit 3 with the last state seen). A resource that vanishes while its fields are awaited is a failure
/// (exit 1). One progress line per change of state.
struct OperationWaiter {
    var awaited: AwaitedState
    var lookup: Request
    /// `alauda-service team/web`, for messages.
    var what: String
    var interval: Double

    func run(_ session: Session) -> (state: String?, failure: SubmitFailure?) {
        let deadline = session.options.deadline
        var lastState: String?
        let settled = pollUntilDeadline(session, interval: interval) { () -> (state: String?, failure: SubmitFailure?)? in
            guard case .success(let response) = session.send(lookup.method, lookup.path, query: lookup.query) else { return nil }
            let state: String
            var result: (state: String?, failure: SubmitFailure?)?
            switch (awaited, response.status) {
            case (.gone, 404):
                (state, result) = ("gone", ("gone", nil))
            case (.gone, 200..<300):
                state = "exists"
            case (.fields, 404):
                (state, result) = ("gone", ("gone", SubmitFailure(.rejected, "\(what) no longer exists (GET answered 404) while waiting for \(Self.describe(awaited))")))
            case (.fields(let wanted), 200..<300):
                guard let resource = JSONParser.parse(response.body) else { return nil }
                let seen = wanted.keys.sorted().map { field in (field, resource[field].map { $0.text ?? $0.rendered() } ?? "absent") }
                // The values are the server's text, shown on a terminal.
                state = session.options.redactor.serverText(seen.map { "\($0.0)=\($0.1)" }.joined(separator: ", "))
                if seen.allSatisfy({ wanted[$0.0] == $0.1 }) { result = (state, nil) }
            default:
                return nil
            }
            if state != lastState { session.progress("stackc: \(what): \(state) (want \(Self.describe(awaited))), \(formatSeconds(deadline.elapsed))\n") }
            lastState = state
            return result
        }
        return settled ?? (lastState, deadline.exceeded("waiting for \(what) to be \(Self.describe(awaited)); last state: \(lastState ?? "unknown")"))
    }

    static func describe(_ awaited: AwaitedState) -> String {
        switch awaited {
        case .gone: "gone"
        case .fields(let wanted): wanted.keys.sorted().map { "\($0)=\(wanted[$0] ?? "")" }.joined(separator: ", ")
        }
    }
}
