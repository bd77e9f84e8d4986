import Diagnostics
import Driver
import Foundation
import Reporting
import TestSupport
import Testing

/// `lint -f compose.yaml -f override.yaml` in-process: the files checked as one merged project, each
/// finding at the file, line and column its value was written at, a file's own problems once.
struct ProjectLintTests {
    static let base = """
        services:
          web:
            image: nginx
            ports: ["8080:80"]
          db:
            image: postgres

        """

    /// The text report and exit status of linting the files in `folder` as one project.
    static func lint(_ files: [String: String], order: [String], in folder: TemporaryDirectory,
                     process: [(name: String, value: String)] = []) throws -> (status: ExitStatus, output: String) {
        for (name, text) in files { _ = try folder.write("project/\(name)", text) }
        var job = LintJob(paths: ["."], options: FrontEndOptions(), environment: EnvironmentOptions(process: process), jobs: 1,
                          reporting: LintReportOptions(destinations: [ReportDestination(format: .text)]))
        job.projectFiles = order.map { folder.path("project/\($0)") }
        var output = ""
        let status = job.run(output: { output += $0 }, errors: { _ in })
        return (status, output.replacingOccurrences(of: folder.path("project") + "/", with: ""))
    }

    @Test func aBadPortInTheOverrideIsReportedAtTheOverride() throws {
        let override = "services:\n  web:\n    ports: [\"70000:80\"]\n"
        let run = try Self.lint(["compose.yaml": Self.base, "override.yaml": override], order: ["compose.yaml", "override.yaml"],
                                in: TemporaryDirectory())
        #expect(run.status == .findings)
        #expect(run.output.hasPrefix("override.yaml:3:13: error: port '70000:80' of service 'web' has the host port 70000"), "\(run.output)")
        #expect(!run.output.contains("compose.yaml:"))
    }

    @Test func aBadPortInTheBaseIsReportedAtTheBase() throws {
        let base = Self.base.replacingOccurrences(of: "8080:80", with: "70000:80")
        let override = "services:\n  web:\n    environment: [A=1]\n"
        let run = try Self.lint(["compose.yaml": base, "override.yaml": override], order: ["compose.yaml", "override.yaml"],
                                in: TemporaryDirectory())
        #expect(run.status == .findings)
        #expect(run.output.hasPrefix("compose.yaml:4:13: error: port '70000:80'"), "\(run.output)")
        #expect(!run.output.contains("override.yaml:"))
    }

    @Test func anOverriddenValueIsCheckedAsTheOverrideWritesIt() throws {
        // The base's image is replaced; a service the override adds without an image is a finding there.
        let override = "services:\n  web:\n    image: \"Nginx:latest\"\n  cache:\n    restart: always\n"
        let run = try Self.lint(["compose.yaml": Self.base, "override.yaml": override], order: ["compose.yaml", "override.yaml"],
                                in: TemporaryDirectory())
        let places = run.output.split(separator: "\n").filter { $0.contains(": error: ") }.map { $0.prefix { $0 != " " } }
        #expect(places == ["override.yaml:3:12:", "override.yaml:4:3:"], "\(run.output)")
    }

    @Test func aFragmentAloneFailsButItsProjectPasses() throws {
        // Linted alone, the override's service has no image; merged onto its base it is complete.
        let override = "services:\n  web:\n    environment:\n      MODE: dev\n"
        let folder = try TemporaryDirectory()
        let merged = try Self.lint(["compose.yaml": Self.base, "override.yaml": override], order: ["compose.yaml", "override.yaml"], in: folder)
        #expect(merged.status == .success, "\(merged.output)")
        let alone = try Self.lint([:], order: ["override.yaml"], in: folder)
        #expect(alone.status == .findings)
    }

    @Test func aSyntaxErrorIsReportedOnceAtItsFile() throws {
        let run = try Self.lint(["compose.yaml": Self.base, "override.yaml": "services:\n  web: [\n"], order: ["compose.yaml", "override.yaml"],
                                in: TemporaryDirectory())
        #expect(run.status == .findings)
        let errors = run.output.split(separator: "\n").filter { $0.contains(": error: ") }
        #expect(errors.count == 1 && errors[0].hasPrefix("override.yaml:3:1: error:"), "\(run.output)")
    }

    @Test func aFilesOwnErrorCountsEvenWhereALaterFileOverridesIt() throws {
        // Compose validates each file before merging: the base's boolean in `healthcheck.test` refuses the project.
        let withCheck = Self.base.replacingOccurrences(of: "    image: nginx\n", with: "    image: nginx\n    healthcheck: {test: [CMD, true]}\n")
        let override = "services:\n  web:\n    healthcheck: {test: [CMD, \"true\"]}\n"
        let run = try Self.lint(["compose.yaml": withCheck, "override.yaml": override], order: ["compose.yaml", "override.yaml"],
                                in: TemporaryDirectory())
        #expect(run.status == .findings)
        let errors = run.output.split(separator: "\n").filter { $0.contains(": error: ") }
        #expect(errors.count == 1 && errors[0].hasPrefix("compose.yaml:4:31: error:"), "\(run.output)")
    }

    @Test func aResetValueIsNotChecked() throws {
        // The base publishes a bad port; the override's `!reset` drops it.
        let base = Self.base.replacingOccurrences(of: "8080:80", with: "70000:80")
        let override = "services:\n  web:\n    ports: !reset []\n"
        let run = try Self.lint(["compose.yaml": base, "override.yaml": override], order: ["compose.yaml", "override.yaml"],
                                in: TemporaryDirectory())
        #expect(run.status == .success, "\(run.output)")
    }

    @Test func variablesComeFromTheFirstFilesFolder() throws {
        let folder = try TemporaryDirectory()
        _ = try folder.write("project/.env", "WEB_PORT=70000\n")
        let override = "services:\n  web:\n    ports: [\"${WEB_PORT}:80\"]\n"
        _ = try folder.write("project/sub/override.yaml", override)
        let run = try Self.lint(["compose.yaml": Self.base], order: ["compose.yaml", "sub/override.yaml"], in: folder)
        #expect(run.output.hasPrefix("sub/override.yaml:3:13: error: port '70000:80'"), "the .env beside compose.yaml: \(run.output)")
    }
}
