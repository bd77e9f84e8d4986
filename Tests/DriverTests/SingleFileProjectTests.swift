@testable import Driver
import Diagnostics
import Model
import Reporting
import Syntax
import TestSupport
import Testing

/// `lint FILE`, `render FILE` and `graph FILE` of a Compose file that includes or extends others read it
/// as `-f FILE` reads it, as Compose does: a project of one file. Every other file keeps the plain path.
struct SingleFileProjectTests {
    /// Which texts name other files, as `SingleFileProject` decides before anything else reads them.
    @Test(arguments: [
        ("include:\n  - lib/compose.yaml\nservices:\n  web:\n    image: nginx\n", nil, true),
        ("include: [lib/compose.yaml]\n", nil, true),
        ("services:\n  web:\n    extends: {file: common.yml, service: app}\n", nil, true),
        ("services:\n  web:\n    extends: base\n  base:\n    image: nginx\n", nil, true),
        ("\"include\": [lib/compose.yaml]\n", nil, true),
        ("include: [lib/compose.yaml]\nservices: {}\n", DocumentKind.compose, true),
        // The words elsewhere: a comment, a value, a key that is not the root's or a service's.
        ("services:\n  web:\n    image: nginx  # extends nothing, includes nothing\n", nil, false),
        ("services:\n  web:\n    image: nginx\n    command: [extends, include]\n", nil, false),
        ("services:\n  web:\n    image: nginx\n    labels: {include: \"yes\", extends: \"no\"}\n", nil, false),
        ("services:\n  web:\n    image: nginx\nx-defaults:\n  extends: base\n", nil, false),
        // Other kinds and layouts, which Compose does not read as a project.
        ("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: include}\ndata: {extends: x}\n", nil, false),
        ("web:\n  image: nginx\n  extends: {file: common.yml, service: app}\n", nil, false),
        ("containers:\n  - name: include\n    image: nginx\n", nil, false),
        ("include: [ci/common.yml]\nstages: [build]\nbuild:\n  image: node\n  script: [make]\n", nil, false),
        ("include: [lib/compose.yaml]\n", DocumentKind.pod, false),
        ("services: [\ninclude:\n", nil, false),
    ] as [(String, DocumentKind?, Bool)])
    func whatIsReadAsAProject(text: String, kind: DocumentKind?, expected: Bool) {
        let file = SourceFile(path: "compose.yaml", bytes: Array(text.utf8))
        #expect(SingleFileProject.applies(to: file, kind: kind, limits: .default) == expected)
    }

    static let common = "services:\n  app:\n    image: nginx\n    ports: [\"70000:80\"]\n"
    static let extending = "services:\n  web:\n    extends: {file: common.yml, service: app}\n"
    static let including = "include:\n  - lib/compose.yaml\nservices:\n  web:\n    image: nginx\n    depends_on: [db]\n"
    static let included = "services:\n  db:\n    image: postgres\n"

    /// `lint` of `paths` (or with `asProject`, `lint -f` of them) in a folder holding `files`: status, text report (paths
    /// relative to the folder) and the error stream's summary.
    static func lint(_ files: [String: String], _ paths: [String], asProject: Bool = false) throws -> (status: ExitStatus, output: String, summary: String) {
        let folder = try TemporaryDirectory()
        for (name, text) in files { _ = try folder.write(name, text) }
        var job = LintJob(paths: paths.map(folder.path), options: FrontEndOptions(), environment: EnvironmentOptions(process: []), jobs: 2,
                          reporting: LintReportOptions(destinations: [ReportDestination(format: .text)]))
        if asProject { job.projectFiles = job.paths }
        var output = ""
        var summary = ""
        let status = job.run(output: { output += $0 }, errors: { summary += $0 })
        return (status, output.replacingOccurrences(of: folder.path + "/", with: ""), summary)
    }

    /// Projects whose verdict needs the other files, with a finding's place and rule checked by hand.
    @Test(arguments: [
        ("a missing base file", ["compose.yaml": extending], "compose.yaml:3:21: error:", "[invalid-extends]"),
        ("a missing base service", ["compose.yaml": extending, "common.yml": "services:\n  other:\n    image: nginx\n"],
         "compose.yaml:3:42: error:", "[invalid-extends]"),
        ("a cycle across files", ["compose.yaml": extending, "common.yml": "services:\n  app:\n    extends: {file: compose.yaml, service: web}\n"],
         "common.yml:3:44: error:", "[invalid-extends]"),
        ("a bad value of the base, at the base", ["compose.yaml": extending, "common.yml": common], "common.yml:4:13: error:", "[port-range]"),
        ("an included file that is missing", ["compose.yaml": including], "compose.yaml:2:5: error:", "[invalid-include]"),
        ("a service the include conflicts with", ["compose.yaml": including + "  db:\n    image: mysql\n", "lib/compose.yaml": included],
         "compose.yaml:7:3: error:", "[invalid-include]"),
    ])
    func lintOfTheFileJudgesTheProject(name: String, files: [String: String], place: String, rule: String) throws {
        let alone = try Self.lint(files, ["compose.yaml"])
        let found = alone.output.split(separator: "\n").contains { $0.hasPrefix(place) && $0.hasSuffix(rule) }
        #expect(alone.status == .findings && found, "\(name): \(alone.output)")
        let project = try Self.lint(files, ["compose.yaml"], asProject: true)
        #expect(alone.status == project.status && alone.output == project.output, "\(name): -f FILE says \(project.output)")
    }

    @Test func aServiceOnlyTheIncludedFileDefinesIsDefined() throws {
        let run = try Self.lint(["compose.yaml": Self.including, "lib/compose.yaml": Self.included], ["compose.yaml"])
        #expect(run.status == .success && run.output.isEmpty, "\(run.output)")
    }

    /// A folder: the included or extended file is linted alone too, and a finding in it is reported once.
    @Test func aFindingOfAnIncludedFileIsReportedOnceInAFolder() throws {
        let bad = Self.included + "    ports: [\"70000:5432\"]\n"
        for (paths, order) in [(["."], "compose.yaml first"), (["lib", "compose.yaml"], "the included file first")] {
            let run = try Self.lint(["compose.yaml": Self.including, "lib/compose.yaml": bad], paths)
            let lines = run.output.split(separator: "\n")
            #expect(run.status == .findings)
            #expect(lines.filter { $0.contains("port-range") }.count == 1, "\(order): \(run.output)")
            #expect(lines.contains { $0.hasPrefix("lib/compose.yaml:4:13: error:") && $0.hasSuffix("[port-range]") }, "\(order): \(run.output)")
            // The file's report left empty by what the project reported is not counted again.
            #expect(run.summary == "1 error in 1 file (2 files checked)\n", "\(order): \(run.summary)")
        }
        let extended = try Self.lint(["compose.yaml": Self.extending, "common.yml": Self.common], ["."])
        #expect(extended.output.split(separator: "\n").filter { $0.contains("port-range") }.count == 1, "\(extended.output)")
    }

    /// A problem only the extending file causes, in a base file that is fine alone: reported at the base once, refusing the run.
    @Test func aProblemOnlyTheProjectHasIsReportedAtTheBase() throws {
        let common = "services:\n  app:\n    image: nginx\n    networks: [front]\nnetworks:\n  front: {}\n"
        let alone = try Self.lint(["common.yml": common], ["common.yml"])
        #expect(alone.status == .success, "\(alone.output)")
        for paths in [["."], ["common.yml", "compose.yaml"]] {
            let run = try Self.lint(["compose.yaml": Self.extending, "common.yml": common], paths)
            let lines = run.output.split(separator: "\n")
            #expect(run.status == .findings && lines.count == 1 && lines[0].hasPrefix("common.yml:4:"), "\(paths): \(run.output)")
        }
    }

    static func template(_ folder: TemporaryDirectory, project: Bool) -> SingleTemplate {
        var template = SingleTemplate(path: folder.path("compose.yaml"), options: FrontEndOptions(), environment: EnvironmentOptions(process: []))
        if project { template.project = SingleTemplate.ProjectSelection(files: [template.path]) }
        return template
    }

    @Test func renderPrintsTheResolvedTemplate() throws {
        let folder = try TemporaryDirectory()
        _ = try folder.write("compose.yaml", Self.including)
        _ = try folder.write("lib/compose.yaml", Self.included)
        let render = RenderJob(template: Self.template(folder, project: false), format: .yaml)
        let run = JobRun { render.run(output: $0, errors: $1, colors: false) }
        #expect(run.status == .success && run.errors.isEmpty, "\(run.errors)")
        #expect(run.output == "services:\n  web:\n    image: nginx\n    depends_on: [db]\n  db:\n    image: postgres\n")
        let project = RenderJob(template: Self.template(folder, project: true), format: .yaml)
        #expect(JobRun { project.run(output: $0, errors: $1, colors: false) }.output == run.output)
    }

    @Test func graphShowsTheExtendedAndIncludedServices() throws {
        let folder = try TemporaryDirectory()
        _ = try folder.write("compose.yaml", Self.including + "  worker:\n    extends: {file: common.yml, service: app}\n    depends_on: [web]\n")
        _ = try folder.write("common.yml", "services:\n  app:\n    image: busybox\n")
        _ = try folder.write("lib/compose.yaml", Self.included)
        let graph = GraphJob(template: Self.template(folder, project: false), format: .mermaid)
        let run = JobRun { graph.run(output: $0, errors: $1, colors: false) }
        #expect(run.status == .success && run.errors.isEmpty, "\(run.errors)")
        #expect(run.output == """
            flowchart LR
              n0["web"]
              n1["worker"]
              n2["db"]
              n0 -->|depends_on| n2
              n1 -->|depends_on| n0

            """, "\(run.output)")
    }

    /// The editor lints the unsaved text with the files it names on disk, and shows the document's own part.
    @Test func theEditorReadsTheDocumentWithTheFilesItNames() throws {
        let folder = try TemporaryDirectory()
        _ = try folder.write("lib/compose.yaml", Self.included + "    ports: [\"70000:5432\"]\n")
        let settings = FolderSettings(directory: folder.path, environment: EnvironmentOptions(process: []))
        let path = folder.path("compose.yaml")
        let report = settings.lint(path: path, bytes: Array(Self.including.utf8))
        #expect(report?.file.path == path && report?.diagnostics.isEmpty == true, "\(report?.diagnostics ?? [])")
        let missing = settings.lint(path: path, bytes: Array(Self.including.replacingOccurrences(of: "lib/", with: "nope/").utf8))
        // Without the included file, the service it defines is missing too.
        #expect(missing?.diagnostics.map(\.rule.name) == ["invalid-include", "undefined-service"], "\(missing?.diagnostics ?? [])")
    }

    /// A folder of Kubernetes manifests that use the words keeps getting only notes.
    @Test func kubernetesManifestsWithTheWordsAreSkipped() throws {
        let manifest = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: include\ndata:\n  extends: base\n  include: all\n"
        let run = try Self.lint(["k8s/config.yaml": manifest], ["k8s"])
        #expect(run.status == .success && !run.output.contains("error"), "\(run.output)")
    }
}
