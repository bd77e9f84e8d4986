import Diagnostics
import Project
import TestSupport
import Testing

/// An `include` Docker Compose would fetch (an OCI artifact, a git repository) is a `remote-include`
/// error at the value, since stackc never fetches; every other entry is a local path, read or reported
/// missing (`invalid-include`) as before. The forms are those docker/compose v2.40.3's remote loaders
/// accept (`oci://`, and buildkit's `ParseGitRef` for git), checked against the binary offline: it
/// tries the network for each remote form and reads the others as files.
struct RemoteIncludeTests {
    static let remote = [
        ("oci://docker.io/example/app:latest", "an OCI artifact"),
        ("git@github.com:example/app.git", "a git repository"),
        ("https://github.com/example/app.git", "a git repository"),
        ("https://github.com/example/app.git#main:deploy", "a git repository"),
        ("http://git.example.com/app.git?ref=v1", "a git repository"),
        ("ssh://git@github.com/example/app.git", "a git repository"),
        ("git://github.com/example/app.git", "a git repository"),
        ("github.com/example/app", "a git repository"),
    ]
    /// Local paths, however URL-like: Compose opens `https://example.com/compose.yaml` as a file.
    static let local = ["lib/compose.yaml", "./lib/compose.yaml", "../lib/compose.yaml", "https://example.com/compose.yaml",
                        "user@host/compose.yaml", "oci:/x.yaml"]

    func load(_ include: String, in folder: TemporaryDirectory) throws -> ComposeProject {
        let text = "include:\n  - path: \(include)\nservices:\n  web:\n    image: nginx\n"
        let path = try folder.write("p/compose.yaml", text)
        return ProjectLoader.load([SourceFile(path: path, bytes: Array(text.utf8))], directory: folder.path("p"))
    }

    @Test(arguments: remote)
    func aRemoteIncludeIsAnErrorAtItsValue(include: String, kind: String) throws {
        let folder = try TemporaryDirectory()
        let project = try load(include, in: folder)
        let errors = project.diagnostics.filter { $0.severity == .error }
        #expect(errors.map(\.rule) == [.remoteInclude], "\(errors)")
        #expect(errors.first?.message.hasPrefix("'\(include)' is \(kind) Docker Compose would fetch; stackc never fetches") == true,
                "\(errors.first?.message ?? "")")
        #expect(errors.first?.range?.start.line == 2 && errors.first?.range?.start.column == 11)
        #expect(project.tree != nil, "the rest of the project is still checked")
    }

    @Test(arguments: local)
    func aLocalPathIsReadAsAFile(include: String) throws {
        let folder = try TemporaryDirectory()
        let project = try load(include, in: folder)
        #expect(project.diagnostics.map(\.rule) == [.invalidInclude], "missing, not remote: \(project.diagnostics)")
    }
}
