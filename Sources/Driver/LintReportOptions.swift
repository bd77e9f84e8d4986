import Reporting

/// What a `lint` run reports and when it fails: the reports and where they go, which findings are
/// shown (`--quiet`, a baseline), the failure threshold, and the GitHub Actions job summary.
public struct LintReportOptions: Sendable {
    public var destinations: [ReportDestination]
    /// Colour for a text report on standard output (`--color`).
    public var colors: Bool
    public var policy: FailurePolicy
    /// `--quiet`: only error-level findings are reported and counted.
    public var errorsOnly: Bool
    /// `--baseline F`: findings recorded there are hidden and not counted.
    public var baseline: Baseline?
    /// `--write-baseline F`: record every finding of this run there (and report none).
    public var writeBaseline: String?
    /// `$GITHUB_STEP_SUMMARY`, when a `github` report runs inside GitHub Actions.
    public var stepSummary: String?
    /// Absolute; baselines and `--exclude` patterns use paths relative to it.
    public var workingDirectory: String
    /// The checkout that CI reports name files relative to (`sourceRoot(…)`); nil
    /// for the working folder.
    public var sourceRoot: String?
    public var toolVersion: String

    public init(destinations: [ReportDestination] = [ReportDestination(format: .text)], colors: Bool = false,
                policy: FailurePolicy = FailurePolicy(), errorsOnly: Bool = false, baseline: Baseline? = nil,
                writeBaseline: String? = nil, stepSummary: String? = nil, workingDirectory: String = "", sourceRoot: String? = nil,
                toolVersion: String = "") {
        self.destinations = destinations
        self.colors = colors
        self.policy = policy
        self.errorsOnly = errorsOnly
        self.baseline = baseline
        self.writeBaseline = writeBaseline
        self.stepSummary = stepSummary
        self.workingDirectory = workingDirectory
        self.sourceRoot = sourceRoot
        self.toolVersion = toolVersion
    }

    /// The job summary file when GitHub Actions asks for one (`GITHUB_ACTIONS=true` and
    /// `GITHUB_STEP_SUMMARY` set) and one of the reports is GitHub annotations.
    public static func stepSummaryPath(environment: [String: String], destinations: [ReportDestination]) -> String? {
        guard environment["GITHUB_ACTIONS"] == "true", let path = environment["GITHUB_STEP_SUMMARY"], !path.isEmpty,
              destinations.contains(where: { $0.format == .github }) else { return nil }
        return path
    }

    /// The CI checkout when the working folder is in it — GitHub's `$GITHUB_WORKSPACE` inside GitHub Actions,
    /// GitLab's `$CI_PROJECT_DIR` inside GitLab CI — so a job run in a subfolder still names files as the
    /// repository does.
    public static func sourceRoot(environment: [String: String], workingDirectory: String) -> String? {
        let checkout = environment["GITHUB_ACTIONS"] == "true" ? environment["GITHUB_WORKSPACE"]
            : environment["GITLAB_CI"] == "true" ? environment["CI_PROJECT_DIR"] : nil
        guard let checkout, checkout.hasPrefix("/") else { return nil }
        let root = checkout.hasSuffix("/") ? String(checkout.dropLast()) : checkout
        return workingDirectory == root || workingDirectory.hasPrefix(root + "/") ? root : nil
    }

    var context: ReportContext {
        ReportContext(colors: colors, sourceTree: SourceTree(workingDirectory: workingDirectory, root: sourceRoot),
                      // Only SARIF lists the catalogue; building it costs a pre-commit run a millisecond.
                      rules: destinations.contains(where: { $0.format == .sarif }) ? ReportSinks.ruleInfos : [], toolVersion: toolVersion)
    }
}
