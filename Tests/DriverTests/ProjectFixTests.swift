import Diagnostics
@testable import Driver
import Interpolation
import Testing
import TestSupport

/// `ProjectFix` in-process: which file each fix lands in, which files a run owns, and the proof made
/// against the whole project. Every expected text was written by hand.
struct ProjectFixTests {
    static let base = "services:\n  web:\n    image: nginx\n    restrat: always\n    ports: [\"8080:80\"]\n  db:\n    image: postgres\n"
    static let override = "services:\n  web:\n    \"dependson\": [db]\n  api:\n    image: api\n    portz: [\"8080:80\"]\n"

    func project() throws -> (folder: TemporaryDirectory, inputs: [Input]) {
        let folder = try TemporaryDirectory()
        return (folder, [.file(try folder.write("base.yaml", Self.base)), .file(try folder.write("override.yaml", Self.override))])
    }

    static func fix(_ inputs: [Input], owned: (Int) -> Bool) -> LintPipeline.Outcome {
        ProjectFix.fix(inputs, owned: owned, environment: Environment(), options: FrontEndOptions(), policy: .none)
    }

    /// Only the project proves `depends_on: [db]` safe (db is the base's); the `ports` rename would make
    /// the two services publish one host port, and is refused.
    @Test func eachFileIsFixedAgainstTheWholeProject() throws {
        let (folder, inputs) = try project()
        let outcome = withExtendedLifetime(folder) { Self.fix(inputs, owned: { _ in true }) }
        #expect(outcome.fixes.map { String(decoding: $0.fix.fixed.bytes, as: UTF8.self) } == [
            "services:\n  web:\n    image: nginx\n    restart: always\n    ports: [\"8080:80\"]\n  db:\n    image: postgres\n",
            "services:\n  web:\n    \"depends_on\": [db]\n  api:\n    image: api\n    portz: [\"8080:80\"]\n",
        ])
        #expect(outcome.fixes[1].fix.refused.map { "\($0.fix.title): \($0.refusal)" } == [
            "rename key 'portz' to 'ports': the fixed text would have a new finding: host port 8080/tcp is already published by service 'web'; "
                + "a host port can be bound once, change one of them [host-port-conflict]",
        ])
        // What remains, at its file: the refused rename.
        #expect(outcome.reports.map { $0.diagnostics.map { "\($0.range!.start.line):\($0.range!.start.column) \($0.rule)" } } == [[], ["6:5 unknown-field"]])
        // The override alone would judge both the other way: its `db` is no service of that file, and no
        // other service there publishes 8080.
        let alone = FixEngine.fix(outcome.fixes[1].fix.original) {
            LintPipeline.lint($0, environment: Environment(), directory: "", options: FrontEndOptions())
        }
        #expect(alone.applied.map(\.fix.title) == ["rename key 'portz' to 'ports'"])
    }

    /// A fragment's run owns the fragment alone: the base is neither fixed nor reported there.
    @Test func aRunFixesAndReportsOnlyTheFilesItOwns() throws {
        let (folder, inputs) = try project()
        let outcome = withExtendedLifetime(folder) { Self.fix(inputs, owned: { $0 == 1 }) }
        #expect(outcome.fixes.map(\.fix.original.path) == [inputs[1].displayName])
        #expect(outcome.reports.map(\.file.path) == [inputs[1].displayName])
        #expect(outcome.fixes[0].fix.applied.map(\.fix.title) == ["rename key 'dependson' to 'depends_on'"])
    }
}
