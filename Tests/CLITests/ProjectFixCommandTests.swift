import Foundation
import Testing
import TestSupport

/// `lint --fix` of Compose projects through the binary: `-f` files, a fragment in a folder, projects of
/// `.stackc.yaml`. Each fix lands in the file its finding points at; every text after the fix was
/// written here by hand, and the fixed projects lint clean.
struct ProjectFixCommandTests {
    static let base = "# base\nservices:\n  web:\n    image: nginx\n    restrat: always\n  db:\n    image: postgres\n"
    static let fixedBase = "# base\nservices:\n  web:\n    image: nginx\n    restart: always\n  db:\n    image: postgres\n"
    /// Alone, `depends_on: [db]` would name no service: only the project proves the rename safe.
    static let override = "services:\n  web:\n    \"dependson\": [db]   # start db first\n    deploy: {restart_policy: {condition: on_failure}}\n"
    static let fixedOverride = "services:\n  web:\n    \"depends_on\": [db]   # start db first\n    deploy: {restart_policy: {condition: on-failure}}\n"

    func text(_ path: String) throws -> String {
        try String(contentsOfFile: path, encoding: .utf8)
    }

    @Test func fixWritesEachFileOfTheProject() throws {
        let folder = try TemporaryDirectory()
        let base = try folder.write("base.yaml", Self.base)
        let override = try folder.write("override.yaml", Self.override)
        let run = try runStackc(["lint", "--fix", "-f", "base.yaml", "-f", "override.yaml"], currentDirectory: folder.url)
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(try text(base) == Self.fixedBase)
        #expect(try text(override) == Self.fixedOverride)
        #expect(run.stderr == """
            base.yaml:5:5: fixed: rename key 'restrat' to 'restart' [unknown-field]
            override.yaml:3:5: fixed: rename key 'dependson' to 'depends_on' [unknown-field]
            override.yaml:4:42: fixed: replace 'on_failure' with 'on-failure' [restart-policy]
            stackc: fixed 3 findings in 2 files

            """)
        #expect(try runStackc(["lint", "-f", "base.yaml", "-f", "override.yaml"], currentDirectory: folder.url).status == 0)
    }

    @Test func diffIsOnePatchOverAllFilesAndWritesNothing() throws {
        let folder = try TemporaryDirectory()
        let base = try folder.write("base.yaml", Self.base)
        let override = try folder.write("override.yaml", Self.override)
        let run = try runStackc(["lint", "--fix", "--diff", "-f", "base.yaml", "-f", "override.yaml"], currentDirectory: folder.url)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == """
            --- a/base.yaml
            +++ b/base.yaml
            @@ -2,6 +2,6 @@
             services:
               web:
                 image: nginx
            -    restrat: always
            +    restart: always
               db:
                 image: postgres
            --- a/override.yaml
            +++ b/override.yaml
            @@ -1,4 +1,4 @@
             services:
               web:
            -    "dependson": [db]   # start db first
            -    deploy: {restart_policy: {condition: on_failure}}
            +    "depends_on": [db]   # start db first
            +    deploy: {restart_policy: {condition: on-failure}}

            """)
        #expect(try text(base) == Self.base && text(override) == Self.override)
    }

    /// A fragment in a folder is fixed merged onto its base; the base is fixed by its own run, once.
    @Test func aFragmentIsFixedOnItsBaseWhichIsFixedOnce() throws {
        let folder = try TemporaryDirectory()
        let base = try folder.write("app/compose.yaml", Self.base)
        let fragment = try folder.write("app/compose.override.yaml", Self.override)
        let other = try folder.write("app/compose.test.override.yaml", Self.override)
        let run = try runStackc(["lint", "--fix", "app"], currentDirectory: folder.url)
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(try text(base) == Self.fixedBase && text(fragment) == Self.fixedOverride && text(other) == Self.fixedOverride)
        #expect(run.stderr.components(separatedBy: "app/compose.yaml:5:5: fixed: rename key 'restrat' to 'restart'").count == 2)
        #expect(run.stderr.hasSuffix("stackc: fixed 5 findings in 3 files\n"), "\(run.stderr)")
    }

    /// Two projects of `.stackc.yaml` share their base: the first that names it fixes and reports it.
    @Test func aBaseOfTwoDeclaredProjectsIsFixedOnce() throws {
        let folder = try TemporaryDirectory()
        let base = try folder.write("app/base.yaml", Self.base)
        let prod = try folder.write("app/prod.yaml", Self.override)
        let dev = try folder.write("app/dev.yaml", Self.override)
        _ = try folder.write("app/.stackc.yaml", "projects:\n  - files: [base.yaml, prod.yaml]\n  - files: [base.yaml, dev.yaml]\n")
        let diff = try runStackc(["lint", "--fix", "--diff", "app"], currentDirectory: folder.url)
        #expect(diff.status == 0, "\(diff.stdout)\(diff.stderr)")
        #expect(diff.stdout.components(separatedBy: "--- a/app/base.yaml").count == 2, "\(diff.stdout)")
        let run = try runStackc(["lint", "--fix", "app"], currentDirectory: folder.url)
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(try text(base) == Self.fixedBase && text(prod) == Self.fixedOverride && text(dev) == Self.fixedOverride)
        #expect(run.stderr.hasSuffix("stackc: fixed 5 findings in 3 files\n"), "\(run.stderr)")
    }

    /// A file the fix cannot be written to is reported as it still is, and the run fails (exit 2); the
    /// project's other file is written.
    @Test func aFileThatCannotBeWrittenKeepsItsFindings() throws {
        let folder = try TemporaryDirectory()
        let base = try folder.write("base.yaml", Self.base)
        let override = try folder.write("override.yaml", Self.override)
        chmod(base, 0o444)
        let run = try runStackc(["lint", "--fix", "-f", "base.yaml", "-f", "override.yaml"], currentDirectory: folder.url)
        #expect(run.status == 2)
        #expect(run.stderr.contains("stackc: base.yaml is read-only; not fixed"), "\(run.stderr)")
        #expect(run.stdout.contains("base.yaml:5:5: error: services.web (a service) has no key 'restrat'"), "\(run.stdout)")
        #expect(try text(base) == Self.base && text(override) == Self.fixedOverride)
    }
}
