import Diagnostics
import Driver
import Foundation
import Lowering
import Model
import Syntax
import Testing
import TestSupport

/// `render` and `build` refuse exactly what `lint` refuses, file by file, over the samples and the
/// shared corpus: each command run on one file with default settings, as a user would. Render must
/// also report lint's very findings (same text); build, with a target of the file's kind, prints a
/// body exactly when `lint -f FILE --target v2` has no error (build reads a Compose file as a project,
/// following its `extends` and `include`, so the template it sends needs no other file).
struct RenderLintAgreementTests {
    /// What lint walks in `samples/`: every .yaml and .yml below it.
    static let samples: [String] = LintJob(paths: [packageRoot.appendingPathComponent("samples").path], options: FrontEndOptions(),
                                           environment: EnvironmentOptions(process: []), jobs: 1).inputs().inputs.compactMap {
        guard case .file(let path) = $0 else { return nil }
        return path
    }

    static let corpus = SharedCorpus.entries.map(\.url.path)

    /// `lint FILE`, or with `asProject` `lint -f FILE`: one file read as a Compose project, its `extends`
    /// and `include` followed, as `build` reads it.
    static func lint(_ path: String, platform: Platform? = nil, asProject: Bool = false) -> JobRun {
        var job = LintJob(paths: [path], options: FrontEndOptions(platform: platform), environment: EnvironmentOptions(process: []), jobs: 1)
        if asProject { job.projectFiles = [path] }
        return JobRun { job.run(output: $0, errors: $1) }
    }

    static func render(_ path: String) -> JobRun {
        let job = RenderJob(template: SingleTemplate(path: path, options: FrontEndOptions(), environment: EnvironmentOptions(process: [])),
                            format: .yaml)
        return JobRun { job.run(output: $0, errors: $1, colors: false) }
    }

    /// `build FILE --target T --project p --name n`.
    static func build(_ path: String, target: TargetID) -> JobRun {
        let job = BuildJob(path: path, flags: BuildFlags(target: target, values: [.name: "n", .project: "p"]), options: FrontEndOptions(),
                           environment: EnvironmentOptions(process: []))
        return JobRun { job.run(output: $0, errors: $1, colors: false) }
    }

    /// The v2 target that takes a file of this kind, if any.
    static func target(of path: String) -> TargetID? {
        guard let bytes = FileManager.default.contents(atPath: path),
              let tree = YAMLReader.read(SourceFile(path: path, bytes: Array(bytes)), limits: .default).tree else { return nil }
        switch DocumentKind.detect(tree) {
        case .kind(.compose, _): return .v2Compose
        case .kind(.pod, _): return .v2Podstack
        default: return nil
        }
    }

    static func expectAgreement(_ path: String) {
        let lint = lint(path)
        let render = render(path)
        #expect(lint.status != .failure, "\(lint.errors)")
        #expect(render.status == lint.status, "lint: \(lint.output)render: \(render.errors)")
        #expect(render.errors == lint.output, "render reports lint's findings")
        #expect(render.output.isEmpty == (render.status != .success))
        guard let target = target(of: path) else { return }
        let lintForTarget = Self.lint(path, platform: .v2, asProject: target == .v2Compose)
        let build = build(path, target: target)
        #expect(build.status == lintForTarget.status, "lint -f --target v2: \(lintForTarget.output)build: \(build.errors)")
        #expect(build.output.isEmpty == (build.status != .success))
    }

    /// Guards against checking nothing: a moved folder or a changed walk would empty the lists.
    @Test func theFilesAreThere() {
        #expect(Self.samples.count >= 31)
        #expect(Self.samples.filter { Self.target(of: $0) != nil }.count >= 8)
    }

    @Test(CorpusLintTests.enabled) func theCorpusIsThere() {
        #expect(Self.corpus.count >= 700)
        #expect(Self.corpus.filter { Self.target(of: $0) != nil }.count >= 450)
    }

    @Test(arguments: samples)
    func samplesAgree(_ path: String) {
        Self.expectAgreement(path)
    }

    @Test(CorpusLintTests.enabled, arguments: corpus)
    func corpusAgrees(_ path: String) {
        Self.expectAgreement(path)
    }

    /// Neither folder holds a `.env`, so broken ones beside a template are checked here.
    @Test(arguments: brokenDotEnvLines)
    func aBrokenEnvFileIsRefusedByAll(line: String, finding: String) throws {
        let folder = try TemporaryDirectory()
        let path = try folder.write("compose.yaml", "services:\n  web:\n    image: nginx\n")
        try folder.write(".env", line)
        let lint = Self.lint(path)
        #expect(lint.status == .findings && lint.output == folder.path(finding) + "\n")
        let render = Self.render(path)
        #expect(render.refused && render.errors == lint.output)
        #expect(Self.build(path, target: .v2Compose).refused)
    }

    /// A finding its file suppresses stops none of the three: build reads the template as lint does.
    @Test func aSuppressedFindingStopsNoneOfThem() throws {
        let folder = try TemporaryDirectory()
        let path = try folder.write("compose.yaml", """
            services:
              web:
                image: nginx
                # stackc-disable-next-line port-range -- the proxy maps it
                ports: ["70000:80"]

            """)
        #expect(Self.lint(path).status == .success)
        #expect(!Self.render(path).refused)
        let build = Self.build(path, target: .v2Compose)
        #expect(build.status == .success && !build.output.isEmpty, "\(build.errors)")
    }
}
