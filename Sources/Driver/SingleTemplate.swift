import Diagnostics
import Interpolation
import Project
import Reporting

/// One template named on the command line with the settings to read it: what commands that take a
/// single file (`render`, `graph`) share.
public struct SingleTemplate: Sendable {
    /// A path, or `-` for standard input.
    public var path: String
    public var options: FrontEndOptions
    public var environment: EnvironmentOptions
    /// The later `-f` files of a Compose project whose first file is `path`, merged onto it in order.
    public var overrides: [String] = []
    /// Set when the command names a Compose project rather than one file: `-f` files, a folder, or
    /// nothing (the current folder); `ProjectInputs` chooses the files. `path` then only names it.
    public var project: ProjectSelection?

    /// What the command line says about a project's files.
    public struct ProjectSelection: Sendable {
        public var files: [String]
        /// A folder named instead of files (`stackc render DIR`).
        public var folder: String?
        /// `--project-directory`.
        public var projectDirectory: String?

        public init(files: [String] = [], folder: String? = nil, projectDirectory: String? = nil) {
            self.files = files
            self.folder = folder
            self.projectDirectory = projectDirectory
        }
    }

    /// The first file as an input: `-` is standard input.
    var input: Input { path == "-" ? .standardInput : .file(path) }

    public init(path: String, options: FrontEndOptions, environment: EnvironmentOptions) {
        self.path = path
        self.options = options
        self.environment = environment
    }

    /// A template after the front end, with what the commands reading it need besides the tree.
    struct Processed {
        let processed: ProcessedTemplate
        /// An env file had a statement Compose refuses (it refuses the whole file); lint counts those,
        /// so the template is interpolated with what was understood but must not pass.
        let environmentHasErrors: Bool
        /// The project's folder: relative paths resolve against it.
        let directory: String
        /// For a project, the files' text, whose `split` gives findings back to their files.
        var project: ProjectText?
        /// For a project, the variables its services' env files gave (never to be printed).
        var envFileValues: [(name: String, value: String)] = []
    }

    /// Loads the environment of the template's folder, reads it and runs the front end. Problems are
    /// written to `errors` as text; nil means nothing can be done with the template (unreadable input or
    /// env file): exit status 2.
    func process(errors: (String) -> Void, reporter: inout TextReporter) -> Processed? {
        let selection = project ?? (overrides.isEmpty ? nil : ProjectSelection(files: [path] + overrides))
        var paths = [path]
        var directory = FrontEnd.directory(of: input)
        if let selection {
            let process = environment.process + environment.overrides
            switch ProjectInputs.resolve(files: selection.files, folder: selection.folder, projectDirectory: selection.projectDirectory,
                                         variables: process) {
            case .failure(let failure):
                errors("stackc: \(failure.message)\n")
                return nil
            case .success(let inputs):
                for warning in inputs.warnings { errors("stackc: warning: \(warning)\n") }
                paths = inputs.files
                directory = inputs.directory
            }
        }
        var variables = Environment()
        var environmentHasErrors = false
        if options.interpolate {
            let loaded = EnvironmentLoader(options: environment).load(forDirectory: directory)
            for report in loaded.reports { errors(reporter.report(report)) }
            if loaded.failed { return nil }
            variables = loaded.environment
            environmentHasErrors = loaded.reports.contains { $0.count(of: .error) > 0 }
        }
        var files: [SourceFile] = []
        for input in paths.map({ $0 == "-" ? Input.standardInput : .file($0) }) {
            switch FileLoader.load(input, maxBytes: options.limits.maxFileBytes) {
            case .failure(let failure):
                errors("stackc: \(input.displayName): \(failure.message)\n")
                return nil
            case .success(let file):
                files.append(file)
            }
        }
        // A Compose file that includes or extends others is read as `-f FILE` reads it (`SingleFileProject`).
        guard selection != nil || (input != .standardInput && SingleFileProject.applies(to: files[0], kind: options.kind, limits: options.limits)) else {
            return Processed(processed: FrontEnd.process(files[0], environment: variables, directory: directory, options: options),
                             environmentHasErrors: environmentHasErrors, directory: directory)
        }
        let project = ProjectFrontEnd.process(files, directory: directory, environment: variables, options: options)
        for report in project.envFileReports { errors(reporter.report(report)) }
        return Processed(processed: project.processed, environmentHasErrors: environmentHasErrors || !project.envFileReports.isEmpty,
                         directory: directory, project: project.text, envFileValues: project.envFileValues)
    }
}

extension ProjectText? {
    /// `report` as text, for a project each finding at the file it is in.
    func text(of report: FileReport, reporter: inout TextReporter) -> String {
        (self?.split(report) ?? [report]).map { reporter.report($0) }.joined()
    }
}

/// A command's work that writes a result and findings and ends in an exit status; the executable runs
/// it against the terminal.
public protocol TemplateJob {
    /// `output` receives the result, `errors` findings and problems; `colors` is for the findings.
    func run(output: (String) -> Void, errors: (String) -> Void, colors: Bool) -> ExitStatus
}
