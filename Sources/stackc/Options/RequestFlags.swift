import ArgumentParser
import Driver
import Lowering
import Model

/// The request's metadata (name, project, version, …), shared by `build` and `submit` so both build the
/// same request from the same flags. Values are taken as typed, numbers and booleans too: the request
/// check holds them to the same rules as a manifest's or a template's values (a finding, exit 1), so
/// only what is no command line at all is a usage error.
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

    @Option(name: .customLong("min-replicas"), help: ArgumentHelp("scale.minReplicas (v2 podstack; default: the template's replicas, at least 1).", valueName: "n"))
    var minReplicas: String?

    @Option(name: .customLong("max-replicas"), help: ArgumentHelp("scale.maxReplicas (v2 podstack; default: the larger of minReplicas and the template's replicas).", valueName: "n"))
    var maxReplicas: String?

    @Option(name: .customLong("target-cpu"), help: ArgumentHelp("scale.targetCPUUtilization in percent, 1–100 (v2 podstack; default 80).", valueName: "percent"))
    var targetCPU: String?

    @Flag(name: .customLong("blue-green"), help: "Blue-green update (aliyun-project-update).")
    var blueGreen = false

    @Option(name: .customLong("latest-image"), help: ArgumentHelp("latest_image: pull the newest image (true or false).", valueName: "bool"))
    var latestImage: String?

    @Option(help: ArgumentHelp("local: substitute variables here (default); keep: send the template as written with the values in 'environment' (aliyun).",
                               valueName: "local|keep"))
    var variables: String?

    func buildFlags(target: TargetID?) -> BuildFlags {
        let given: [(RequestField, String?)] = [
            (.name, name), (.project, project), (.description, description), (.version, version), (.appID, appID), (.service, service),
            (.minReplicas, minReplicas), (.maxReplicas, maxReplicas), (.targetCPU, targetCPU), (.blueGreen, blueGreen ? "true" : nil),
            (.latestImage, latestImage), (.variables, variables),
        ]
        return BuildFlags(target: target, values: Dictionary(uniqueKeysWithValues: given.compactMap { field, text in text.map { (field, $0) } }))
    }
}
