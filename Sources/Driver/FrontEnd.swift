import Diagnostics
import Interpolation
import Model
import Rules
import Syntax

/// Settings shared by every command that reads templates.
public struct FrontEndOptions: Sendable {
    public var limits: ReaderLimits
    /// False for `--no-interpolate`: templates are checked as written.
    public var interpolate: Bool
    /// Variables never substituted nor reported unset (the aliyun server injects them).
    public var preservedNames: Set<String>
    public var projectName: String?
    /// `--kind`: skip detection and read every template as this kind.
    public var kind: DocumentKind?
    /// `--max-findings`: findings shown per file before the rest are summarised in one note.
    public var maxFindingsPerFile = 1000
    /// `--stdin-filename`: the name standard input is reported under (else `<stdin>`).
    public var stdinName: String?
    /// `--profile`: the Compose profiles enabled (else `COMPOSE_PROFILES`; see `ProfileSelection`).
    public var profiles: [String] = []
    /// For `build` and `submit`: a project becomes one template that needs no other file
    /// (`ProjectResolution.Settings.selfContained`).
    public var selfContained = false
    /// For `render --normalize`: running services keep `profiles`, as Compose's model holds them
    /// (`ProjectResolution.Settings.keepsProfiles`).
    public var keepsProfiles = false

    /// How an input is named in reports.
    public func displayName(of input: Input) -> String {
        input == .standardInput ? stdinName ?? input.displayName : input.displayName
    }
    /// `--strict-env`: a variable that is unset (and has no default) is an error, not a warning, so CI
    /// can refuse what a laptop only warns about.
    public var strictEnvironment = false
    /// `--target`: also run the rules of this platform. The aliyun server substitutes
    /// `COMPOSE_PROJECT_NAME` itself, so for aliyun it is preserved like the other injected names.
    public var platform: Platform? {
        didSet { if platform == .aliyun { preservedNames.insert("COMPOSE_PROJECT_NAME") } }
    }

    public init(limits: ReaderLimits = .default, interpolate: Bool = true, preservedNames: Set<String> = FrontEndOptions.platformNames,
                projectName: String? = nil, kind: DocumentKind? = nil, platform: Platform? = nil) {
        self.limits = limits
        self.interpolate = interpolate
        self.preservedNames = preservedNames
        self.projectName = projectName
        self.kind = kind
        self.platform = platform
        if platform == .aliyun { self.preservedNames.insert("COMPOSE_PROJECT_NAME") }
    }

    /// Deploy-time names of the aliyun platform that no local environment can know; preserved in every
    /// mode so a template written for the platform lints clean. `COMPOSE_PROJECT_NAME` is added only
    /// for aliyun targets, since locally Compose resolves it to the project name.
    public static let platformNames: Set<String> = ["ACS_PROJECT_VERSION", "ACS_DEFAULT_DOMAIN"]
}

/// A template after the shared stages: read, then interpolated.
public struct ProcessedTemplate: Sendable {
    public let file: SourceFile
    /// The tree as written, when it could be read.
    public let written: YAMLTree?
    /// The tree after interpolation (equal to `written` with `--no-interpolate`).
    public let interpolated: InterpolatedTree?
    /// The variables the template was interpolated with (`COMPOSE_PROJECT_NAME` included).
    public let environment: Environment
    public let diagnostics: [Diagnostic]
    /// For a project run with chosen profiles, the services they set aside and the profiles of each
    /// (`ProjectResolution.Result.setAside`), which the rules name when a running service needs one.
    public var setAside: [String: [String]] = [:]
    /// The variables included projects add where their files were written (`IncludedEnvironment`).
    public var included: [IncludedEnvironment] = []

    public var tree: YAMLTree? { interpolated?.tree ?? written }
}

/// Syntax → Interpolation for one file, the part every command shares.
public enum FrontEnd {
    public static func process(_ file: SourceFile, environment: Environment, directory: String, options: FrontEndOptions) -> ProcessedTemplate {
        let read = YAMLReader.read(file, limits: options.limits)
        return interpolate(file, tree: read.tree, readDiagnostics: read.diagnostics, environment: environment, directory: directory, options: options)
    }

    /// The part after reading, for a tree read by other means (a project's files merged into one).
    static func interpolate(_ file: SourceFile, tree: YAMLTree?, readDiagnostics: [Diagnostic], environment: Environment, directory: String,
                            options: FrontEndOptions, included: [IncludedEnvironment] = []) -> ProcessedTemplate {
        guard let tree else {
            return ProcessedTemplate(file: file, written: nil, interpolated: nil, environment: environment, diagnostics: readDiagnostics)
        }
        guard options.interpolate else {
            return ProcessedTemplate(file: file, written: tree, interpolated: nil, environment: environment, diagnostics: readDiagnostics)
        }
        var environment = environment
        var diagnostics = readDiagnostics
        if !options.preservedNames.contains("COMPOSE_PROJECT_NAME") {
            let resolved = ProjectName.resolve(explicit: options.projectName, environment: environment, tree: tree, directory: directory)
            environment.set("COMPOSE_PROJECT_NAME", resolved.name, source: options.projectName == nil ? .process : .commandLine)
            if resolved.isFolderName, resolved.name.isEmpty {
                diagnostics.append(Diagnostic(
                    rule: ComposeProjectName.rule, severity: .error,
                    message: "the project has no name: its folder's name '\(excerpt(ProjectName.folderName(directory)))' leaves nothing once Compose lower-cases it and keeps only a–z 0–9 - _, "
                        + "and Compose refuses an empty project name; add a top-level name:, or pass -p or COMPOSE_PROJECT_NAME",
                    range: SourceRange(at: tree[tree.root].range.start), path: .root))
            }
        }
        let settings = InterpolationSettings(environment: environment, preservedNames: options.preservedNames, included: included)
        let interpolated = TreeInterpolator.interpolate(tree, settings: settings)
        diagnostics += interpolated.diagnostics
        if options.strictEnvironment {
            for index in diagnostics.indices where diagnostics[index].rule == .unsetVariable { diagnostics[index].severity = .error }
        }
        return ProcessedTemplate(file: file, written: tree, interpolated: interpolated, environment: environment, diagnostics: diagnostics,
                                 included: included)
    }

    /// The folder a template's `.env` and project name come from.
    public static func directory(of input: Input) -> String {
        guard case .file(let path) = input, let slash = path.lastIndex(of: "/") else { return "" }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }
}
