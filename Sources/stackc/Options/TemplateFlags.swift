import ArgumentParser
import Driver
import Model

/// The argument and flags of commands that read one template (`render`, `graph`).
struct TemplateFlags: ParsableArguments {
    @Argument(help: "The template, or '-' for standard input.")
    var path: String?

    @OptionGroup
    var project: ProjectFileFlags

    var files: [String] { project.files }

    @Option(help: DocumentKind.argumentHelp)
    var kind: DocumentKind?

    @OptionGroup(title: "Limits")
    var limitFlags: LimitFlags

    @OptionGroup(title: "Variables")
    var variables: EnvironmentFlags

    func validate() throws {
        _ = try project.template(path: path)
    }

    var template: SingleTemplate {
        var options = variables.settings.frontEndOptions(kind: kind)
        options.limits = limitFlags.limits
        var template = SingleTemplate(path: path ?? files[0], options: options, environment: variables.environmentOptions)
        template.overrides = Array(files.dropFirst())
        template.isProject = !files.isEmpty || !variables.profiles.isEmpty
        return template
    }
}

extension TemplateJob {
    /// Runs the job with results on standard output and findings on standard error (coloured when
    /// that is a terminal), exiting with the job's status.
    func runOnTerminal() throws {
        let status = run(output: { Terminal.write($0, to: Terminal.standardOutput) },
                         errors: { Terminal.write($0, to: Terminal.standardError) },
                         colors: Terminal.wantsColor(stdoutDescriptor: Terminal.standardError))
        if status != .success { throw ExitCode(status.rawValue) }
    }
}
