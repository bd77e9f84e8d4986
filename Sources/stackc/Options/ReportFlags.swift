import ArgumentParser
import Driver
import Reporting

/// The flags of `lint` that decide what is reported, where, and when the run fails.
struct ReportFlags: ParsableArguments {
    @Option(help: ArgumentHelp("Report format; repeatable, each --format may be followed by --output FILE.", valueName: "format"))
    var format: [ReportFormat] = []

    @Option(help: ArgumentHelp("Write the report of the --format before it to this file (atomically) instead of standard output.", valueName: "file"))
    var output: [String] = []

    @Option(name: .customLong("fail-on"), help: ArgumentHelp("Lowest severity that makes the exit status 1.", valueName: "severity"))
    var failOn: FailurePolicy.Threshold?

    @Flag(help: "Treat warnings as errors for the exit status (the same as --fail-on warning).")
    var strict = false

    @Option(name: .customLong("max-warnings"), help: ArgumentHelp("Exit 1 when there are more than N warnings, whatever --fail-on says.", valueName: "N"))
    var maxWarnings: Int?

    @Flag(name: [.customShort("q"), .long], help: "Report and count error-level findings only.")
    var quiet = false

    @Option(help: ArgumentHelp("Colour the text report; auto colours a terminal unless NO_COLOR is set.", valueName: "when"))
    var color: ColorChoice = .auto

    @Option(help: ArgumentHelp("Hide the findings recorded in this baseline file; only new ones are reported and counted.", valueName: "file"))
    var baseline: String?

    @Option(name: .customLong("write-baseline"), help: ArgumentHelp("Record every finding of this run in a baseline file and report none.", valueName: "file"))
    var writeBaseline: String?

    func validate() throws {
        if strict, let failOn, failOn != .warning {
            throw ValidationError("--strict means --fail-on warning; it cannot be combined with --fail-on \(failOn.rawValue)")
        }
        if let maxWarnings, maxWarnings < 0 { throw ValidationError("--max-warnings must be 0 or more") }
        _ = try settings.destinations()
    }

    var settings: ReportSettings {
        ReportSettings(format: format, output: output, failOn: failOn, strict: strict, maxWarnings: maxWarnings, quiet: quiet,
                       color: color, baseline: baseline, writeBaseline: writeBaseline)
    }
}

/// The values of `ReportFlags` (see `LintSettings`), defaults being the flags' own.
struct ReportSettings: Equatable {
    var format: [ReportFormat] = []
    var output: [String] = []
    var failOn: FailurePolicy.Threshold?
    var strict = false
    var maxWarnings: Int?
    var quiet = false
    var color: ColorChoice = .auto
    var baseline: String?
    var writeBaseline: String?

    func destinations() throws -> [ReportDestination] {
        do {
            return try ReportDestination.pair(order: ReportDestination.flagOrder(in: CommandLine.arguments), formats: format, outputs: output)
        } catch {
            throw ValidationError(error.description)
        }
    }

    /// Everything `LintJob` needs to report; reads the baseline file (exit 2 when it is malformed).
    func reportOptions(toolVersion: String) throws -> LintReportOptions {
        let destinations = try destinations()
        var loaded: Baseline?
        if let baseline {
            do {
                loaded = try Baseline.load(baseline)
            } catch {
                Terminal.write("stackc: \(error.description)\n", to: Terminal.standardError)
                throw ExitCode(2)
            }
        }
        let workingDirectory = Terminal.workingDirectory()
        let environment = ["GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY", "GITHUB_WORKSPACE", "GITLAB_CI", "CI_PROJECT_DIR"].reduce(into: [String: String]()) { $0[$1] = Terminal.environment($1) }
        return LintReportOptions(
            destinations: destinations,
            colors: Terminal.wantsColor(stdoutDescriptor: Terminal.standardOutput, choice: color),
            policy: FailurePolicy(failOn: failOn ?? (strict ? .warning : .error), maxWarnings: maxWarnings),
            errorsOnly: quiet, baseline: loaded, writeBaseline: writeBaseline,
            stepSummary: LintReportOptions.stepSummaryPath(environment: environment, destinations: destinations),
            workingDirectory: workingDirectory,
            sourceRoot: LintReportOptions.sourceRoot(environment: environment, workingDirectory: workingDirectory), toolVersion: toolVersion)
    }
}

extension ReportFormat: ExpressibleByArgument {}
extension FailurePolicy.Threshold: ExpressibleByArgument {}
extension ColorChoice: ExpressibleByArgument {}
