import Diagnostics

/// An output format. Reporters are pure: they turn file reports into text and the driver decides where
/// the text goes, so every format is testable without a terminal or a file.
///
/// Streaming formats return text for each file as it arrives (input order is the driver's job);
/// document formats such as JSON keep state and return everything from `finish`.
public protocol Reporter {
    /// Text to emit for one file, as soon as it is known.
    mutating func report(_ file: FileReport) -> String
    /// Text to emit at the end of the run.
    mutating func finish(_ summary: Summary) -> String
}

/// The output formats `lint` offers.
public enum ReportFormat: String, CaseIterable, Sendable {
    case text
    case json
    case sarif
    case github
    case junit
    case gitlab
    case rdjson
    case checkstyle

    /// Whether the format carries findings' fixes (SARIF `fixes`, rdjson `suggestions`): a run writing
    /// one proves each fix first, as `lint --fix` would, and lints no more than that otherwise.
    public var showsFixes: Bool { self == .sarif || self == .rdjson }

    public func makeReporter(_ context: ReportContext) -> any Reporter {
        switch self {
        case .text: TextReporter(colors: context.colors)
        case .json: JSONReporter()
        case .sarif: SARIFReporter(context)
        case .github: GitHubReporter(sourceTree: context.sourceTree)
        case .junit: JUnitReporter()
        case .gitlab: GitLabReporter(sourceTree: context.sourceTree)
        case .rdjson: RDJSONReporter(sourceTree: context.sourceTree)
        case .checkstyle: CheckstyleReporter()
        }
    }
}

/// What some formats need beyond the findings: SARIF lists every rule, SARIF, GitHub annotations, GitLab
/// Code Quality and rdjson name files relative to the checkout, text may use colour.
public struct ReportContext: Sendable {
    public var colors: Bool
    public var sourceTree: SourceTree
    /// The rule catalogue, for SARIF's `tool.driver.rules`.
    public var rules: [RuleInfo]
    public var toolVersion: String

    public init(colors: Bool = false, sourceTree: SourceTree = SourceTree(workingDirectory: ""), rules: [RuleInfo] = [], toolVersion: String = "") {
        self.colors = colors
        self.sourceTree = sourceTree
        self.rules = rules
        self.toolVersion = toolVersion
    }
}

/// The documentation of one rule as reporters need it. Reporting does not depend on the rule catalogue
/// (reporters never see templates), so the driver hands the catalogue in as these.
public struct RuleInfo: Sendable, Equatable {
    public var id: RuleID
    public var severity: Severity
    /// One line, no period.
    public var summary: String
    /// Why the rule exists.
    public var rationale: String

    public init(id: RuleID, severity: Severity, summary: String, rationale: String) {
        self.id = id
        self.severity = severity
        self.summary = summary
        self.rationale = rationale
    }
}
