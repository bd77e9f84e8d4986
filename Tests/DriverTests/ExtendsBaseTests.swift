@testable import Driver
import Diagnostics
import Interpolation
import TestSupport
import Testing

/// A file only ever read through the services that extend it (`common.yml`'s `base:` without an image)
/// is linted alone as a file: its extended services' missing image is a note naming the extending
/// service, since that one must name the image and is checked where it is. Anything else stays an error.
struct ExtendsBaseTests {
    static let base = "services:\n  base:\n    restart: always\n  other:\n    restart: always\n"
    static let extending = "services:\n  web:\n    image: nginx\n    extends: {file: common.yml, service: base}\n"

    static func lint(_ files: [String: String], _ path: String) throws -> (status: ExitStatus, output: String) {
        let run = try SingleFileProjectTests.lint(files, [path])
        return (run.status, run.output)
    }

    @Test func anExtendedServiceWithoutImageIsANoteAndTheOtherStaysAnError() throws {
        let run = try Self.lint(["common.yml": Self.base, "compose.yaml": Self.extending], "common.yml")
        #expect(run.output == """
            common.yml:2:3: info: service 'base' has neither 'image' nor 'build', which Compose accepts of an extends base: \
            service 'web' of compose.yaml extends it and is checked there [service-image]
            common.yml:4:3: error: service 'other' has neither 'image' nor 'build'; name the image to run, such as 'image: other:1.0' [service-image]

            """, "\(run.output)")
        #expect(run.status == .findings)
    }

    @Test func aBaseExtendedFromTheFolderAboveIsFound() throws {
        let extending = "services:\n  web:\n    image: nginx\n    extends:\n      file: lib/common.yml\n      service: base\n  api:\n    image: nginx\n"
        let base = "services:\n  base:\n    restart: always\n"
        let run = try Self.lint(["lib/common.yml": base, "compose.yaml": extending], "lib/common.yml")
        #expect(run.output.contains("lib/common.yml:2:3: info: service 'base' has neither 'image' nor 'build', which Compose accepts of an extends base: service 'web' of "),
                "\(run.output)")
        #expect(run.status == .success)
    }

    /// No file extends it, or one extends a service of another file: Compose would refuse it as written.
    @Test(arguments: [
        ["common.yml": base],
        ["common.yml": base, "compose.yaml": "services:\n  web:\n    image: nginx\n    extends: {file: other.yml, service: base}\n",
         "other.yml": "services:\n  base:\n    image: nginx\n"],
        ["common.yml": base, "compose.yaml": "services:\n  web:\n    image: nginx\n    extends: base\n  base:\n    image: nginx\n"],
    ])
    func aServiceNoFileExtendsStaysAnError(files: [String: String]) throws {
        let run = try Self.lint(files, "common.yml")
        #expect(run.output.hasPrefix("common.yml:2:3: error: service 'base' has neither 'image' nor 'build'"), "\(run.output)")
        #expect(run.status == .findings)
    }

    /// In a folder run the base is a note and the project of the extending file passes, as Compose's does.
    @Test func aFolderOfAProjectAndItsBasePasses() throws {
        let run = try SingleFileProjectTests.lint(["common.yml": Self.base.replacingOccurrences(of: "  other:\n    restart: always\n", with: ""),
                                                   "compose.yaml": Self.extending], ["."])
        #expect(run.status == .success, "\(run.output)")
        #expect(run.output.contains("info: service 'base'"), "\(run.output)")
    }

    /// The editor shows what lint prints for the saved file.
    @Test func theEditorShowsTheNoteToo() throws {
        let folder = try TemporaryDirectory()
        try folder.write("compose.yaml", Self.extending)
        let path = try folder.write("common.yml", Self.base)
        let report = try #require(FolderSettings(directory: folder.path, environment: EnvironmentOptions(process: [])).lint(path: path, bytes: Array(Self.base.utf8)))
        #expect(report.diagnostics.map(\.severity) == [.info, .error], "\(report.diagnostics.map(\.message))")
    }
}
