import Diagnostics
import Interpolation
import Rules

/// What the command line says about configuration.
public struct ConfigurationOptions: Sendable {
    /// `--config F`: this file for every template, no discovery.
    public var path: String?
    /// Settings typed on the command line; they win over the configuration's.
    public var commandLine: SettingOverrides
    /// `--enable-category C`: opt-in rule categories turned on for every template, beside those the
    /// configuration turns on.
    public var enabledCategories: Set<RuleCategory>
    /// `--enable` / `--disable`, applied after everything else.
    public var ruleSwitches: RuleSwitches

    public init(path: String? = nil, commandLine: SettingOverrides = SettingOverrides(), enabledCategories: Set<RuleCategory> = [],
                ruleSwitches: RuleSwitches = RuleSwitches()) {
        self.path = path
        self.commandLine = commandLine
        self.enabledCategories = enabledCategories
        self.ruleSwitches = ruleSwitches
    }
}

/// The configurations of one run: each template folder's `.stackc.yaml` found once (searching upward,
/// stopping at a folder that holds `.git`), each file read once, its problems reported once.
public struct ConfigurationSet: Sendable {
    public static let fileNames = [".stackc.yaml", ".stackc.yml"]

    let options: ConfigurationOptions
    private var byDirectory: [String: Configuration] = [:]
    private var byPath: [String: Configuration] = [:]
    /// True when a configuration file had an error, which makes the run exit 2.
    public private(set) var failed = false

    /// Finds and reads the configurations of the given template folders (`""` is the current folder),
    /// handing each configuration file's report to `deliver` once, in first-use order.
    public init(options: ConfigurationOptions, directories: [String], deliver: ([FileReport]) -> Void) {
        self.options = options
        // Each folder is searched once, also when it has no configuration (most folders).
        var searched: Set<String> = []
        for directory in directories where searched.insert(directory).inserted {
            let found = options.path ?? Self.find(from: AbsolutePath.make(directory.isEmpty ? "." : directory))
            // Shown relative to the working folder when inside it, as template paths are.
            guard let path = found.map({ AbsolutePath.relative($0, to: AbsolutePath.make(".")) }) else { continue }
            if let known = byPath[path] {
                byDirectory[directory] = known
                continue
            }
            let outcome = ConfigurationReader.read(path: path)
            if !outcome.report.diagnostics.isEmpty { deliver([outcome.report]) }
            failed = failed || outcome.failed
            byPath[path] = outcome.configuration
            byDirectory[directory] = outcome.configuration
        }
    }

    /// The nearest configuration file at or above `directory`; the search ends at the folder that holds
    /// `.git` (the repository root) or at `/`.
    static func find(from directory: String) -> String? {
        var current: String? = directory
        while let folder = current {
            for name in fileNames where AbsolutePath.exists(AbsolutePath.join(folder, name)) {
                return AbsolutePath.join(folder, name)
            }
            if AbsolutePath.exists(AbsolutePath.join(folder, ".git")) { return nil }
            current = AbsolutePath.parent(folder)
        }
        return nil
    }

    public func configuration(forDirectory directory: String) -> Configuration? {
        byDirectory[directory]
    }

    /// Options and rule policy for one template: defaults, then its configuration (with the overrides
    /// whose globs match it), then the command line (`--strict-env`, then `--enable`/`--disable`).
    public func settings(for input: Input, base: FrontEndOptions) -> (options: FrontEndOptions, policy: FindingPolicy) {
        var options = base
        var policy = FindingPolicy()
        if let configuration = byDirectory[FrontEnd.directory(of: input)] {
            let path: String
            switch input {
            case .file(let file): path = AbsolutePath.make(file)
            case .standardInput: path = AbsolutePath.make("<stdin>")
            }
            let resolved = configuration.resolve(forAbsolutePath: path)
            resolved.settings.apply(to: &options)
            policy = resolved.policy
        }
        self.options.commandLine.apply(to: &options)
        policy.enable(self.options.enabledCategories)
        // `--strict-env` is a command-line choice, so it beats a configuration's `unset-variable` setting.
        if base.strictEnvironment { policy.set(.unsetVariable, .error) }
        self.options.ruleSwitches.apply(to: &policy)
        return (options, policy)
    }
}
