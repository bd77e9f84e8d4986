import Foundation
import Testing
import TestSupport

/// `lint --enable RULE` / `--disable RULE` end to end: they beat `.stackc.yaml` (its rules and
/// overrides) and `--strict-env`, and an unknown id is a usage error naming the closest rule.
struct RuleSwitchTests {
    static let badPortAndUnsetTag = """
    services:
      web: {image: "nginx:${TAG}", ports: ["70000:80"]}
    """

    static func lint(_ arguments: [String], config: String? = nil) throws -> StackcRun {
        var files = ["compose.yaml": Self.badPortAndUnsetTag]
        if let config { files[".stackc.yaml"] = config }
        let folder = try ConfigurationTests.project(files)
        return try runStackc(["lint", "--format", "json"] + arguments + ["compose.yaml"], removingEnvironment: ["TAG"], currentDirectory: folder.url)
    }

    /// `rule:severity` of each finding.
    static func findings(_ run: StackcRun) throws -> [String] {
        let json = try #require(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any], "\(run.stderr)")
        return try #require(json["diagnostics"] as? [[String: Any]]).map { "\($0["rule"]!):\($0["severity"]!)" }
    }

    @Test func withoutSwitchesBothAreReported() throws {
        #expect(try Self.findings(try Self.lint([])) == ["unset-variable:warning", "port-range:error"])
    }

    @Test func disableDropsARuleAndRepeats() throws {
        let run = try Self.lint(["--disable", "port-range"])
        #expect(run.status == 0)
        #expect(try Self.findings(run) == ["unset-variable:warning"])
        #expect(try Self.findings(try Self.lint(["--disable", "port-range", "--disable", "unset-variable"])) == [])
    }

    @Test func disableBeatsTheConfigurationAndStrictEnv() throws {
        let config = "rules: {port-range: error}\noverrides:\n  - files: compose.yaml\n    rules: {unset-variable: error}\n"
        #expect(try Self.findings(try Self.lint(["--disable", "unset-variable", "--strict-env"], config: config)) == ["port-range:error"])
    }

    @Test func enableUndoesAnOffAndKeepsAConfiguredSeverity() throws {
        let config = "rules: {port-range: off, unset-variable: error}\n"
        #expect(try Self.findings(try Self.lint([], config: config)) == ["unset-variable:error"])
        #expect(try Self.findings(try Self.lint(["--enable", "port-range", "--enable", "unset-variable"], config: config))
            == ["unset-variable:error", "port-range:error"])
        let overridden = "overrides:\n  - files: '*.yaml'\n    rules: {port-range: off}\n"
        #expect(try Self.findings(try Self.lint(["--enable", "port-range"], config: overridden)) == ["unset-variable:warning", "port-range:error"])
    }

    @Test func unknownIdsAreUsageErrorsWithASuggestion() throws {
        let run = try Self.lint(["--disable", "port-rnage"])
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains("--disable: unknown rule 'port-rnage'; did you mean 'port-range'?"), "\(run.stderr)")
        let far = try Self.lint(["--enable", "zzzzzzzz"])
        #expect(far.status == 2 && far.stderr.contains("--enable: unknown rule 'zzzzzzzz' (stackc rules lists them)"), "\(far.stderr)")
    }

    @Test func aRuleCannotBeBothEnabledAndDisabled() throws {
        let run = try Self.lint(["--enable", "port-range", "--disable", "port-range"])
        #expect(run.status == 2 && run.stderr.contains("rule 'port-range' is given to both --enable and --disable"), "\(run.stderr)")
    }
}
