import ArgumentParser

/// `--wait` and `--poll-interval` of the verbs that change a resource's state (start, stop, redeploy,
/// delete); the time it may take is the command's one `--timeout`.
struct WaitFlags: ParsableArguments {
    @Flag(help: "Poll the resource's GET until it reaches the state the verb leads to (running, stopped, gone), within --timeout.")
    var wait = false

    @Option(name: .customLong("poll-interval"), help: ArgumentHelp("Seconds between polls of --wait.", valueName: "seconds"))
    var pollInterval = 2.0

    func validate() throws {
        if pollInterval <= 0 { throw ValidationError("--poll-interval must be positive") }
    }

    /// `OperationJob.waitInterval`: nil without `--wait`.
    var interval: Double? { wait ? pollInterval : nil }
}
