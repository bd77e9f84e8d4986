import Foundation
import TestSupport
import Testing

/// Which files and findings a run covers: `--exclude`, `--list-files`, and baselines.
struct LintSelectionTests {
    @Test func excludeSkipsMatchingFilesAndFolders() throws {
        let folder = try TemporaryDirectory()
        try folder.write("a.yaml", ManyFiles.contents(7))
        try folder.write("vendor/b.yaml", ManyFiles.contents(7))
        try folder.write("deploy/old-c.yml", ManyFiles.contents(7))
        try folder.write("deploy/d.yml", ManyFiles.contents(7))
        let all = try runStackc(["lint", "."], currentDirectory: folder.url)
        #expect(all.stderr == "4 errors in 4 files (4 files checked)\n")
        let run = try runStackc(["lint", "--exclude", "vendor/", "--exclude", "deploy/**/old-*.yml", "."], currentDirectory: folder.url)
        #expect(run.status == 1)
        #expect(run.stdout == ManyFiles.expectedText(7, shown: "a.yaml") + ManyFiles.expectedText(7, shown: "deploy/d.yml"))
        let absolute = try runStackc(["lint", "--exclude", "vendor", "--exclude", "/deploy", folder.path], currentDirectory: folder.url)
        #expect(absolute.stdout == ManyFiles.expectedText(7, shown: folder.path("a.yaml")), "absolute paths below the working folder match too")
        let everything = try runStackc(["lint", "--exclude", "*.y*ml", "."], currentDirectory: folder.url)
        #expect(everything.status == 0, "nothing left to lint is not an error")
        #expect(everything.stdout == "")
    }

    @Test func listFilesPrintsKindsAndLintsNothing() throws {
        let folder = try TemporaryDirectory()
        try folder.write("compose.yaml", ManyFiles.contents(7))
        try folder.write("pod.yml", "containers:\n  - name: web\n    image: nginx\n")
        try folder.write("k8s.yaml", "apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n")
        try folder.write("cm.yaml", "name: settings\ndata:\n  a: b\n")
        try folder.write("other.yaml", "tool: 1\n")
        try folder.write("broken.yaml", "a: [\n")
        try folder.write("vendor/x.yaml", "services: {}\n")
        let run = try runStackc(["lint", "--list-files", "--exclude", "vendor", "."], currentDirectory: folder.url)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr == "")
        #expect(run.stdout == """
        broken.yaml\tinvalid-yaml
        cm.yaml\tambiguous (configmap|secret)
        compose.yaml\tcompose
        k8s.yaml\tkubernetes (Pod)
        other.yaml\tunknown
        pod.yml\tpod

        """)
        let explicit = try runStackc(["lint", "--list-files", "--kind", "pod", "compose.yaml"], currentDirectory: folder.url)
        #expect(explicit.stdout == "compose.yaml\tpod\n")
        let stdin = try runStackc(["lint", "--list-files", "--stdin-filename", "x.yaml", "-"], stdin: "services: {}\n", currentDirectory: folder.url)
        #expect(stdin.stdout == "x.yaml\tcompose\n")
        let missing = try runStackc(["lint", "--list-files", "nope.yaml"], currentDirectory: folder.url)
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("nope.yaml"))
    }

    static let service = "services:\n  web:\n    image: nginx:1.25\n    image: nginx:1.26\n"

    /// Adopt the findings of today, then edit: moved findings stay hidden, a second identical one and a
    /// finding of another kind are new and fail the run.
    @Test func baselineAdoptsOldFindingsAndReportsNewOnes() throws {
        let folder = try TemporaryDirectory()
        try folder.write("compose.yaml", Self.service)
        let write = try runStackc(["lint", "--write-baseline", "stackc-baseline.json", "."], currentDirectory: folder.url)
        #expect(write.status == 0, "adopting every finding passes")
        #expect(write.stdout == "")
        #expect(write.stderr == "stackc: wrote stackc-baseline.json: 1 findings adopted\n")
        let baseline = try String(contentsOf: folder.url.appendingPathComponent("stackc-baseline.json"), encoding: .utf8)
        #expect(baseline == """
        {
          "version": 1,
          "findings": [
            {
              "rule": "duplicate-key",
              "file": "compose.yaml",
              "path": "/services/web/image",
              "count": 1
            }
          ]
        }

        """)

        let clean = try runStackc(["lint", "--baseline", "stackc-baseline.json", "."], currentDirectory: folder.url)
        #expect(clean.status == 0)
        #expect(clean.stdout == "" && clean.stderr == "")

        // Lines added above: the adopted finding moved from line 4 to line 6 and is still hidden.
        try folder.write("compose.yaml", "# comment\n\n" + Self.service)
        let moved = try runStackc(["lint", "--baseline", "stackc-baseline.json", "."], currentDirectory: folder.url)
        #expect(moved.status == 0, "\(moved.stdout)")

        // The same duplicate a second time, and a new kind of finding elsewhere.
        try folder.write("compose.yaml", "# comment\n\n" + Self.service + "    image: nginx:1.27\n  api: example/api:2.1\n")
        let new = try runStackc(["lint", "--baseline", "stackc-baseline.json", "."], currentDirectory: folder.url)
        #expect(new.status == 1)
        #expect(new.stdout == """
        compose.yaml:7:5: error: duplicate key 'image'; a mapping may define each key only once [duplicate-key]
        compose.yaml:5:5: note: first defined here
        compose.yaml:8:8: error: services.api must be a service definition (a mapping) for service 'api', not a string [invalid-structure]

        """)
        #expect(new.stderr == "2 errors in 1 file (1 file checked)\n", "adopted findings are not counted")
        let fromElsewhere = try runStackc(["lint", "--baseline", folder.path("stackc-baseline.json"), folder.path("compose.yaml")],
                                          currentDirectory: folder.url)
        #expect(fromElsewhere.stdout == new.stdout.replacingOccurrences(of: "compose.yaml:", with: folder.path("compose.yaml") + ":"),
                "absolute paths below the working folder use the same keys")
    }

    @Test func malformedBaselineExitsTwoWithAPosition() throws {
        let folder = try TemporaryDirectory()
        try folder.write("compose.yaml", Self.service)
        try folder.write("b.json", "{\"version\": 1, \"findings\": [\n  {\"rule\": \"duplicate-key\"}\n]}\n")
        let run = try runStackc(["lint", "--baseline", "b.json", "."], currentDirectory: folder.url)
        #expect(run.status == 2)
        #expect(run.stdout == "")
        #expect(run.stderr == "stackc: b.json:2:3: missing \"file\" (a string)\n")
        let missing = try runStackc(["lint", "--baseline", "none.json", "."], currentDirectory: folder.url)
        #expect(missing.status == 2)
        #expect(missing.stderr.hasPrefix("stackc: none.json: cannot read"))
    }
}
