import ArgumentParser
import Submit

/// `--wait` and `--poll-interval` of the verbs whose effect the target's documented GET shows (start,
/// stop, redeploy, scale, delete); the time it may take is the command's one `--timeout`.
struct WaitFlags: ParsableArguments {
    @Flag(help: "Poll the resource's documented GET until it shows the operation done (aliyun: running, stopped; Alauda services: the state; any delete: 404), within --timeout.")
    var wait = false

    @Option(name: .customLong("poll-interval"), help: ArgumentHelp("Seconds between polls of --wait.", valueName: "seconds"))
    var pollInterval = 2.0

    func validate() throws {
        if pollInterval <= 0 { throw ValidationError("--poll-interval must be positive") }
    }

    /// `OperationJob.wait`: nil without `--wait`.
    var options: WaitOptions? {
        wait ? WaitOptions(interval: pollInterval) : nil
    }
}
