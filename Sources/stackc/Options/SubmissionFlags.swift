import ArgumentParser
import Driver
import Model
import Submit

/// What `submit` and `plan` both take — the template, its target and request values, where to send and
/// how to authenticate, the limits, the variables and `--format` — so `plan` reads exactly what
/// `submit` would send.
struct SubmissionFlags: ParsableArguments {
    @Argument(help: "The template or a stack manifest (or the files of a Compose project with -f).")
    var path: String?

    @OptionGroup
    var project: ProjectFileFlags

    @Option(help: ArgumentHelp("The endpoint to build for (required unless a stack manifest names it).", valueName: "target"))
    var target: TargetID?

    @Option(help: "text: for people; json: one object for programs.")
    var format: OutcomeFormat = .text

    @OptionGroup(title: "Request")
    var requestFlags: RequestFlags

    @OptionGroup(title: "Platform")
    var platform: PlatformFlags

    @OptionGroup(title: "Limits")
    var limitFlags: LimitFlags

    @OptionGroup(title: "Variables")
    var environment: EnvironmentFlags

    func validate() throws {
        _ = try project.template(path: path)
    }

    /// The build of the request, as `stackc build` would make it: one template, or a Compose project's
    /// files lowered to one.
    var buildJob: BuildJob {
        get throws {
            var options = environment.frontEndOptions()
            options.limits = limitFlags.limits
            let template = try project.template(path: path)
            var job = BuildJob(path: template.path, flags: requestFlags.buildFlags(target: target), options: options,
                               environment: environment.environmentOptions)
            job.overrides = template.overrides
            return job
        }
    }

    /// Where to send, how to authenticate and what to print; the rest is the command's.
    var submitOptions: SubmitOptions {
        var options = SubmitOptions()
        options.access = platform.access
        options.format = format
        return options
    }
}
