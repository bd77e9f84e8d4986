import Diagnostics
import Project
import Syntax
import TestSupport
import Testing

/// `ProjectLoader` on projects written to a temporary folder: `extends` and `include` resolved into the
/// merged tree, relative paths of other folders rebased, and each problem an error at the value that
/// caused it, in the file it is in (`ProjectText.locate`).
struct ProjectLoaderTests {
    /// The project whose first file is `main` in `folder` (with the later `others`), loaded.
    func load(_ folder: TemporaryDirectory, _ main: String, _ others: String...) throws -> ComposeProject {
        let files = try ([main] + others).map { name in
            SourceFile(path: folder.path(name), bytes: Array(try String(contentsOfFile: folder.path(name), encoding: .utf8).utf8))
        }
        return ProjectLoader.load(files, directory: ProjectLoaderTests.directory(of: files[0].path))
    }

    static func directory(of path: String) -> String {
        String(path[..<path.lastIndex(of: "/")!])
    }

    /// The text of the scalar at a dotted path of the merged tree (`services.web.image`, `…volumes.0`).
    func text(_ project: ComposeProject, _ path: String) -> String? {
        guard let tree = project.tree else { return nil }
        var id = tree.root
        for part in path.split(separator: ".") {
            if let index = Int(part) {
                let items = tree.items(of: id)
                guard index < items.count else { return nil }
                id = items[items.startIndex + index]
            } else {
                guard let next = tree.value(forKey: String(part), in: id) else { return nil }
                id = next
            }
        }
        return tree[id].text
    }

    /// Each error as `file:line:column: message`, the file relative to `folder`.
    func errors(_ project: ComposeProject, in folder: TemporaryDirectory) -> [String] {
        project.diagnostics.filter { $0.severity == .error }.map { diagnostic in
            let place = project.text.locate(diagnostic.range!)
            return "\(place.file.path.replacingOccurrences(of: folder.path("") + "/", with: "")):\(place.range.start.line):\(place.range.start.column): \(diagnostic.message)"
        }
    }

    @Test func extendsAnotherFileRebasesItsPathsAndKeepsItsPositions() throws {
        let folder = try TemporaryDirectory()
        try folder.write("p/compose.yaml", "services:\n  web:\n    extends: {file: lib/common.yml, service: base}\n    environment: [B=2]\n")
        try folder.write("p/lib/common.yml", "services:\n  base:\n    image: nginx\n    build: ./app\n    environment: [A=1]\n    volumes: [\"./data:/data\", \"named:/n\"]\n")
        let project = try load(folder, "p/compose.yaml")
        #expect(errors(project, in: folder) == [])
        #expect(text(project, "services.web.image") == "nginx")
        #expect(text(project, "services.web.build") == "lib/app")
        #expect(text(project, "services.web.volumes.0") == "./lib/data:/data")
        #expect(text(project, "services.web.volumes.1") == "named:/n", "a named volume is no path")
        #expect(text(project, "services.web.environment.1") == "B=2")
        #expect(text(project, "services.web.extends") == nil, "extends is resolved away")
        let tree = try #require(project.tree)
        let image = try #require(tree.value(forKey: "image", in: tree.value(forKey: "web", in: tree.value(forKey: "services", in: tree.root)!)!))
        let place = project.text.locate(tree[image].range)
        #expect(place.file.path.hasSuffix("p/lib/common.yml") && place.range.start.line == 3, "the image is where common.yml writes it")
    }

    @Test func extendsChainsInTheSameFileMergeEachStep() throws {
        let folder = try TemporaryDirectory()
        try folder.write("p/compose.yaml", """
            services:
              c: {extends: b, command: [c]}
              b: {extends: a, environment: {B: "1"}}
              a: {image: nginx, environment: {A: "1"}, command: [a, b]}
            """)
        let project = try load(folder, "p/compose.yaml")
        #expect(errors(project, in: folder) == [])
        #expect(text(project, "services.c.image") == "nginx")
        #expect(text(project, "services.c.environment.A") == "1")
        #expect(text(project, "services.c.environment.B") == "1")
        #expect(text(project, "services.c.command.0") == "c" && text(project, "services.c.command.1") == nil, "command is replaced")
    }

    @Test func extendsProblemsAreErrorsAtTheExtendsValue() throws {
        let folder = try TemporaryDirectory()
        try folder.write("p/compose.yaml", """
            services:
              a: {image: x, extends: b}
              b: {image: x, extends: a}
              gone: {image: x, extends: nothere}
              file: {image: x, extends: {file: missing.yml, service: s}}
              other: {image: x, extends: {file: lib.yml, service: nope}}
            """)
        try folder.write("p/lib.yml", "services:\n  s:\n    image: x\n")
        let found = errors(try load(folder, "p/compose.yaml"), in: folder)
        #expect(found.contains("p/compose.yaml:3:26: services extend each other in a cycle: a → b → a; Compose cannot resolve it"), "\(found)")
        #expect(found.contains("p/compose.yaml:4:29: service 'gone' extends 'nothere', which is not a service of this file"), "\(found)")
        #expect(found.contains { $0.hasPrefix("p/compose.yaml:5:36: service 'file' extends a service of 'missing.yml', which cannot be read") }, "\(found)")
        #expect(found.contains("p/compose.yaml:6:55: service 'other' extends 'nope', which is not a service in 'lib.yml'"), "\(found)")
    }

    @Test func includeImportsTheProjectWithItsPathsRebased() throws {
        let folder = try TemporaryDirectory()
        try folder.write("p/compose.yaml", "include:\n  - path: [lib/compose.yaml, lib/more.yaml]\nservices:\n  web:\n    image: nginx\n")
        try folder.write("p/lib/compose.yaml", "services:\n  db:\n    image: postgres\n    build: ./ctx\n  cache:\n    build: {dockerfile: Dockerfile.cache}\n"
                         + "secrets:\n  s:\n    file: ./s.txt\n")
        try folder.write("p/lib/more.yaml", "services:\n  db:\n    volumes: [\"./init:/init\"]\n")
        let project = try load(folder, "p/compose.yaml")
        #expect(errors(project, in: folder) == [])
        #expect(text(project, "services.db.build") == "lib/ctx")
        #expect(text(project, "services.db.volumes.0") == "./lib/init:/init")
        #expect(text(project, "secrets.s.file") == "lib/s.txt")
        #expect(text(project, "services.cache.build.context") == "lib", "no context is Compose's '.', the included folder")
        #expect(text(project, "services.web.image") == "nginx")
        #expect(text(project, "include") == nil)
    }

    @Test func includeProblemsAreErrorsWhereTheyAreWritten() throws {
        let folder = try TemporaryDirectory()
        try folder.write("p/compose.yaml", """
            include:
              - a.yaml
              - missing.yaml
              - path: b.yaml
                env_file: nope.env
            services:
              db:
                image: mysql
            """)
        try folder.write("p/a.yaml", "include:\n  - compose.yaml\nservices:\n  db:\n    image: postgres\n")
        try folder.write("p/b.yaml", "services:\n  b:\n    image: x\n")
        let found = errors(try load(folder, "p/compose.yaml"), in: folder)
        #expect(found.contains { $0.hasPrefix("p/a.yaml:2:5: files include each other in a cycle: ") && $0.hasSuffix("p/compose.yaml") }, "\(found)")
        #expect(found.contains { $0.hasPrefix("p/compose.yaml:3:5: the included file 'missing.yaml' cannot be read") }, "\(found)")
        #expect(found.contains { $0.hasPrefix("p/compose.yaml:5:15: the include's env_file 'nope.env' cannot be read") }, "\(found)")
        #expect(found.contains("p/compose.yaml:7:3: services.db is defined here and, differently, by an included file; Compose refuses the conflict"), "\(found)")
    }

    @Test func aFileThatCannotBeReadAsYAMLLeavesNoTree() throws {
        let folder = try TemporaryDirectory()
        try folder.write("p/compose.yaml", "services:\n  web:\n    extends: {file: bad.yml, service: b}\n")
        try folder.write("p/bad.yml", "services:\n  b: [unclosed\n")
        let project = try load(folder, "p/compose.yaml")
        #expect(project.tree == nil)
        #expect(errors(project, in: folder).contains { $0.hasPrefix("p/bad.yml:") }, "\(errors(project, in: folder))")
    }
}
