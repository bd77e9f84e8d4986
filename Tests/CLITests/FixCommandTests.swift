import Foundation
import Testing
import TestSupport

/// `stackc lint --fix` and `--fix --diff` as a user runs them: the flags, the patch on standard output
/// that `git apply` applies, and the exit status of what remains.
struct FixCommandTests {
    static let typo = "services:\n  web:\n    image: nginx   # web\n    restrat: always\n"
    static let fixed = "services:\n  web:\n    image: nginx   # web\n    restart: always\n"

    @Test func diffWithoutFixAndFixOfStandardInputAreUsageErrors() throws {
        let diff = try runStackc(["lint", "--diff", "-"], stdin: Self.typo)
        #expect(diff.status == 2 && diff.stderr.contains("--diff shows what --fix would change; use --fix --diff"), "\(diff.stderr)")
        let stdin = try runStackc(["lint", "--fix", "-"], stdin: Self.typo)
        #expect(stdin.status == 2 && stdin.stderr.contains("standard input cannot be fixed in place; use --fix --diff"), "\(stdin.stderr)")
    }

    @Test func theDiffOfStandardInputIsAPatchThatGitApplies() throws {
        let run = try runStackc(["lint", "--fix", "--diff", "--stdin-filename", "compose.yaml", "-"], stdin: Self.typo)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == "--- a/compose.yaml\n+++ b/compose.yaml\n@@ -1,4 +1,4 @@\n services:\n   web:\n     image: nginx   # web\n-    restrat: always\n+    restart: always\n")
        #expect(run.stderr.contains("compose.yaml:4:5: fixable: rename key 'restrat' to 'restart' [unknown-field]"), "\(run.stderr)")
        let folder = try TemporaryDirectory()
        let path = try folder.write("compose.yaml", Self.typo)
        let patch = Process()
        patch.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        patch.arguments = ["git", "apply", "-p1", "-"]
        patch.currentDirectoryURL = folder.url
        let input = Pipe()
        patch.standardInput = input
        try patch.run()
        input.fileHandleForWriting.write(Data(run.stdout.utf8))
        try input.fileHandleForWriting.close()
        patch.waitUntilExit()
        #expect(patch.terminationStatus == 0)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == Self.fixed)
    }

    @Test func fixWritesTheFileAndExitsForWhatRemains() throws {
        let folder = try TemporaryDirectory()
        let path = try folder.write("compose.yaml", Self.typo + "    ports: ['70000:80']\n")
        let run = try runStackc(["lint", "--fix", path])
        #expect(run.status == 1)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == Self.fixed + "    ports: ['70000:80']\n")
        #expect(run.stdout.contains("[port-range]") && !run.stdout.contains("unknown-field"), "\(run.stdout)")
        #expect(run.stderr.contains("stackc: fixed 1 finding in 1 file"), "\(run.stderr)")
    }
}
