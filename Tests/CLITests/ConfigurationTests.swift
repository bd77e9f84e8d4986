import Foundation
import Testing
import TestSupport

/// `.stackc.yaml` end to end: discovery, every key, precedence of the command line, and positioned
/// findings (exit 2, no crash) for configurations that cannot be used as written.
struct ConfigurationTests {
    /// A project folder with `.git`, so the upward search never leaves it, holding the given files.
    static func project(_ files: [String: String]) throws -> TemporaryDirectory {
        let folder = try TemporaryDirectory()
        try folder.makeDirectory(".git")
        for (path, text) in files { try folder.write(path, text) }
        return folder
    }

    static func lint(_ arguments: [String], in folder: TemporaryDirectory) throws -> StackcRun {
        try runStackc(["lint"] + arguments, currentDirectory: folder.url)
    }

    static let badPorts = """
    services:
      web: {image: nginx, ports: ["70000:80"]}
    """

    @Test func rulesCanBeTurnedOffAndRegraded() throws {
        let folder = try Self.project(["compose.yaml": Self.badPorts, ".stackc.yaml": "rules: {port-range: warning}\n"])
        let graded = try Self.lint(["compose.yaml"], in: folder)
        #expect(graded.status == 0)
        #expect(graded.stdout.hasPrefix("compose.yaml:2:31: warning: port '70000:80'"), "\(graded.stdout)")
        try folder.write(".stackc.yaml", "rules:\n  port-range: off\n")
        let off = try Self.lint(["compose.yaml"], in: folder)
        #expect(off.status == 0 && off.stdout.isEmpty, "\(off.stdout)")
    }

    @Test func theNearestConfigurationAboveEachFileApplies() throws {
        let folder = try Self.project([
            "a/compose.yaml": Self.badPorts, "b/deep/compose.yaml": Self.badPorts,
            ".stackc.yaml": "rules: {port-range: off}\n", "b/.stackc.yaml": "rules: {port-range: info}\n",
        ])
        let run = try Self.lint(["."], in: folder)
        #expect(run.stdout == "b/deep/compose.yaml:2:31: info: port '70000:80' of service 'web' has the host port 70000; use a port from 1 to 65535 [port-range]\n")
    }

    @Test func theSearchStopsAtTheRepositoryRoot() throws {
        let folder = try Self.project([".stackc.yaml": "rules: {port-range: off}\n", "repo/compose.yaml": Self.badPorts])
        try folder.makeDirectory("repo/.git")
        #expect(try Self.lint(["repo/compose.yaml"], in: folder).status == 1, "the configuration above the repository root must not apply")
    }

    @Test func overridesApplyByGlobInFileOrderAndOnRestoresTheDefault() throws {
        let folder = try Self.project([
            "legacy/old/compose.yaml": Self.badPorts, "new/compose.yaml": Self.badPorts, "new/extra.compose.yml": Self.badPorts,
            ".stackc.yaml": """
            rules: {port-range: off}
            overrides:
              - files: legacy/**
                rules: {port-range: warning}
              - files: ["*.yml"]
                rules: {port-range: on}
            """,
        ])
        let run = try Self.lint(["."], in: folder)
        let lines = run.stdout.split(separator: "\n").map { $0.prefix { $0 != "'" } }
        #expect(lines == ["legacy/old/compose.yaml:2:31: warning: port ", "new/extra.compose.yml:2:31: error: port "], "\(run.stdout)")
    }

    @Test func kindAndTargetComeFromTheConfigurationUnlessTyped() throws {
        let folder = try Self.project([
            "data.yaml": "name: app\ndata: {k: dg==}\n",
            "gpu.yaml": "web:\n  image: nginx\n  labels: {aliyun.gpu: two}\n",
        ])
        #expect(try Self.lint(["data.yaml"], in: folder).stdout.contains("[unknown-kind]"))
        #expect(try Self.lint(["gpu.yaml"], in: folder).status == 0)
        try folder.write(".stackc.yaml", "overrides:\n  - {files: data.yaml, kind: configmap}\n  - {files: gpu.yaml, target: aliyun}\n")
        #expect(try Self.lint(["data.yaml"], in: folder).status == 0)
        #expect(try Self.lint(["gpu.yaml"], in: folder).stdout.contains("[aliyun-label]"))
        #expect(try Self.lint(["data.yaml", "--kind", "secret"], in: folder).status == 0, "the command line wins")
        try folder.write(".stackc.yaml", "kind: secret\n")
        #expect(try Self.lint(["data.yaml"], in: folder).status == 0)
    }

    @Test func envFilesAreReadRelativeToTheConfiguration() throws {
        let folder = try Self.project(["app/compose.yaml": "services:\n  web: {image: \"nginx:${TAG}\"}\n", "config/vars.env": "TAG=1.25\n"])
        #expect(try Self.lint(["app/compose.yaml"], in: folder).stdout.contains("[unset-variable]"))
        try folder.write(".stackc.yaml", "env-files: [config/vars.env]\n")
        let run = try runStackc(["lint", "compose.yaml"], currentDirectory: folder.url.appendingPathComponent("app"))
        #expect(run.status == 0 && run.stdout.isEmpty, "\(run.stdout)")
        try folder.write(".stackc.yaml", "env-files: config/missing.env\n")
        let missing = try Self.lint(["app/compose.yaml"], in: folder)
        #expect(missing.status == 2, "a configured env file must exist, as with --env-file")
        #expect(missing.stdout.hasPrefix("config/missing.env: error: env file cannot read"), "\(missing.stdout)")
    }

    @Test(arguments: ["max-file-bytes: 20", "max-depth: 2", "max-nodes: 3", "max-scalar-bytes: 3"])
    func eachReadingLimitComesFromTheConfiguration(_ limit: String) throws {
        let folder = try Self.project(["compose.yaml": Self.badPorts])
        #expect(!(try Self.lint(["compose.yaml"], in: folder).stdout.contains("[limit-exceeded]")))
        try folder.write(".stackc.yaml", "limits: {\(limit)}\n")
        let run = try Self.lint(["compose.yaml"], in: folder)
        #expect(run.status == 1 && run.stdout.contains("[limit-exceeded]"), "\(run.stdout)")
    }

    @Test func maxFindingsComesFromTheConfigurationAndTheCommandLineWins() throws {
        let folder = try Self.project([
            "compose.yaml": "services:\n  web: {image: nginx, ports: [\"70000:80\", \"70001:80\"]}\n",
            ".stackc.yaml": "limits: {max-findings: 1, max-depth: 2}\n",
        ])
        let capped = try Self.lint(["compose.yaml", "--max-depth", "50"], in: folder)
        #expect(capped.stdout.contains("compose.yaml:2:31: error: port '70000:80'"), "--max-depth wins over the configuration: \(capped.stdout)")
        #expect(capped.stdout.contains("1 more findings in this file are not shown"), "\(capped.stdout)")
        let all = try Self.lint(["compose.yaml", "--max-depth", "50", "--max-findings", "10"], in: folder)
        #expect(all.stdout.split(separator: "\n").count == 2, "\(all.stdout)")
    }

    @Test func aTopLevelTargetAppliesToEveryFile() throws {
        let folder = try Self.project(["gpu.yaml": "web:\n  image: nginx\n  labels: {aliyun.gpu: two}\n", ".stackc.yaml": "target: aliyun\n"])
        #expect(try Self.lint(["gpu.yaml"], in: folder).stdout.contains("[aliyun-label]"))
    }

    @Test func anExplicitConfigReplacesDiscovery() throws {
        let folder = try Self.project([
            "compose.yaml": Self.badPorts, ".stackc.yaml": "rules: {port-range: off}\n", "ci.yaml": "rules: {port-range: warning}\n",
        ])
        #expect(try Self.lint(["compose.yaml", "--config", "ci.yaml"], in: folder).stdout.contains(": warning: port"))
        let missing = try Self.lint(["compose.yaml", "--config", "nope.yaml"], in: folder)
        #expect(missing.status == 2 && missing.stdout.contains("nope.yaml: error: configuration file cannot read"), "\(missing.stdout)")
    }

    @Test(arguments: [
        ("rules: [port-range\n", "bad.yaml:2:1: error: expected ',' or ']' to continue or close the list opened on line 1 [yaml-syntax]"),
        ("rulez: {}\n", "bad.yaml:1:1: error: a stackc configuration has no key 'rulez'; did you mean 'rules'? [unknown-field]"),
        ("rules: {port-rnage: off}\n", "bad.yaml:1:9: error: unknown rule 'port-rnage'; did you mean 'port-range'? [invalid-config]"),
        ("rules: {port-range: of}\n", "bad.yaml:1:21: error: rules.port-range must be one of 'off', 'on', 'error', 'warning', 'info', not 'of' [type-mismatch]"),
        ("limits: {max-depth: 0}\n", "bad.yaml:1:21: error: limits.max-depth must be at least 1, not 0 [invalid-config]"),
        ("overrides:\n  - rules: {}\n", "bad.yaml:2:5: error: overrides[0] (a per-path override) needs the key 'files' [missing-field]"),
        ("kind: compse\n", "bad.yaml:1:7: error: kind must be one of 'compose', 'pod', 'application', 'configmap', 'secret', 'alauda-service', 'aliyun-volume', 'stack', not 'compse' [type-mismatch]"),
        ("- a\n", "bad.yaml:1:1: error: the document must be a mapping, not a sequence [type-mismatch]"),
    ])
    func malformedConfigurationsGivePositionedFindingsAndExit2(_ text: String, _ expected: String) throws {
        let folder = try Self.project(["compose.yaml": "services: {web: {image: nginx}}\n", "bad.yaml": text])
        let run = try Self.lint(["compose.yaml", "--config", "bad.yaml"], in: folder)
        #expect(run.status == 2)
        #expect(run.stdout.split(separator: "\n").first.map(String.init) == expected, "\(run.stdout)")
    }

    @Test func anEmptyConfigurationIsFine() throws {
        let folder = try Self.project(["compose.yaml": "services: {web: {image: nginx}}\n", ".stackc.yaml": "# nothing yet\n"])
        let run = try Self.lint(["compose.yaml"], in: folder)
        #expect(run.status == 0 && run.stdout.isEmpty && run.stderr.isEmpty, "\(run.stdout)\(run.stderr)")
    }

    /// The published schema (what editors load) accepts a configuration stackc accepts and refuses an unknown key.
    @Test func thePublishedSchemaAgreesWithStackc() throws {
        let schema = packageRoot.appendingPathComponent("schemas/stackc-config.schema.json").path
        let folder = try TemporaryDirectory()
        let valid = try folder.write("valid.json", """
        {"rules": {"port-range": "warning"}, "kind": "compose", "target": "aliyun", "env-files": ["a.env"],
         "limits": {"max-depth": 10, "max-findings": 5}, "overrides": [{"files": ["legacy/**"], "rules": {"unset-variable": "off"}}]}
        """)
        #expect(try validateWithJSONSchema(schema: schema, instance: valid).output.hasSuffix("ok\n"))
        let invalid = try folder.write("invalid.json", #"{"rulez": {}}"#)
        #expect(try validateWithJSONSchema(schema: schema, instance: invalid).output.hasSuffix("invalid\n"))
    }
}
