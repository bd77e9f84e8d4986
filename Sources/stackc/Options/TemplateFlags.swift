import ArgumentParser
import Driver
import Model

/// The argument and flags of commands that read one template (`render`, `graph`).
struct TemplateFlags: ParsableArguments {
    @Argument(help: "The template, '-' for standard input, or a folder: the Compose project found there (default: the current folder's).")
    var path: String?

    @OptionGroup
    var project: ProjectFileFlags

    var files: [String] { project.files }

    @Option(name: .customLong("project-directory"),
            help: ArgumentHelp("The project's folder: relative paths, .env and the project name come from it (default: the first file's).",
                               valueName: "dir"))
    var projectDirectory: String?

    @Option(help: DocumentKind.argumentHelp)
    var kind: DocumentKind?

    @OptionGroup(title: "Limits")
    var limitFlags: LimitFlags

    @OptionGroup(title: "Variables")
    var variables: EnvironmentFlags

    func validate() throws {
        if path != nil, !files.isEmpty { throw ValidationError("name one template, or the files of one project with -f FILE…") }
    }

    var template: SingleTemplate {
        var options = variables.settings.frontEndOptions(kind: kind)
        options.limits = limitFlags.limits
        var template = SingleTemplate(path: path ?? files.first ?? ".", options: options, environment: variables.environmentOptions)
        let folder = path.flatMap { ProjectInputs.isFolder($0) ? $0 : nil }
        if path == nil || folder != nil {
            template.project = SingleTemplate.ProjectSelection(files: files, folder: folder, projectDirectory: projectDirectory)
        } else if projectDirectory != nil {
            template.project = SingleTemplate.ProjectSelection(files: [template.path], projectDirectory: projectDirectory)
        }
        if template.project == nil, !variables.profiles.isEmpty {
            template.project = SingleTemplate.ProjectSelection(files: [template.path])
        }
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
