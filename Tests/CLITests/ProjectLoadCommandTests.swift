import Foundation
import TestSupport
import Testing

/// A Compose project found and loaded by the commands: `render DIR` and `render` alone find the files,
/// and a finding in a file an `extends` or `include` named is reported at that file.
struct ProjectLoadCommandTests {
    @Test func renderOfAFolderReportsAnExtendedFilesFindingAtThatFile() throws {
        let folder = try TemporaryDirectory()
        try folder.write("p/compose.yaml", "services:\n  web:\n    extends: {file: lib/common.yml, service: base}\n")
        try folder.write("p/lib/common.yml", "services:\n  base:\n    image: nginx\n    ports: [\"70000:80\"]\n")
        let run = try runStackc(["render", "p"], currentDirectory: URL(fileURLWithPath: folder.path("")))
        #expect(run.status == 1)
        #expect(run.stderr.hasPrefix("p/lib/common.yml:4:13: error: port '70000:80'"), "\(run.stderr)")
    }

    @Test func aValueSharedByServicesThatExtendItIsReportedOnce() throws {
        let folder = try TemporaryDirectory()
        try folder.write("p/compose.yaml", "services:\n  api:\n    extends: {file: lib.yml, service: x}\n  worker:\n    extends: {file: lib.yml, service: x}\n")
        try folder.write("p/lib.yml", "services:\n  x:\n    image: nginx\n    mem_limit: lots\n")
        let run = try runStackc(["render", "p"], currentDirectory: URL(fileURLWithPath: folder.path("")))
        #expect(run.status == 1)
        #expect(run.stderr.components(separatedBy: "lib.yml:4:16: error:").count == 2, "once, at lib.yml: \(run.stderr)")
    }

    @Test func renderAloneWalksUpAndWarnsOfTwoCandidates() throws {
        let folder = try TemporaryDirectory()
        try folder.write("p/compose.yaml", "services:\n  web:\n    image: nginx:1.25\n")
        try folder.write("p/docker-compose.yml", "services:\n  web:\n    image: other:1\n")
        try folder.write("p/compose.override.yml", "services:\n  web:\n    build: ./app\n")
        try folder.write("p/a/b/readme.txt", "x\n")
        let run = try runStackc(["render", "--format", "json"], currentDirectory: URL(fileURLWithPath: folder.path("p/a/b"), isDirectory: true))
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("\"image\": \"nginx:1.25\"") && run.stdout.contains("\"build\": \"./app\""), "\(run.stdout)")
        #expect(run.stderr.contains("warning: found multiple files with supported names"), "\(run.stderr)")
    }

    @Test func noProjectUpToTheRootIsAnInputError() throws {
        let folder = try TemporaryDirectory()
        try folder.write("empty/readme.txt", "x\n")
        let run = try runStackc(["render"], currentDirectory: URL(fileURLWithPath: folder.path("empty")))
        #expect(run.status == 2)
        #expect(run.stderr.contains("no Compose project in . or its parent folders"), "\(run.stderr)")
    }

    @Test func lintOfAProjectReportsAnIncludeProblemAtItsValue() throws {
        let folder = try TemporaryDirectory()
        let main = try folder.write("p/compose.yaml", "include:\n  - missing.yaml\nservices:\n  web:\n    image: nginx:1.25\n")
        let run = try runStackc(["lint", "-f", main])
        #expect(run.status == 1)
        #expect(run.stdout.contains("\(main):2:5: error: the included file 'missing.yaml' cannot be read"), "\(run.stdout)")
        #expect(run.stdout.contains("[invalid-include]"), "\(run.stdout)")
    }
}
