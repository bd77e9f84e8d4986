import Foundation
import TestSupport
import Testing

/// `--fail-on`, `--strict`, `--max-warnings` and `--quiet`: which findings are shown and which exit
/// status they give (0 none at the threshold, 1 some, 2 usage error).
struct LintThresholdTests {
    /// Two warnings (duplicate variables) in one file and a YAML file of no known kind (an info note).
    static func project() throws -> TemporaryDirectory {
        let folder = try TemporaryDirectory()
        try folder.write("w.yaml", "services:\n  web:\n    image: nginx:1.25\n    environment:\n      - A=1\n      - A=2\n      - B=1\n      - B=2\n")
        try folder.write("tool.yml", "tool:\n  setting: 1\n")
        return folder
    }

    static func lint(_ arguments: [String], in folder: TemporaryDirectory) throws -> StackcRun {
        try runStackc(["lint"] + arguments + ["."], currentDirectory: folder.url)
    }

    static let statuses: [(arguments: [String], status: Int32)] = [
        ([], 0),
        (["--fail-on", "error"], 0),
        (["--fail-on", "warning"], 1),
        (["--strict"], 1),
        (["--strict", "--fail-on", "warning"], 1),
        (["--fail-on", "info"], 1),
        (["--fail-on", "never"], 0),
        (["--max-warnings", "2"], 0),
        (["--max-warnings", "1"], 1),
        (["--max-warnings", "0", "--fail-on", "never"], 1),
        (["--quiet", "--fail-on", "info"], 0),
        (["--quiet", "--max-warnings", "0"], 0),
    ]

    @Test(arguments: statuses)
    func exitStatus(arguments: [String], status: Int32) throws {
        let run = try Self.lint(arguments, in: try Self.project())
        #expect(run.status == status, "\(arguments): \(run.stderr)")
    }

    @Test func errorsFailByDefaultButNotWithNever() throws {
        let folder = try TemporaryDirectory()
        try folder.write("e.yaml", ManyFiles.contents(7))
        #expect(try Self.lint([], in: folder).status == 1)
        #expect(try Self.lint(["--fail-on", "never"], in: folder).status == 0)
        #expect(try Self.lint(["--quiet"], in: folder).status == 1, "--quiet keeps errors")
    }

    @Test func quietShowsAndCountsErrorsOnly() throws {
        let folder = try Self.project()
        try folder.write("e.yaml", ManyFiles.contents(7))
        let loud = try Self.lint([], in: folder)
        #expect(loud.stdout.contains("warning:") && loud.stdout.contains("info:"))
        let quiet = try Self.lint(["--quiet"], in: folder)
        #expect(quiet.stdout == ManyFiles.expectedText(7, shown: "e.yaml"))
        #expect(quiet.stderr == "1 error in 1 file (3 files checked)\n")
        let json = try Self.lint(["--quiet", "--format", "json"], in: folder)
        let object = try #require(JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["summary"] as? [String: Int] == ["files": 3, "errors": 1, "warnings": 0, "infos": 0])
    }

    static let usageErrors: [(arguments: [String], message: String)] = [
        (["--strict", "--fail-on", "info"], "--strict means --fail-on warning"),
        (["--fail-on", "sometimes"], "--fail-on"),
        (["--max-warnings=-1"], "--max-warnings must be 0 or more"),
        (["--color", "rainbow"], "--color"),
        (["--format", "xml"], "--format"),
    ]

    @Test(arguments: usageErrors)
    func badValuesAreUsageErrors(arguments: [String], message: String) throws {
        let run = try Self.lint(arguments, in: try Self.project())
        #expect(run.status == 2)
        #expect(run.stdout == "")
        #expect(run.stderr.contains(message), "\(run.stderr)")
    }
}
