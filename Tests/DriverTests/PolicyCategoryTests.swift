import Driver
import Rules
import TestSupport
import Testing

/// The opt-in security rules are off on a plain lint and turned on by `--enable-category` (here its
/// in-process form, `ConfigurationOptions.enabledCategories`), by `enable-categories:` in `.stackc.yaml`
/// (also per override), or one by one with a rule setting; a configuration naming an unknown category
/// stops the run with a positioned error naming the categories there are.
struct PolicyCategoryTests {
    /// One service that breaks every Compose policy.
    static let risky = """
    services:
      web:
        image: nginx
        privileged: true
        cap_add: [ALL]
        network_mode: host
        ports: ["8080:80"]
        volumes: [/var/run/docker.sock:/var/run/docker.sock]

    """

    static let everyPolicy = ["broad-capability", "docker-socket-mount", "host-namespace", "missing-healthcheck", "missing-memory-limit",
                              "port-all-interfaces", "privileged-container", "unpinned-image"]

    struct Run {
        let status: ExitStatus
        let output: String
        /// The rule id of every finding, in report order.
        var rules: [String] {
            output.split(separator: "\n").compactMap { line in
                guard line.hasSuffix("]"), let open = line.lastIndex(of: "[") else { return nil }
                return String(line[line.index(after: open)..<line.index(before: line.endIndex)])
            }
        }
    }

    static func lint(_ paths: [String], in folder: TemporaryDirectory, categories: Set<RuleCategory> = []) -> Run {
        var job = LintJob(paths: paths.map { folder.path + "/" + $0 }, options: FrontEndOptions(), environment: EnvironmentOptions(process: []), jobs: 1)
        job.configuration = ConfigurationOptions(enabledCategories: categories)
        let run = JobRun { job.run(output: $0, errors: $1) }
        return Run(status: run.status, output: run.output)
    }

    static func project(_ files: [String: String]) throws -> TemporaryDirectory {
        let folder = try TemporaryDirectory()
        try folder.makeDirectory(".git")
        for (path, text) in files { try folder.write(path, text) }
        return folder
    }

    @Test func offByDefault() throws {
        let folder = try Self.project(["compose.yaml": Self.risky])
        let run = Self.lint(["compose.yaml"], in: folder)
        #expect(run.status == .success && run.output.isEmpty, "\(run.output)")
    }

    @Test func theCommandLineCategoryTurnsEveryPolicyRuleOn() throws {
        let folder = try Self.project(["compose.yaml": Self.risky])
        let run = Self.lint(["compose.yaml"], in: folder, categories: [.security])
        #expect(Set(run.rules) == Set(Self.everyPolicy), "\(run.output)")
        #expect(run.status == .success, "policy findings are warnings")
    }

    @Test func theConfigurationTurnsTheCategoryOnAndCanStillTurnOneRuleOff() throws {
        let folder = try Self.project(["compose.yaml": Self.risky, ".stackc.yaml": "enable-categories: [security]\nrules: {unpinned-image: off}\n"])
        let run = Self.lint(["compose.yaml"], in: folder)
        #expect(Set(run.rules) == Set(Self.everyPolicy).subtracting(["unpinned-image"]), "\(run.output)")
    }

    @Test func anOverrideTurnsTheCategoryOnForItsFilesOnly() throws {
        let folder = try Self.project([
            "prod/compose.yaml": Self.risky, "dev/compose.yaml": Self.risky,
            ".stackc.yaml": "overrides:\n  - files: prod/**\n    enable-categories: [security]\n",
        ])
        let run = Self.lint(["dev/compose.yaml", "prod/compose.yaml"], in: folder)
        #expect(run.rules.count == Self.everyPolicy.count, "\(run.output)")
        #expect(!run.output.contains("dev/compose.yaml"), "\(run.output)")
    }

    @Test func aRuleSettingTurnsOnThatRuleAlone() throws {
        let folder = try Self.project(["compose.yaml": Self.risky, ".stackc.yaml": "rules: {privileged-container: error}\n"])
        let run = Self.lint(["compose.yaml"], in: folder)
        #expect(run.rules == ["privileged-container"], "\(run.output)")
        #expect(run.output.contains(": error: service 'web' runs privileged"), "\(run.output)")
        #expect(run.status == .findings)
    }

    @Test func anUnknownCategoryInTheConfigurationStopsTheRun() throws {
        let folder = try Self.project(["compose.yaml": Self.risky, ".stackc.yaml": "enable-categories: [securty]\n"])
        let run = Self.lint(["compose.yaml"], in: folder)
        #expect(run.status == .failure, "\(run.output)")
        #expect(run.output.contains(".stackc.yaml:1:21: error: enable-categories[0] must be one of 'security', not 'securty' [type-mismatch]"), "\(run.output)")
    }
}
