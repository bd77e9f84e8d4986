import Diagnostics
import Interpolation
import Reporting

/// A whole `lint` run: discover inputs, load each folder's environment once, lint the files in
/// parallel, stream the reports in input order and compute the exit status. The executable only parses
/// flags and calls this, so the whole run is testable in-process.
public struct LintJob {
    public var paths: [String]
    public var options: FrontEndOptions
    public var environment: EnvironmentOptions
    public var jobs: Int
    public var reporting: LintReportOptions
    /// `--exclude`: files matching any of these are not linted.
    public var exclude: [PathGlob] = []
    /// `--config`, `--strict-env` and the settings typed on the command line.
    public var configuration = ConfigurationOptions()
    /// `--skip-unknown`: files named on the command line that are no template get a note, as files
    /// met in a folder do (pre-commit names every matching file).
    public var skipUnknownKinds = false
    /// `--fix` (write the fixed files) or `--fix --diff` (print what would change); nil to only lint.
    public var fix: FixMode?
    /// `-f FILE…`: the files of one Compose project, checked merged in this order instead of `paths`.
    public var projectFiles: [String] = []

    public init(paths: [String], options: FrontEndOptions, environment: EnvironmentOptions, jobs: Int,
                reporting: LintReportOptions = LintReportOptions()) {
        self.paths = paths
        self.options = options
        self.environment = environment
        self.jobs = jobs
        self.reporting = reporting
    }

    /// The inputs after `--exclude`, with discovery problems.
    public func inputs() -> (inputs: [Input], problems: [InputDiscovery.Problem]) {
        if !projectFiles.isEmpty { return (projectFiles.map { $0 == "-" ? .standardInput : .file($0) }, []) }
        let discovery = InputDiscovery.discover(paths)
        let inputs = discovery.inputs.filter { input in
            guard case .file(let path) = input else { return true }
            return !exclude.contains { $0.excludes(path, workingDirectory: reporting.workingDirectory) }
        }
        return (inputs, discovery.problems)
    }

    /// Runs the job; `output` receives report text in order, `errors` the human summary and problems.
    public func run(output: (String) -> Void, errors: (String) -> Void) -> ExitStatus {
        let discovery = inputs()
        var inputFailed = false
        for problem in discovery.problems {
            errors("stackc: \(problem.path): \(problem.message)\n")
            inputFailed = true
        }
        var sinks = ReportSinks(destinations: reporting.destinations, context: reporting.context,
                                stepSummary: reporting.stepSummary)
        var selection = FindingSelection(reporting)
        var summary = Summary()
        var filesWithFindings = 0
        var once = ReportedOnce()
        // With `--fix --diff` standard output is the patch alone; the findings' text goes beside the log.
        let reportOutput = fix == .diff ? errors : output
        func deliver(_ reports: [FileReport], failed: Bool) {
            inputFailed = inputFailed || failed
            for report in once.admit(reports).map({ selection.select($0) }) {
                summary.add(report)
                if !report.diagnostics.isEmpty { filesWithFindings += 1 }
                let text = sinks.report(report)
                if !text.isEmpty { reportOutput(text) }
            }
        }
        var fixLog = FixLog(mode: fix)
        // With `--fix`: each fixed file written (or its diff printed) in input order; a file that could
        // not be written is reported as it still is on disk.
        func deliverFixed(_ outcome: LintPipeline.Outcome) {
            var reports = outcome.reports
            var failed = outcome.inputFailed
            for (input, fixed) in outcome.fixes where !fixLog.record(fixed, input: input, output: output, errors: errors) {
                reports = reports.map { $0.file.path == fixed.original.path ? fixed.found : $0 }
                failed = true
            }
            deliver(reports, failed: failed)
        }

        let inputs = discovery.inputs
        let configurations = ConfigurationSet(options: configuration, directories: inputs.map(FrontEnd.directory(of:)),
                                              deliver: { deliver($0, failed: false) })
        inputFailed = inputFailed || configurations.failed
        // A project's variables come from its folder, the first file's, as Compose's do.
        let environmentFor = loadEnvironments(for: projectFiles.isEmpty ? inputs : Array(inputs.prefix(1)), configurations: configurations,
                                              deliver: deliver)
        let options = options
        let fixing = fix != nil
        let provingFixes = reporting.destinations.contains { $0.format.showsFixes }
        let named = skipUnknownKinds ? [] : Set(paths)
        if let first = inputs.first, !projectFiles.isEmpty {
            let settings = configurations.settings(for: first, base: options)
            let environment = environmentFor(FrontEnd.directory(of: first))
            deliverFixed(Self.checkProject(inputs, fixing: fixing, environment: environment, settings: settings))
        } else {
            // A file of a project declared in `.stackc.yaml` is checked with the project, where its first
            // input stands; the project's other inputs then have nothing of their own to run.
            let declared = inputs.map { declaredProject(of: $0, configurations: configurations) }
            let environmentOptions = environment
            let inputs = inputs.indices.filter { index in declared[index].map { project in !declared[..<index].contains(project) } ?? true }.map { (inputs[$0], declared[$0]) }
            orderedParallelForEach(count: inputs.count, jobs: jobs, work: { index in
                let (input, project) = inputs[index]
                if let project {
                    return (input, Self.lint(project, options: options, environment: environmentOptions, configurations: configurations, fixing: fixing))
                }
                let isNamed: Bool
                switch input {
                case .standardInput: isNamed = named.contains("-")
                case .file(let path): isNamed = named.contains(path)
                }
                let settings = configurations.settings(for: input, base: options)
                let environment = environmentFor(FrontEnd.directory(of: input))
                // A fragment is fixed merged onto its base, which its own run fixes.
                if case .file(let path) = input, let base = ProjectFragment.base(of: path) {
                    return (input, fixing ? ProjectFix.fix([.file(base), input], owned: { $0 == 1 }, environment: environment,
                                                           options: settings.options, policy: settings.policy)
                                          : LintPipeline.lintFragment(input, base: base, environment: environment, options: settings.options, policy: settings.policy))
                }
                // `--profile`: each file is a project of its own, its profiles and env files applied.
                if !settings.options.profiles.isEmpty {
                    return (input, Self.checkProject([input], fixing: fixing, environment: environment, settings: settings))
                }
                let outcome = fixing ? LintPipeline.fix(input, named: isNamed, environment: environment, options: settings.options, policy: settings.policy)
                    : LintPipeline.lint(input, named: isNamed, environment: environment, options: settings.options, policy: settings.policy,
                                        provingFixes: provingFixes)
                return (input, outcome)
            }, deliver: { _, outcome in deliverFixed(outcome) })
        }
        fixLog.finish(errors: errors)
        let finished = sinks.finish(summary)
        if !finished.standardOutput.isEmpty { reportOutput(finished.standardOutput) }
        let baselineWritten = selection.finish()
        for problem in finished.problems + [baselineWritten.problem].compactMap({ $0 }) {
            errors("stackc: \(problem)\n")
            inputFailed = true
        }
        if let note = baselineWritten.note { errors("stackc: \(note)\n") }
        if summary.findings > 0 {
            errors(TextReporter.summaryLine(summary, filesWithFindings: filesWithFindings) + "\n")
        }
        return ExitStatus.forLint(summary: summary, policy: reporting.policy, inputFailed: inputFailed)
    }

    /// The project of `.stackc.yaml` that names `input`, if any.
    private func declaredProject(of input: Input, configurations: ConfigurationSet) -> DeclaredProject? {
        // Most configurations declare none: no path is made absolute then.
        guard case .file(let path) = input, let configuration = configurations.configuration(forDirectory: FrontEnd.directory(of: input)),
              !configuration.projects.isEmpty else { return nil }
        return configuration.project(holding: AbsolutePath.make(path))
    }

    /// A declared project checked as `lint -f …` checks one: its env files (else the first file's `.env`)
    /// and profiles, unless the command line gives its own; files shown as the working folder sees them.
    /// With `--fix` it fixes the files that are its own: a file several projects name is fixed by the
    /// project that `.stackc.yaml` gives it to (`Configuration.project(holding:)`), once.
    private static func lint(_ project: DeclaredProject, options: FrontEndOptions, environment: EnvironmentOptions,
                             configurations: ConfigurationSet, fixing: Bool) -> LintPipeline.Outcome {
        let here = AbsolutePath.make(".")
        let files = project.files.map { Input.file(AbsolutePath.relative($0, to: here)) }
        var settings = configurations.settings(for: files[0], base: options)
        if settings.options.profiles.isEmpty { settings.options.profiles = project.profiles }
        var loader = EnvironmentLoader(options: environment)
        if loader.options.envFiles.isEmpty { loader.options.envFiles = project.envFiles.map { AbsolutePath.relative($0, to: here) } }
        let loaded = options.interpolate ? loader.load(forDirectory: FrontEnd.directory(of: files[0])) : EnvironmentLoader.Loaded.empty
        let owned = { (index: Int) in
            configurations.configuration(forDirectory: FrontEnd.directory(of: files[index]))?.project(holding: project.files[index]) == project
        }
        var outcome = checkProject(files, fixing: fixing, owned: owned, environment: loaded.environment, settings: settings)
        outcome.reports = loaded.reports + outcome.reports
        outcome.inputFailed = loaded.failed || outcome.inputFailed
        return outcome
    }

    /// A project's files checked merged; with `--fix` also fixed (`ProjectFix`), those `owned` says are
    /// this run's.
    private static func checkProject(_ inputs: [Input], fixing: Bool, owned: (Int) -> Bool = { _ in true }, environment: Environment,
                                     settings: (options: FrontEndOptions, policy: FindingPolicy)) -> LintPipeline.Outcome {
        fixing ? ProjectFix.fix(inputs, owned: owned, environment: environment, options: settings.options, policy: settings.policy)
            : LintPipeline.lintProject(inputs, environment: environment, options: settings.options, policy: settings.policy)
    }

    /// One environment per template folder, loaded in input order before the parallel phase so env-file
    /// problems are reported once and always in the same place. Explicit `--env-file`s replace every
    /// folder's `.env`, so they are read once for all; a configuration's `env-files` replace the `.env`
    /// of the folders it applies to.
    private func loadEnvironments(for inputs: [Input], configurations: ConfigurationSet,
                                  deliver: ([FileReport], Bool) -> Void) -> @Sendable (String) -> Environment {
        guard options.interpolate else { return { _ in Environment() } }
        let loader = EnvironmentLoader(options: environment)
        if !environment.envFiles.isEmpty {
            let loaded = loader.load(forDirectory: "")
            deliver(loaded.reports, loaded.failed)
            return { _ in loaded.environment }
        }
        var environments: [String: Environment] = [:]
        for directory in inputs.map(FrontEnd.directory(of:)) where environments[directory] == nil {
            let loaded = loader.load(forDirectory: directory, configuration: configurations.configuration(forDirectory: directory))
            deliver(loaded.reports, loaded.failed)
            environments[directory] = loaded.environment
        }
        let loaded = environments
        return { loaded[$0] ?? Environment() }
    }
}
