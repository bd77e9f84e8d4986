import ArgumentParser
import Driver
import Lowering

extension Stackc {
    struct Build: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Validate a template and print the request body of one platform endpoint.",
            discussion: """
            Targets: \(TargetID.allCases.map(\.rawValue).joined(separator: ", ")).
            Any error-level finding means no body and exit status 1. Findings go to stderr.
            A stack manifest (a YAML file with `target:` and `template:`) gives the target, the template and
            the metadata; flags override it.

            Examples:
              stackc build compose.yaml --target aliyun-project --name shop
              stackc build compose.yaml --target aliyun-project-update --name shop --version auto --blue-green
              stackc build pod.yaml --target v2-podstack --project team --name web --min-replicas 2 --max-replicas 5
              stackc build deploy/shop.stack.yaml --output body.json
            """
        )

        @Argument(help: "The template or a stack manifest, or '-' for standard input.")
        var path: String

        @Option(help: ArgumentHelp("The endpoint to build for (required unless a stack manifest names it).", valueName: "target"))
        var target: TargetID?

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

        @Flag(help: "Print the body on one line.")
        var compact = false

        @Flag(help: "Print the whole request: method, path, query, headers and body.")
        var request = false

        @Option(name: [.customShort("o"), .customLong("output")], help: "Write to this file (atomically) instead of standard output.")
        var output: String?

        @OptionGroup(title: "Limits")
        var limitFlags: LimitFlags

        @OptionGroup(title: "Variables")
        var environment: EnvironmentFlags

        func validate() throws {
            if environment.noInterpolate {
                throw ValidationError("build always substitutes variables to check them; use --variables keep to send the template as written")
            }
            if let targetCPU, !(1...100).contains(targetCPU) { throw ValidationError("--target-cpu must be 1–100") }
        }

        func run() throws {
            let flags = BuildFlags(target: target, name: name, project: project, description: description, version: version, appID: appID,
                                   service: service, minReplicas: minReplicas, maxReplicas: maxReplicas, targetCPU: targetCPU,
                                   blueGreen: blueGreen ? true : nil, latestImage: latestImage, variables: variables)
            var options = environment.frontEndOptions()
            options.limits = limitFlags.limits
            let job = BuildJob(path: path, flags: flags, options: options,
                               environment: environment.environmentOptions, compact: compact, wholeRequest: request, outputPath: output)
            let status = job.run(output: { Terminal.write($0, to: Terminal.standardOutput) },
                                 errors: { Terminal.write($0, to: Terminal.standardError) },
                                 colors: Terminal.wantsColor(stdoutDescriptor: Terminal.standardError))
            if status != .success { throw ExitCode(status.rawValue) }
        }
    }
}

extension TargetID: ExpressibleByArgument {}
extension VariablesMode: ExpressibleByArgument {}
