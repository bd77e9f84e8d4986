import ArgumentParser
import Driver
import Model
import Rules

/// What a `lint` command line says, as plain values, and the run it asks for. `Stackc.Lint` fills it
/// from swift-argument-parser; a command line of file names and switches — what a pre-commit hook
/// passes (`lint --skip-unknown FILE…`) — fills it without the parser (`init(fileNamesOnly:)`), as
/// parsing costs two thirds of such a run. The defaults here must be the flags' own:
/// `LintSettingsTests` compares the two for such command lines, and the CLI tests compare their output
/// with the parser's (`lint -- FILE…`).
struct LintSettings: Equatable {
    var paths: [String] = ["."]
    /// `-f`: the files of one Compose project, checked merged.
    var files: [String] = []
    var kind: DocumentKind?
    var target: Platform?
    var jobs: Int?
    var maxFindings: Int?
    var config: String?
    var enableCategories: [RuleCategory] = []
    var skipUnknown = false
    var stdinFilename: String?
    var exclude: [String] = []
    var listFiles = false
    var enable: [String] = []
    var disable: [String] = []
    var fix: FixMode?
    var report = ReportSettings()
    var limits = LimitSettings()
    var variables = EnvironmentSettings()

    func run() throws {
        var options = variables.frontEndOptions(kind: kind, platform: target)
        options.maxFindingsPerFile = maxFindings ?? options.maxFindingsPerFile
        options.limits = limits.limits
        options.stdinName = stdinFilename
        var job = LintJob(paths: paths, options: options, environment: variables.environmentOptions,
                          jobs: jobs ?? Terminal.coreCount(), reporting: try report.reportOptions(toolVersion: Stackc.version))
        job.exclude = exclude.map(PathGlob.init)
        var commandLine = limits.overrides
        commandLine.kind = kind
        commandLine.platform = target
        commandLine.maxFindings = maxFindings
        job.configuration = ConfigurationOptions(path: config, commandLine: commandLine, enabledCategories: Set(enableCategories),
                                                 ruleSwitches: try ruleSwitches())
        job.skipUnknownKinds = skipUnknown
        job.fix = fix
        job.projectFiles = files
        let status = listFiles
            ? job.listFiles(output: { Terminal.write($0, to: Terminal.standardOutput) }, errors: { Terminal.write($0, to: Terminal.standardError) })
            : job.run(output: { Terminal.write($0, to: Terminal.standardOutput) }, errors: { Terminal.write($0, to: Terminal.standardError) })
        if status != .success { throw ExitCode(status.rawValue) }
    }
}

extension LintSettings {
    /// `--enable` and `--disable`, checked (a usage error names the closest rule id).
    func ruleSwitches() throws -> RuleSwitches {
        do {
            return try RuleSwitches(enable: enable, disable: disable)
        } catch {
            throw ValidationError(error.description)
        }
    }
}

// In an extension, so that the settings keep their memberwise initializer (`Stackc.Lint.settings`).
extension LintSettings {
    /// The settings of `stackc lint FILE…` when each argument after `lint` is a path (it does not start
    /// with `-`) or one of the `Switch`es, each given once; nil for any other command line, which the
    /// parser reads (and words the errors of).
    init?(fileNamesOnly arguments: [String]) {
        guard arguments.first == Stackc.Lint.configuration.commandName else { return nil }
        var paths: [String] = []
        for argument in arguments.dropFirst() {
            guard argument.hasPrefix("-") else {
                paths.append(argument)
                continue
            }
            guard let flag = Switch(rawValue: argument), turnOn(flag) else { return nil }
        }
        if !paths.isEmpty { self.paths = paths }
    }

    /// `lint`'s flags that take no value, as the parser spells them.
    enum Switch: String, CaseIterable {
        case skipUnknown = "--skip-unknown", listFiles = "--list-files", strict = "--strict", quiet = "--quiet", shortQuiet = "-q"
        case noInterpolate = "--no-interpolate", strictEnv = "--strict-env"
    }

    /// Sets the switch's value; false when it was set already (given twice, which the parser judges).
    private mutating func turnOn(_ flag: Switch) -> Bool {
        func turnOn(_ value: inout Bool) -> Bool {
            defer { value = true }
            return !value
        }
        switch flag {
        case .skipUnknown: return turnOn(&skipUnknown)
        case .listFiles: return turnOn(&listFiles)
        case .strict: return turnOn(&report.strict)
        case .quiet, .shortQuiet: return turnOn(&report.quiet)
        case .noInterpolate: return turnOn(&variables.noInterpolate)
        case .strictEnv: return turnOn(&variables.strictEnv)
        }
    }
}
