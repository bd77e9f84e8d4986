import ArgumentParser
import Driver
import Model
import Submit

/// What every lifecycle verb takes: the target and the resource, `--dry-run`, `--format`, and the
/// platform flags of `submit`.
struct OperationFlags: ParsableArguments {
    @Option(help: ArgumentHelp("The kind of resource, as for build and submit, or v2-cinder-volume (see the README's operations tables).", valueName: "target"))
    var target: OperationTarget

    @Option(help: "Project, stack instance, application, configmap, secret, volume, service or cloud-disk name (as the target names it).")
    var name: String?

    @Option(help: "projectName (v2), namespace (Alauda), or the aliyun project of a service (aliyun-scale: the service P_S).")
    var project: String?

    @Option(name: .customLong("app-id"), help: "app_id (v2 applications: required by start; get, kill and delete default to the running app).")
    var appID: String?

    @Option(name: .customLong("key-name"), help: "v2 configmaps and secrets: one key of --name (get and delete that key only; --key is the client key file).")
    var key: String?

    @Option(name: .customLong("volume-id"), help: "v2 cloud disks: the volume id (get, extend, delete).")
    var volumeID: String?

    @Flag(name: .customLong("dry-run"), help: "Print the request that would be sent (credentials redacted) and send nothing.")
    var dryRun = false

    @Option(help: "text: for people; json: one JSON line (get/list: the resource, secrets masked; the others: {action, status, …}).")
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
        (job.arguments.key, job.arguments.volumeID) = (key, volumeID)
        (job.dryRun, job.format, job.access) = (dryRun, format, platform.access)
        configure(&job)
        let environment = Dictionary(EnvironmentOptions.currentProcessEnvironment(), uniquingKeysWith: { _, last in last })
        try OperationCheck.run(job, environment: environment, output: Terminal.commandOutput).finish()
    }
}

extension OperationTarget: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(rawValue: argument)
    }

    public static var allValueStrings: [String] {
        allCases.filter { !OperationPlan.operations(of: $0).isEmpty }.map(\.rawValue)
    }
}

/// `--yes` of the verbs that destroy what repeating the command cannot bring back (`delete`, `kill`).
struct ConfirmFlag: ParsableArguments {
    @Flag(help: "Confirm it (required: nothing asks interactively).")
    var yes = false
}

/// `scale`: a fixed instance count, or the v2 autoscaling bounds (`type=auto`).
struct ScaleFlags: ParsableArguments {
    @Option(help: "The number of instances (aliyun services: {\"type\": \"scale_to\", \"value\": N}; v2: type=manual&scale=; Alauda: target_num_instances).")
    var replicas: Int?

    @Flag(help: "v2 applications: autoscale (type=auto) between --min-replicas and --max-replicas at --target-cpu.")
    var auto = false

    @Option(name: .customLong("min-replicas"), help: "With --auto: minReplicas.")
    var minReplicas: Int?

    @Option(name: .customLong("max-replicas"), help: "With --auto: maxReplicas.")
    var maxReplicas: Int?

    @Option(name: .customLong("target-cpu"), help: ArgumentHelp("With --auto: targetCPUUtilization.", valueName: "percent"))
    var targetCPU: Int?

    func validate() throws {
        let bounds = [minReplicas, maxReplicas, targetCPU]
        if replicas != nil && auto { throw ValidationError("--replicas and --auto exclude each other (a fixed count, or autoscaling)") }
        if replicas == nil && !auto { throw ValidationError("scale needs --replicas N, or --auto with --min-replicas, --max-replicas and --target-cpu") }
        if auto && bounds.contains(nil) { throw ValidationError("--auto needs --min-replicas, --max-replicas and --target-cpu (the body 004 documents has all three)") }
        if !auto && bounds.contains(where: { $0 != nil }) { throw ValidationError("--min-replicas, --max-replicas and --target-cpu go with --auto") }
    }

    var setting: ScaleSetting? {
        if let replicas { return .manual(replicas: replicas) }
        guard let minReplicas, let maxReplicas, let targetCPU else { return nil }
        return .auto(minReplicas: minReplicas, maxReplicas: maxReplicas, targetCPU: targetCPU)
    }
}

/// `create` and `extend` of a v2 cloud disk: its size and, when created, its description, snapshot and file system.
struct DiskFlags: ParsableArguments {
    @Option(help: ArgumentHelp("The disk's size in GB (create: size; extend: new_size).", valueName: "GB"))
    var size: Int?

    @Option(help: "create: the disk's description.")
    var description: String?

    @Option(name: .customLong("snapshot-id"), help: "create: make the disk from this snapshot.")
    var snapshotID: String?

    @Option(name: .customLong("fs-type"), help: ArgumentHelp("create: the file system, ext4 or xfs (default: xfs, as 004's example).", valueName: "type"))
    var fsType: String?

    func apply(to arguments: inout OperationArguments) {
        (arguments.size, arguments.description, arguments.snapshotID, arguments.fsType) = (size, description, snapshotID, fsType)
    }
}
