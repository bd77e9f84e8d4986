import ArgumentParser
import Driver
import Model

extension Stackc {
    struct Build: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "build",
            abstract: "Validate a template and print the request body of one platform endpoint.",
            discussion: """
            Targets: \(TargetID.allCases.map(\.rawValue).joined(separator: ", ")).
            Any error-level finding means no body and exit status 1. Findings go to stderr.
            A stack manifest (a YAML file with `target:` and `template:`) gives the target, the template and
            the metadata; flags override it, the template's own keys and the documented defaults fill the rest.
            Every value is checked whatever its source: a bad flag is a finding under <command line>.

            Examples:
              stackc build compose.yaml --target aliyun-project --name shop
              stackc build compose.yaml --target aliyun-project-update --name shop --version auto --blue-green
              stackc build pod.yaml --target v2-podstack --project team --name web --min-replicas 2 --max-replicas 5
              stackc build deploy/shop.stack.yaml --output body.json
              stackc build -f compose.yaml -f compose.prod.yaml --profile web --target aliyun-project --name shop
            """
        )

        @OptionGroup
        var template: TemplateRequestFlags

        @Flag(help: "Print the body on one line.")
        var compact = false

        @Flag(help: "Print the whole request: method, path, query, headers and body.")
        var request = false

        @Option(name: [.customShort("o"), .customLong("output")], help: "Write to this file (atomically) instead of standard output.")
        var output: String?

        func validate() throws {
            if template.environment.noInterpolate {
                throw ValidationError("build always substitutes variables to check them; use --variables keep to send the template as written")
            }
        }

        func run() throws {
            let job = try template.buildJob(compact: compact, wholeRequest: request, outputPath: output)
            let status = job.run(output: { Terminal.write($0, to: Terminal.standardOutput) },
                                 errors: { Terminal.write($0, to: Terminal.standardError) },
                                 colors: Terminal.wantsColor(stdoutDescriptor: Terminal.standardError))
            if status != .success { throw ExitCode(status.rawValue) }
        }
    }
}

extension TargetID: ExpressibleByArgument {}
