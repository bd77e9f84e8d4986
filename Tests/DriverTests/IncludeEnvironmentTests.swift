import Diagnostics
import Driver
import Foundation
import TestSupport
import Testing

/// An included project's own variables through `lint -f` and `render`, in-process: the included file
/// is interpolated with its `.env` (or `env_file`) under the including project's environment, its
/// findings stay at its own lines, and values from those files are never printed in a finding or,
/// for a secret-looking name, in `render` without `--show-secrets`. (Compose's verdicts and JSON for
/// these rules: the `include-env/` cases of ComposeNormalizeDifferentialTests.)
struct IncludeEnvironmentTests {
    static let main = "include:\n  - lib/compose.yaml\nservices:\n  web:\n    image: \"nginx:${WEB_TAG:-1.27}\"\n"
    static let lib = """
        services:
          db:
            image: "postgres:${DB_TAG:?set DB_TAG}"
            environment:
              POSTGRES_PASSWORD: "${DB_PASSWORD}"
              SHARED: "${SHARED}"

        """

    static func write(_ files: [String: String], in folder: TemporaryDirectory) throws -> String {
        for (name, text) in files { _ = try folder.write("project/\(name)", text) }
        return folder.path("project/compose.yaml")
    }

    static func lint(_ files: [String: String]) throws -> (status: ExitStatus, output: String, folder: TemporaryDirectory) {
        let folder = try TemporaryDirectory()
        let path = try write(files, in: folder)
        var job = LintJob(paths: [], options: FrontEndOptions(), environment: EnvironmentOptions(process: ProjectEnvTests.process), jobs: 1,
                          reporting: LintReportOptions(destinations: [ReportDestination(format: .text)]))
        job.projectFiles = [path]
        var output = ""
        let status = job.run(output: { output += $0 }, errors: { output += $0 })
        return (status, output, folder)
    }

    static func render(_ files: [String: String], showSecrets: Bool) throws -> JobRun {
        let folder = try TemporaryDirectory()
        let path = try write(files, in: folder)
        var template = SingleTemplate(path: path, options: FrontEndOptions(), environment: EnvironmentOptions(process: ProjectEnvTests.process))
        template.project = SingleTemplate.ProjectSelection(files: [path])
        var job = RenderJob(template: template, format: .yaml)
        job.showSecrets = showSecrets
        return JobRun { job.run(output: $0, errors: $1, colors: false) }
    }

    @Test func aRequiredVariableOnlyTheIncludedDotEnvSetsIsSatisfied() throws {
        let files = ["compose.yaml": Self.main, "lib/compose.yaml": Self.lib, "lib/.env": "DB_TAG=16\nDB_PASSWORD=s3cret-value\nSHARED=lib\n"]
        let accepted = try Self.lint(files)
        #expect(accepted.status == .success, "\(accepted.output)")
        let refused = try Self.lint(files.merging(["lib/.env": "DB_PASSWORD=s3cret-value\n"]) { $1 })
        #expect(refused.status == .findings)
        #expect(refused.output.contains("\(refused.folder.path("project/lib/compose.yaml")):3:22: error: required variable DB_TAG is missing a value: set DB_TAG [required-variable]"),
                "\(refused.output)")
    }

    @Test func theIncludedDotEnvDoesNotReachTheIncludingFile() throws {
        let main = "include:\n  - lib/compose.yaml\nservices:\n  web:\n    image: \"nginx:${DB_TAG:?only lib sets it}\"\n"
        let result = try Self.lint(["compose.yaml": main, "lib/compose.yaml": Self.lib, "lib/.env": "DB_TAG=16\n"])
        #expect(result.status == .findings)
        #expect(result.output.contains("compose.yaml:5:19: error: required variable DB_TAG is missing a value: only lib sets it [required-variable]"), "\(result.output)")
    }

    @Test func theIncludingProjectWinsAConflict() throws {
        let files = ["compose.yaml": Self.main, "lib/compose.yaml": Self.lib, ".env": "SHARED=top\n", "lib/.env": "DB_TAG=16\nSHARED=lib\n"]
        let run = try Self.render(files, showSecrets: false)
        #expect(run.status == .success, "\(run.errors)")
        #expect(run.output.contains("image: \"postgres:16\"") && run.output.contains("SHARED: \"top\""), "\(run.output)")
    }

    @Test func anEnvFileListReplacesTheDotEnvAndTheLaterFileWins() throws {
        let main = "include:\n  - path: lib/compose.yaml\n    env_file: [first.env, second.env]\n"
        let files = ["compose.yaml": main, "lib/compose.yaml": Self.lib, "lib/.env": "SHARED=dotenv\n",
                     "first.env": "DB_TAG=15\nSHARED=first\n", "second.env": "DB_TAG=16\n"]
        let run = try Self.render(files, showSecrets: false)
        #expect(run.status == .success, "\(run.errors)")
        #expect(run.output.contains("image: \"postgres:16\"") && run.output.contains("SHARED: \"first\""), "\(run.output)")
    }

    @Test func nestedIncludesLayerTheirVariablesOuterFirst() throws {
        let files = ["compose.yaml": "include:\n  - a/compose.yaml\n",
                     "a/compose.yaml": "include:\n  - b/compose.yaml\nservices:\n  a:\n    image: \"a:${A_TAG}\"\n", "a/.env": "A_TAG=1\nSHARED=outer\n",
                     "a/b/compose.yaml": "services:\n  b:\n    image: \"b:${B_TAG}-${A_TAG}-${SHARED}\"\n", "a/b/.env": "B_TAG=2\nSHARED=inner\n"]
        let run = try Self.render(files, showSecrets: false)
        #expect(run.status == .success, "\(run.errors)")
        #expect(run.output.contains("image: \"a:1\"") && run.output.contains("image: \"b:2-1-outer\""), "\(run.output)")
    }

    @Test func aBrokenIncludedDotEnvIsReportedAtItsLine() throws {
        let result = try Self.lint(["compose.yaml": Self.main, "lib/compose.yaml": Self.lib, "lib/.env": "DB_PASSWORD=s3cret-value\nDB_TAG=16\nBROKEN=\"open\n"])
        #expect(result.status == .findings)
        #expect(result.output.contains("\(result.folder.path("project/lib/.env")):3:8: error: unterminated quoted value"), "\(result.output)")
        #expect(!result.output.contains("s3cret-value"))
    }

    @Test func secretsFromAnIncludedDotEnvAreNeverPrinted() throws {
        let files = ["compose.yaml": Self.main, "lib/compose.yaml": Self.lib + "    ports: [\"${DB_PASSWORD}:5432\"]\n",
                     "lib/.env": "DB_TAG=16\nDB_PASSWORD=s3cret-value\n"]
        let result = try Self.lint(files)
        #expect(result.status == .findings, "the password is no port: \(result.output)")
        #expect(!result.output.contains("s3cret-value"), "\(result.output)")
        let clean = ["compose.yaml": Self.main, "lib/compose.yaml": Self.lib, "lib/.env": "DB_TAG=16\nDB_PASSWORD=s3cret-value\n"]
        let hidden = try Self.render(clean, showSecrets: false)
        #expect(hidden.status == .success, "\(hidden.errors)")
        #expect(hidden.output.contains("POSTGRES_PASSWORD: \"<hidden>\"") && !hidden.output.contains("s3cret-value"), "\(hidden.output)")
        let shown = try Self.render(clean, showSecrets: true)
        #expect(shown.output.contains("POSTGRES_PASSWORD: \"s3cret-value\""), "\(shown.output)")
    }
}
