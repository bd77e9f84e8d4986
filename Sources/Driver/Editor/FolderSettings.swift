import Diagnostics
import Interpolation
import Model

/// What `stackc lint` would use for the templates of one folder — the `.stackc.yaml` found above it,
/// the `.env` beside it or the configuration's `env-files` — kept so that an editor can lint text it
/// holds in memory, at every keystroke, exactly as `lint` would lint the saved file, without looking
/// for and reading those files each time. A language server keeps one per folder and makes a new one
/// when a configuration or env file changes.
public struct FolderSettings: Sendable {
    /// The folder, absolute, as `FrontEnd.directory(of:)` gives it for a file in it.
    public let directory: String
    /// Problems found in the configuration and env files themselves, each in its own file's report.
    public let reports: [FileReport]
    private let configurations: ConfigurationSet
    private let environment: Environment
    private let options: FrontEndOptions

    public init(directory: String, options: FrontEndOptions = FrontEndOptions(),
                environment: EnvironmentOptions = EnvironmentOptions()) {
        var reports: [FileReport] = []
        let configurations = ConfigurationSet(options: ConfigurationOptions(), directories: [directory], deliver: { reports += $0 })
        let loaded = options.interpolate
            ? EnvironmentLoader(options: environment).load(forDirectory: directory, configuration: configurations.configuration(forDirectory: directory))
            : EnvironmentLoader.Loaded(environment: Environment(), reports: [], failed: false)
        self.directory = directory
        self.reports = reports + loaded.reports
        self.configurations = configurations
        self.environment = loaded.environment
        self.options = options
    }

    /// The findings `stackc lint` would print for `bytes` saved at `path` (a file in this folder), as for
    /// a file met while walking a folder; nil when the text is no template of a known kind, which an
    /// editor shows nothing for (it may be any YAML). A Compose file that includes or extends others is
    /// checked with them, read from disk, as lint checks it; the document shows its own part. One that
    /// only others extend has their services' images (`ExtendsBase`), as for lint.
    public func lint(path: String, bytes: [UInt8]) -> FileReport? {
        let file = SourceFile(path: path, bytes: bytes)
        let settings = configurations.settings(for: .file(path), base: options)
        if let project = LintPipeline.lintAsProject(file, directory: directory, environment: environment, options: settings.options,
                                                    policy: settings.policy) {
            // What the includes left may be of no kind (every included file missing): shown as for any other such text.
            return project.reports.first.flatMap { report in report.diagnostics.contains { $0.rule == .unknownKind } ? nil : report }
        }
        let checked = check(file)
        return checked.isTemplate ? ExtendsBase.relax(checked.report, limits: settings.options.limits) : nil
    }

    /// `report` (of a file in this folder) with only the fixes `lint --fix` would make
    /// (`FixEngine.provingFixes`): the ones an editor may offer.
    public func provingFixes(_ report: FileReport) -> FileReport {
        FixEngine.provingFixes(report) { check($0).report }
    }

    /// `lint --fix` of a text held in memory: every fix proven safe, applied. Nothing is written.
    public func fix(path: String, bytes: [UInt8]) -> FileFix {
        FixEngine.fix(SourceFile(path: path, bytes: bytes)) { check($0).report }
    }

    /// The findings of a text, and whether it is a template of a known kind.
    private func check(_ file: SourceFile) -> (report: FileReport, isTemplate: Bool) {
        let input = Input.file(file.path)
        let settings = configurations.settings(for: input, base: options)
        let processed = FrontEnd.process(file, environment: environment, directory: directory, options: settings.options)
        let checked = LintPipeline.check(processed, named: false, options: settings.options, policy: settings.policy)
        let unknown = checked.document == nil && processed.tree != nil && checked.report.diagnostics.contains { $0.rule == .unknownKind }
        return (checked.report, !unknown)
    }
}
