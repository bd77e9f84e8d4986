import ArgumentParser
import Driver
import Lowering

/// The request's metadata (name, project, version, …), shared by `build` and `submit` so both build the
/// same request from the same flags.
struct RequestFlags: ParsableArguments {
    @Option(help: "Project, stack instance, application or service name (as the target names it).")
    var name: String?

    @Option(help: "projectName (v2), namespace (Alauda) or the aliyun project of a service.")
    var project: String?

    @Option(help: "Description (aliyun projects).")
    var description: String?

    @Option(help: "Version (aliyun projects); 'auto' derives one from the content, so unchanged content keeps its version.")
    var version: String?

    @Option(name: .customLong("app-id"), help: "app_id (v2 podstack update).")
    var appID: String?

    @Option(help: "The Compose service (aliyun-scale, alauda-service).")
    var service: String?

    @Option(name: .customLong("min-replicas"), help: "scale.minReplicas (v2 podstack).")
    var minReplicas: Int?

    @Option(name: .customLong("max-replicas"), help: "scale.maxReplicas (v2 podstack).")
    var maxReplicas: Int?

    @Option(name: .customLong("target-cpu"), help: "scale.targetCPUUtilization in percent (v2 podstack).")
    var targetCPU: Int?

    @Flag(name: .customLong("blue-green"), help: "Blue-green update (aliyun-project-update).")
    var blueGreen = false

    @Option(name: .customLong("latest-image"), help: "latest_image: pull the newest image (true or false).")
    var latestImage: Bool?

    @Option(help: "local: substitute variables here (default); keep: send the template as written with the values in 'environment' (aliyun).")
    var variables: VariablesMode?

    func validate() throws {
        if let targetCPU, !(1...100).contains(targetCPU) { throw ValidationError("--target-cpu must be 1–100") }
    }

    func buildFlags(target: TargetID?) -> BuildFlags {
        BuildFlags(target: target, name: name, project: project, description: description, version: version, appID: appID,
                   service: service, minReplicas: minReplicas, maxReplicas: maxReplicas, targetCPU: targetCPU,
                   blueGreen: blueGreen ? true : nil, latestImage: latestImage, variables: variables)
    }
}

extension VariablesMode: ExpressibleByArgument {}
