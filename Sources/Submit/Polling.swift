/// The `--wait` loop every waiter shares: `poll` again after `interval` seconds until it gives a result
/// or the command's deadline comes (nil). When less than an interval is left, the last poll comes early
/// enough to fit, leaving as long as the previous poll took.
func pollUntilDeadline<Result>(_ session: Session, interval: Double, _ poll: () -> Result?) -> Result? {
    let deadline = session.options.deadline
    while true {
        let pollStarted = deadline.elapsed
        if let result = poll() { return result }
        let pollTook = max(deadline.elapsed - pollStarted, 0.1)
        let wait = min(interval, deadline.remaining - pollTook)
        if wait <= 0 { return nil }
        pause(seconds: wait)
    }
}
