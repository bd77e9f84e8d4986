import Diagnostics
import Interpolation
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

    /// The first file as an input: `-` is standard input.
    var input: Input { path == "-" ? .standardInput : .file(path) }

    public init(path: String, options: FrontEndOptions, environment: EnvironmentOptions) {
        self.path = path
        self.options = options
        self.environment = environment
    }

    /// Loads the environment of the template's folder, reads it and runs the front end. Problems are
    /// written to `errors` as text; nil means nothing can be done with the template (unreadable input or
    /// env file): exit status 2. `environmentHasErrors` says an env file had a statement Compose refuses
    /// (it refuses the whole file); lint counts those, so the template is interpolated with what was
    /// understood but must not pass.
    /// For a project (`overrides`), `project` is the files' text, whose `split` gives findings back to their files.
    func process(errors: (String) -> Void, reporter: inout TextReporter)
        -> (processed: ProcessedTemplate, environmentHasErrors: Bool, project: ProjectText?)? {
        let directory = FrontEnd.directory(of: input)
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
        for input in [input] + overrides.map({ $0 == "-" ? Input.standardInput : .file($0) }) {
            switch FileLoader.load(input, maxBytes: options.limits.maxFileBytes) {
            case .failure(let failure):
                errors("stackc: \(input.displayName): \(failure.message)\n")
                return nil
            case .success(let file):
                files.append(file)
            }
        }
        guard files.count > 1 else {
            return (FrontEnd.process(files[0], environment: variables, directory: directory, options: options), environmentHasErrors, nil)
        }
        let project = ProjectFrontEnd.process(files, environment: variables, options: options)
        return (project.processed, environmentHasErrors, project.text)
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
