import Diagnostics
import Interpolation
import Model
import Rules
import Syntax

/// One file through the stages: read, interpolate, check structure. Pure apart from reading the input,
/// so it can run on any thread.
public enum LintPipeline {
    /// The result for one input; `inputFailed` marks inputs that could not be read at all (exit 2).
    public struct Outcome: Sendable {
        public var reports: [FileReport]
        public var inputFailed: Bool
        /// With `lint --fix`: each fixed file's fixes made and refused, in the order of `reports`, which
        /// then holds the fixed texts' findings.
        public var fixes: [(input: Input, fix: FileFix)] = []
    }

    /// `named` is true for inputs the user listed explicitly: those must be templates, while files met
    /// while walking a folder may be other YAML and get only a note when their kind is unknown.
    /// With `provingFixes` a finding keeps its fix only when `lint --fix` would make it
    /// (`FixEngine.provingFixes`), for reports that show fixes. A Compose file that includes or extends
    /// others is checked as `lint -f FILE` checks it (`SingleFileProject`), with the files it names; one
    /// that only others extend has their services' images (`ExtendsBase`).
    public static func lint(_ input: Input, named: Bool = true, environment: Environment, options: FrontEndOptions,
                            policy: FindingPolicy = .none, provingFixes: Bool = false) -> Outcome {
        load(input, options: options) { file in
            let directory = FrontEnd.directory(of: input)
            if input != .standardInput,
               let project = lintAsProject(file, directory: directory, environment: environment, options: options, policy: policy) {
                return project
            }
            let lintText = { (text: SourceFile) in
                lint(text, named: named, environment: environment, directory: directory, options: options, policy: policy)
            }
            var report = lintText(file)
            if input != .standardInput { report = ExtendsBase.relax(report, limits: options.limits) }
            return Outcome(reports: [provingFixes ? FixEngine.provingFixes(report, lint: lintText) : report], inputFailed: false)
        }
    }

    /// `lint --fix` of one input: the fixes proven safe applied in memory (`FixEngine`), and the
    /// findings of the fixed text. Nothing is written here.
    public static func fix(_ input: Input, named: Bool = true, environment: Environment, options: FrontEndOptions,
                           policy: FindingPolicy = .none) -> Outcome {
        load(input, options: options) { file in
            let fixed = FixEngine.fix(file) {
                lint($0, named: named, environment: environment, directory: FrontEnd.directory(of: input), options: options, policy: policy)
            }
            // A fix still carried after fixing was refused: no report offers it.
            let remaining = FileReport(file: fixed.remaining.file, diagnostics: fixed.remaining.diagnostics.map(\.withoutFix))
            return Outcome(reports: [remaining], inputFailed: false, fixes: [(input, fixed)])
        }
    }

    /// The files of one Compose project (`lint -f base.yaml -f override.yaml`), checked merged: a file's
    /// own reading problems at that file, then the findings on the merged project at the files their
    /// values came from. One report per file, in the given order.
    public static func lintProject(_ inputs: [Input], environment: Environment, options: FrontEndOptions, policy: FindingPolicy = .none) -> Outcome {
        switch load(inputs, options: options) {
        case .failure(let failure):
            return failure.outcome
        case .success(let files):
            let reports = lintProject(files, directory: FrontEnd.directory(of: inputs[0]), environment: environment, options: options, policy: policy)
            return Outcome(reports: reports, inputFailed: false)
        }
    }

    /// A project's files read from memory: one report per file, then those of its env files.
    /// - Parameter keepingFixes: each finding keeps its fix, as edits of its own file (`ProjectFix`).
    static func lintProject(_ files: [SourceFile], directory: String, environment: Environment, options: FrontEndOptions,
                            policy: FindingPolicy, keepingFixes: Bool = false) -> [FileReport] {
        let project = ProjectFrontEnd.process(files, directory: directory, environment: environment, options: options)
        let reports = project.text.split(check(project.processed, options: options, policy: policy).report, keepingFixes: keepingFixes) + project.envFileReports
        return reports.map { $0.capped(at: options.maxFindingsPerFile) }
    }

    /// Every input read, or the outcome of the first that cannot be.
    static func load(_ inputs: [Input], options: FrontEndOptions) -> Result<[SourceFile], OutcomeFailure> {
        var files: [SourceFile] = []
        for input in inputs {
            let outcome = load(input, options: options) { file in
                files.append(file)
                return Outcome(reports: [], inputFailed: false)
            }
            if outcome.inputFailed { return .failure(OutcomeFailure(outcome: outcome)) }
        }
        return .success(files)
    }

    /// An input that could not be read, as the outcome that reports it.
    struct OutcomeFailure: Error {
        let outcome: Outcome
    }

    /// `file` checked as `lint -f FILE` checks it when it is a Compose file that includes or extends
    /// others (`SingleFileProject`): its report first, then those of the files it names. Nil for every other file.
    static func lintAsProject(_ file: SourceFile, directory: String, environment: Environment, options: FrontEndOptions,
                              policy: FindingPolicy) -> Outcome? {
        guard SingleFileProject.applies(to: file, kind: options.kind, limits: options.limits) else { return nil }
        return Outcome(reports: lintProject([file], directory: directory, environment: environment, options: options, policy: policy),
                       inputFailed: false)
    }

    /// An override fragment (`ProjectFragment`) checked merged onto its base, the only way Compose reads
    /// it: its own findings and its env files'; the base's findings are the base's own run's.
    public static func lintFragment(_ input: Input, base: String, environment: Environment, options: FrontEndOptions,
                                    policy: FindingPolicy = .none) -> Outcome {
        let outcome = lintProject([.file(base), input], environment: environment, options: options, policy: policy)
        guard !outcome.inputFailed else { return outcome }
        return Outcome(reports: Array(outcome.reports.dropFirst()), inputFailed: false)
    }

    /// The input read, then `body`; an input that cannot be read is its one finding.
    private static func load(_ input: Input, options: FrontEndOptions, _ body: (SourceFile) -> Outcome) -> Outcome {
        switch FileLoader.load(input, maxBytes: options.limits.maxFileBytes, stdinName: options.stdinName) {
        case .failure(let failure):
            let diagnostic = Diagnostic(rule: .unreadableInput, severity: .error, message: failure.message, range: nil)
            return Outcome(reports: [FileReport(file: SourceFile(path: options.displayName(of: input), bytes: []), diagnostics: [diagnostic])], inputFailed: true)
        case .success(let file):
            return body(file)
        }
    }

    /// One file read from memory: the front end, then `check`.
    public static func lint(_ file: SourceFile, named: Bool = true, environment: Environment, directory: String, options: FrontEndOptions,
                            policy: FindingPolicy = .none) -> FileReport {
        let processed = FrontEnd.process(file, environment: environment, directory: directory, options: options)
        let checked = check(processed, named: named, options: options, policy: policy)
        if let tree = processed.tree, ConcurrentWork.isWorthSplitting(nodeCount: tree.nodes.count) {
            ConcurrentWork.releaseInBackground((processed, checked.document))
        }
        return checked.report
    }

    /// What lint reports about a template the front end has read: the shared checks (`TemplateCheck`),
    /// then configuration settings, then the file's own suppressions; a second pass of the policy grades
    /// the findings about suppressions, which a configuration may turn off too. `render` asks the same
    /// question, so it refuses exactly what lint refuses.
    static func check(_ processed: ProcessedTemplate, named: Bool = true, options: FrontEndOptions,
                      policy: FindingPolicy = .none) -> (document: Document?, report: FileReport) {
        let checked = TemplateCheck.run(processed, kind: options.kind, unknownSeverity: named ? .error : .info, platform: options.platform,
                                        optIn: policy.optIn)
        let kept = SuppressionFilter.apply(to: policy.apply(to: SecretMask.scrubbing(checked.diagnostics, of: processed)), file: processed.file,
                                           tree: processed.written)
        return (checked.document, FileReport(file: processed.file, diagnostics: policy.apply(to: kept)).capped(at: options.maxFindingsPerFile))
    }
}
