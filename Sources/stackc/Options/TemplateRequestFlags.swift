import ArgumentParser
import Driver
import Model

/// What `build`, `submit` and `plan` build a request from — the template (or a Compose project's files
/// with `-f`), its target and request values, the limits and the variables — declared once, so the three
/// build the same request from the same flags.
struct TemplateRequestFlags: ParsableArguments {
    @Argument(help: "The template or a stack manifest, or '-' for standard input (or the files of a Compose project with -f).")
    var path: String?

    @OptionGroup
    var project: ProjectFileFlags

    @Option(help: ArgumentHelp("The endpoint to build for (required unless a stack manifest names it).", valueName: "target"))
    var target: TargetID?

    @OptionGroup(title: "Request")
    var requestFlags: RequestFlags

    @OptionGroup(title: "Limits")
    var limitFlags: LimitFlags

    @OptionGroup(title: "Variables")
    var environment: EnvironmentFlags

    func validate() throws {
        _ = try project.template(path: path)
    }

    /// The build of the request: one template, or a Compose project's files lowered to one.
    func buildJob(compact: Bool = false, wholeRequest: Bool = false, outputPath: String? = nil) throws -> BuildJob {
        var options = environment.frontEndOptions()
        options.limits = limitFlags.limits
        let template = try project.template(path: path)
        var job = BuildJob(path: template.path, flags: requestFlags.buildFlags(target: target), options: options,
                           environment: environment.environmentOptions, compact: compact, wholeRequest: wholeRequest, outputPath: outputPath)
        job.overrides = template.overrides
        return job
    }
}
