/// `--timeout`: one limit for a whole command, started once and handed down to everything that waits —
/// each connection and request (their own limits clipped to what is left), retries, back-off,
/// `Retry-After` and `--wait` polling. Per-attempt timeouts alone let a command run for minutes past
/// what the user asked (issue 19: `--timeout 2` took 10.6 s); one shared instant cannot.
public struct Deadline: Sendable {
    /// The limit as the user gave it, for messages.
    public let seconds: Double
    private let start: ContinuousClock.Instant

    /// Starts now. `.infinity` is no limit (a library caller that wants none).
    public init(seconds: Double) {
        self.seconds = seconds
        start = .now
    }

    /// Seconds since the command started: the elapsed time every report shows.
    public var elapsed: Double {
        let components = (ContinuousClock.now - start).components
        return Double(components.seconds) + Double(components.attoseconds) / 1e18
    }

    /// Seconds left, never negative.
    public var remaining: Double {
        max(0, seconds - elapsed)
    }

    public var hasPassed: Bool { remaining <= 0 }

    /// The failure when the limit is reached while `doing` something ("waiting for shop to be running").
    func exceeded(_ doing: String) -> SubmitFailure {
        SubmitFailure(.unreachable, "timed out after \(formatSeconds(elapsed)) (--timeout \(formatSeconds(seconds))) \(doing)")
    }

    /// The failure when the wait before the next attempt — the server's `Retry-After` or the back-off —
    /// does not fit in what is left: stopping now and saying so is truthful, sleeping past the limit is not.
    func cannotWait(_ delay: Double, after failed: String, serverAsked: Bool) -> SubmitFailure {
        let wait = serverAsked ? "the server asked to retry after \(formatSeconds(delay))" : "the next attempt would start in \(formatSeconds(delay))"
        return SubmitFailure(.unreachable, "\(failed); \(wait), but --timeout \(formatSeconds(seconds)) leaves \(formatSeconds(remaining)): stopped after \(formatSeconds(elapsed))")
    }
}
