import ArgumentParser
import Driver
import Model
import Rules
import Reporting

extension Stackc {
    struct Lint: ParsableCommand {
        // `stackc` as the super-command: lint is parsed on its own first (`Stackc.parsedLint`), and a
        // command parsed as the root without one first tries the arguments as a completion-script
        // request, which costs a third of the parse. Such a request never parses as lint and so goes to
        // the full parser, rooted at `Stackc`, as before; in help and usage lint is only ever shown under
        // `stackc` anyway.
        static let configuration = CommandConfiguration(
            commandName: "lint",
            _superCommandName: "stackc",
            abstract: "Check templates for syntax errors and platform rule violations.",
            discussion: """
            Directories are searched recursively for *.yml and *.yaml files (hidden folders are skipped);
            '-' reads standard input. Findings are printed as file:line:column: severity: message [rule].
            Several reports can be written in one run: --format sarif --output stackc.sarif --format github.
            """
        )

        @Argument(help: "Files, directories, or '-' for standard input.")
        var paths: [String] = ["."]

        @Option(name: [.customShort("f"), .customLong("file")],
                help: ArgumentHelp("A file of one Compose project (repeatable): the files are checked merged, as Docker Compose merges them.",
                                   valueName: "file"))
        var files: [String] = []

        @Option(help: DocumentKind.argumentHelp)
        var kind: DocumentKind?

        @Option(help: ArgumentHelp("Also check the rules of this platform: \(Platform.allCases.map(\.rawValue).joined(separator: ", ")).", valueName: "platform"))
        var target: Platform?

        @Option(help: "Number of files checked in parallel (default: all cores).")
        var jobs: Int?

        @Option(name: .customLong("max-findings"), help: "Findings shown per file; the rest are counted in one note (default: 1000).")
        var maxFindings: Int?

        @Option(help: ArgumentHelp("Use this configuration file for every template instead of the .stackc.yaml found above each.", valueName: "file"))
        var config: String?

        @Option(name: .customLong("enable-category"),
                help: ArgumentHelp("Also run the opt-in rules of this category (repeatable): \(RuleCategory.allCases.map(\.rawValue).joined(separator: ", ")).",
                                   valueName: "category"),
                transform: RuleCategory.argument)
        var enableCategories: [RuleCategory] = []

        @Flag(name: .customLong("skip-unknown"), help: "Give files of no known template kind a note instead of an error, even when named (for pre-commit).")
        var skipUnknown = false

        @Option(name: .customLong("stdin-filename"), help: ArgumentHelp("The name standard input ('-') is reported under.", valueName: "name"))
        var stdinFilename: String?

        @Option(help: ArgumentHelp("Skip files matching this gitignore-style pattern (repeatable), e.g. 'vendor/' or 'deploy/**/old-*.yml'.", valueName: "glob"))
        var exclude: [String] = []

        @Flag(name: .customLong("list-files"), help: "Print the files that would be checked and their detected kind, then exit.")
        var listFiles = false

        @Option(help: ArgumentHelp("Report this rule (repeatable), also where a .stackc.yaml turns it off.", valueName: "rule"))
        var enable: [String] = []

        @Option(help: ArgumentHelp("Drop this rule's findings (repeatable), whatever a .stackc.yaml says.", valueName: "rule"))
        var disable: [String] = []

        @Flag(help: "Apply the fixes proven safe to the files in place, then report what remains (see README: lint --fix).")
        var fix = false

        @Flag(help: "With --fix: print the fixes as a unified diff on standard output and write nothing.")
        var diff = false

        @OptionGroup(title: "Reports and exit status")
        var report: ReportFlags

        @OptionGroup(title: "Limits")
        var limitFlags: LimitFlags

        @OptionGroup(title: "Variables")
        var variables: EnvironmentFlags

        func validate() throws {
            if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
            if let maxFindings, maxFindings < 1 { throw ValidationError("--max-findings must be at least 1") }
            _ = try settings.ruleSwitches()
            if diff, !fix { throw ValidationError("--diff shows what --fix would change; use --fix --diff") }
            if !files.isEmpty, paths != ["."] { throw ValidationError("-f names the files of one project; name no other paths with it") }
            if fix, !diff, paths.contains("-") || files.contains("-") { throw ValidationError("standard input cannot be fixed in place; use --fix --diff") }
        }

        func run() throws {
            try settings.run()
        }

        var settings: LintSettings {
            LintSettings(paths: paths, files: files, kind: kind, target: target, jobs: jobs, maxFindings: maxFindings, config: config,
                         enableCategories: enableCategories, skipUnknown: skipUnknown, stdinFilename: stdinFilename, exclude: exclude, listFiles: listFiles,
                         enable: enable, disable: disable, fix: fix ? (diff ? .diff : .write) : nil, report: report.settings, limits: limitFlags.settings, variables: variables.settings)
        }
    }
}

extension DocumentKind: ExpressibleByArgument {
    /// `--kind`, the same for every command that takes it.
    static let argumentHelp = ArgumentHelp("Read every template as this kind instead of detecting it: \(allCases.map(\.rawValue).joined(separator: ", ")).",
                                           valueName: "kind")
}
extension Platform: ExpressibleByArgument {}

extension RuleCategory {
    /// `--enable-category`'s value; an unknown name is a usage error naming the closest category.
    static func argument(_ text: String) throws -> RuleCategory {
        try named(text).mapError { ValidationError($0.message) }.get()
    }
}
