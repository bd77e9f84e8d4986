import ArgumentParser
import Driver
import Model
import Submit

/// What every lifecycle verb (`get`, `list`, `start`, `stop`, `kill`, `redeploy`, `scale`, `delete`) takes: the target and the
/// resource, `--dry-run`, `--format`, and the platform flags of `submit`.
struct OperationFlags: ParsableArguments {
    @Option(help: ArgumentHelp("The kind of resource, as for build and submit (see the README's operations table).", valueName: "target"))
    var target: TargetID

    @Option(help: "Project, stack instance, application, configmap, secret, volume or service name (as the target names it).")
    var name: String?

    @Option(help: "projectName (v2), namespace (Alauda), or the aliyun project of a service (aliyun-scale: the service P_S).")
    var project: String?

    @Option(name: .customLong("app-id"), help: "app_id (v2 applications: required by start; get and delete default to the running app).")
    var appID: String?

    @Flag(name: .customLong("dry-run"), help: "Print the request that would be sent (credentials redacted) and send nothing.")
    var dryRun = false

    @Option(help: "text: for people; json: one JSON line (get/list: the resource, secrets masked; start/stop/kill/redeploy/scale/delete: {action, status, …}).")
    var format: OutcomeFormat = .text

    @OptionGroup(title: "Platform")
    var platform: PlatformFlags

    func validate() throws {
        try platform.requireDestination(dryRun: dryRun)
    }

    /// Runs `operation` with these flags and what `configure` adds, and ends the command as it says.
    func run(_ operation: PlatformOperation, _ configure: (inout OperationJob) -> Void = { _ in }) throws {
        var job = OperationJob(operation: operation, target: target)
        (job.arguments.project, job.arguments.name, job.arguments.appID) = (project, name, appID)
        (job.dryRun, job.format, job.access) = (dryRun, format, platform.access)
        configure(&job)
        let environment = Dictionary(EnvironmentOptions.currentProcessEnvironment(), uniquingKeysWith: { _, last in last })
        try job.run(environment: environment, output: Terminal.commandOutput).finish()
    }
}
