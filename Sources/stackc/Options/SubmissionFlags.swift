import ArgumentParser
import Driver
import Model
import Submit

/// What `submit` and `plan` both take — the template, its target and request values, where to send and
/// how to authenticate, the limits, the variables and `--format` — so `plan` reads exactly what
/// `submit` would send.
struct SubmissionFlags: ParsableArguments {
    @OptionGroup
    var template: TemplateRequestFlags

    @Option(help: "text: for people; json: one object for programs.")
    var format: OutcomeFormat = .text

    @OptionGroup(title: "Platform")
    var platform: PlatformFlags

    /// The build of the request, as `stackc build` would make it.
    var buildJob: BuildJob {
        get throws { try template.buildJob() }
    }

    /// Where to send, how to authenticate and what to print; the rest is the command's.
    var submitOptions: SubmitOptions {
        var options = SubmitOptions()
        options.access = platform.access
        options.format = format
        return options
    }
}
