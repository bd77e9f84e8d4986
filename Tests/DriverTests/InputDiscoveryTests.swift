import Driver
import Foundation
import TestSupport
import Testing

/// Command-line paths → the ordered list of inputs: directories walked in byte order of names, a
/// folder's files before its subfolders, hidden entries skipped, `*.yml`/`*.yaml` (any case) taken;
/// files named explicitly taken whatever their name; `-` is standard input.
struct InputDiscoveryTests {
    static let template = "services:\n  web:\n    image: nginx:1.25\n"

    static func files(_ inputs: [Input], relativeTo folder: TemporaryDirectory) -> [String] {
        inputs.map { input in
            guard case .file(let path) = input else { return "<stdin>" }
            return path.hasPrefix(folder.path + "/") ? String(path.dropFirst(folder.path.count + 1)) : path
        }
    }

    @Test func namesAreSortedByBytesNotByStringOrdering() throws {
        let folder = try TemporaryDirectory()
        // Byte order: '1' < '9' < 'B' < 'Z' < '_' < 'a' < 'e' (then U+0301 as CC 81) < 'f' < 'é' (C3 A9).
        // Swift's String ordering would put the decomposed "e\u{301}" (≡ "é") after "f".
        let names = ["f.yaml", "a.yaml", "_.yaml", "Z.yml", "B.yaml", "9.yaml", "10.yaml", "e\u{301}.yaml", "\u{E9}x.yaml",
                     "a.yml", "a.b.yaml", "a-b.yaml"]
        for name in names { try folder.write(name, Self.template) }
        let result = InputDiscovery.discover([folder.path])
        #expect(result.problems.isEmpty)
        let found = Self.files(result.inputs, relativeTo: folder)
        let expected = ["10.yaml", "9.yaml", "B.yaml", "Z.yml", "_.yaml", "a-b.yaml", "a.b.yaml", "a.yaml", "a.yml",
                        "e\u{301}.yaml", "f.yaml", "\u{E9}x.yaml"]
        #expect(found.map { Array($0.utf8) } == expected.map { Array($0.utf8) }, "\(found)")
    }

    @Test func filesComeBeforeSubdirectoriesDepthFirst() throws {
        let folder = try TemporaryDirectory()
        for path in ["z.yaml", "a/x.yaml", "a/deep/d.yaml", "a/b.yaml", "b/y.yml", "m.yaml", "a/deep/er/e.yaml", "c/c.yaml"] {
            try folder.write(path, Self.template)
        }
        let result = InputDiscovery.discover([folder.path])
        #expect(result.problems.isEmpty)
        #expect(Self.files(result.inputs, relativeTo: folder) == [
            "m.yaml", "z.yaml", "a/b.yaml", "a/x.yaml", "a/deep/d.yaml", "a/deep/er/e.yaml", "b/y.yml", "c/c.yaml",
        ])
    }

    @Test func hiddenFilesAndFoldersAreSkipped() throws {
        let folder = try TemporaryDirectory()
        for path in [".hidden.yaml", ".git/config.yaml", ".build/debug/x.yaml", ".github/workflows/ci.yml", "sub/.env.yaml",
                     "sub/.secret/s.yaml", ".yaml", "visible.yaml", "sub/shown.yaml"] {
            try folder.write(path, Self.template)
        }
        let result = InputDiscovery.discover([folder.path])
        #expect(Self.files(result.inputs, relativeTo: folder) == ["visible.yaml", "sub/shown.yaml"])
    }

    @Test func extensionsAreMatchedWithoutRegardToCase() throws {
        let folder = try TemporaryDirectory()
        let taken = ["a.yml", "b.yaml", "c.YAML", "d.YML", "e.Yaml", "f.tar.yaml"]
        let skipped = ["g.json", "h.txt", "i.yaml.bak", "j.yamlx", "yaml", "k_yaml", "Makefile", "l.ym", "m.yaml~"]
        for name in taken + skipped { try folder.write(name, Self.template) }
        let result = InputDiscovery.discover([folder.path])
        #expect(Self.files(result.inputs, relativeTo: folder) == taken)
    }

    @Test func aFolderNamedYAMLIsWalkedNotTaken() throws {
        let folder = try TemporaryDirectory()
        try folder.write("configs.yaml/inner.yml", Self.template)
        let result = InputDiscovery.discover([folder.path])
        #expect(Self.files(result.inputs, relativeTo: folder) == ["configs.yaml/inner.yml"])
    }

    @Test func explicitFilesAreTakenWhateverTheirName() throws {
        let folder = try TemporaryDirectory()
        let text = try folder.write("notes.txt", Self.template)
        let hidden = try folder.write(".hidden.yaml", Self.template)
        let result = InputDiscovery.discover([text, hidden])
        #expect(result.problems.isEmpty)
        #expect(result.inputs == [.file(text), .file(hidden)])
    }

    @Test func anExplicitlyNamedHiddenFolderIsWalked() throws {
        let folder = try TemporaryDirectory()
        try folder.write(".github/ci.yml", Self.template)
        let result = InputDiscovery.discover([folder.path(".github")])
        #expect(result.inputs == [.file(folder.path(".github/ci.yml"))])
    }

    @Test func dashIsStandardInputInArgumentOrder() throws {
        let folder = try TemporaryDirectory()
        let b = try folder.write("b.yaml", Self.template)
        try folder.write("dir/a.yaml", Self.template)
        let result = InputDiscovery.discover([b, "-", folder.path("dir")])
        #expect(result.problems.isEmpty)
        #expect(result.inputs == [.file(b), .standardInput, .file(folder.path("dir/a.yaml"))])
        #expect(Input.standardInput.displayName == "<stdin>")
        #expect(Input.file("x/y.yaml").displayName == "x/y.yaml")
    }

    @Test func missingPathIsAProblemAndTheRestStillCount() throws {
        let folder = try TemporaryDirectory()
        let present = try folder.write("a.yaml", Self.template)
        let missing = folder.path("missing.yaml")
        let result = InputDiscovery.discover([missing, present])
        #expect(result.inputs == [.file(present)])
        #expect(result.problems.count == 1)
        #expect(result.problems.first?.path == missing)
        #expect(result.problems.first?.message == "No such file or directory")
    }

    @Test func folderWithoutYAMLIsAProblem() throws {
        let folder = try TemporaryDirectory()
        try folder.write("readme.md", "# nothing\n")
        try folder.write(".hidden/x.yaml", Self.template)
        try folder.makeDirectory("empty")
        let result = InputDiscovery.discover([folder.path])
        #expect(result.inputs.isEmpty)
        #expect(result.problems.map(\.path) == [folder.path])
        #expect(result.problems.map(\.message) == ["no YAML files (*.yml, *.yaml) in this directory"])
        let empty = InputDiscovery.discover([folder.path("empty")])
        #expect(empty.problems.map(\.path) == [folder.path("empty")])
    }

    @Test func trailingSlashDoesNotDoubleTheSeparator() throws {
        let folder = try TemporaryDirectory()
        try folder.write("sub/a.yaml", Self.template)
        let result = InputDiscovery.discover([folder.path + "/"])
        #expect(result.inputs == [.file(folder.path + "/sub/a.yaml")])
    }

    @Test func symlinkedFilesAreTaken() throws {
        let folder = try TemporaryDirectory()
        let target = try folder.write("real/t.yaml", Self.template)
        try symlink(folder.path("dir/link.yaml"), to: target)
        let result = InputDiscovery.discover([folder.path("dir")])
        #expect(result.inputs == [.file(folder.path("dir/link.yaml"))])
    }

    /// A symbolic link back to a folder being walked must not make the walk list files again and again
    /// (one such link repeats every file ~40 times until the kernel's ELOOP; two links make the walk
    /// exponential, so `stackc lint` never finishes).
    @Test func symlinkLoopListsEachFileOnce() throws {
        let folder = try TemporaryDirectory()
        try folder.write("dir/a.yaml", Self.template)
        try symlink(folder.path("dir/self"), to: ".")
        let result = InputDiscovery.discover([folder.path("dir")])
        #expect(result.inputs.count == 1, "the one file was listed \(result.inputs.count) times")
        #expect(result.inputs.first == .file(folder.path("dir/a.yaml")))
    }
}

/// Creates a symbolic link at `path` (and its folder) pointing at `destination`, verbatim.
private func symlink(_ path: String, to destination: String) throws {
    try FileManager.default.createDirectory(atPath: URL(fileURLWithPath: path).deletingLastPathComponent().path, withIntermediateDirectories: true)
    try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: destination)
}
