import Foundation
import TestSupport
import Testing

/// `-f FILE…` on the command line: `lint` and `render` read the files as one Compose project; the
/// flags that cannot go with it are usage errors (exit 2).
struct ProjectFilesCommandTests {
    func project(_ folder: TemporaryDirectory) throws -> (base: String, override: String) {
        (try folder.write("app/compose.yaml", "services:\n  web:\n    image: nginx\n    command: [a, b]\n"),
         try folder.write("app/compose.override.yaml", "services:\n  web:\n    command: [c]\n    ports: [\"70000:80\"]\n"))
    }

    @Test func lintReportsTheOverridesFindingAtTheOverride() throws {
        let folder = try TemporaryDirectory()
        let (base, override) = try project(folder)
        let run = try runStackc(["lint", "-f", base, "--file", override])
        #expect(run.status == 1)
        #expect(run.stdout.hasPrefix("\(override):4:13: error: port '70000:80'"), "\(run.stdout)")
        #expect(run.stderr.contains("(2 files checked)"), "\(run.stderr)")
    }

    @Test func renderPrintsTheMergedProject() throws {
        let folder = try TemporaryDirectory()
        let (base, _) = try project(folder)
        let override = try folder.write("app/dev.yaml", "services:\n  web:\n    command: [c]\n")
        let run = try runStackc(["render", "-f", base, "-f", override, "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("\"command\": [\n        \"c\"\n      ]"), "command is replaced, not appended: \(run.stdout)")
    }

    @Test func filesAndPathsDoNotMix() throws {
        let folder = try TemporaryDirectory()
        let (base, override) = try project(folder)
        #expect(try runStackc(["lint", "-f", base, override]).status == 2)
        #expect(try runStackc(["lint", "-f", base, "-f", "-", "--fix"]).status == 2, "standard input cannot be fixed in place")
        #expect(try runStackc(["render", base, "-f", override]).status == 2)
        #expect(try runStackc(["render"]).status == 2)
    }
}
