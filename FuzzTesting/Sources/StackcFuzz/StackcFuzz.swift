import Diagnostics
import Driver
import Interpolation
import Lowering
import Model
import Reporting
import Syntax

/// One fuzz input through everything `lint`, `render` and `build` do with a file: read, interpolate,
/// decode and check against the schema, run the rules (without a platform, for each platform, and with
/// `--kind`), print the findings in both formats, emit the tree again, lower every valid document to each
/// target of the platform, and read the same bytes as an `.env` file. A crash, a hang past libFuzzer's
/// `-timeout` or memory past `-rss_limit_mb` is a bug.
@_cdecl("LLVMFuzzerTestOneInput")
public func stackcFuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = size == 0 ? [] : Array(UnsafeBufferPointer(start: data, count: size))
    PipelineRun(file: SourceFile(path: "fuzz/compose.yaml", bytes: bytes)).run()
    return 0
}

/// The commands' stages for one in-memory file, with the variables a template commonly refers to set.
struct PipelineRun {
    let file: SourceFile

    static let environment: Environment = {
        var environment = Environment()
        for (name, value) in [("TAG", "1.2"), ("PORT", "8080"), ("EMPTY", ""), ("A", "a"), ("REPLICAS", "3"), ("MEMORY", "512Mi")] {
            environment.set(name, value, source: .process)
        }
        return environment
    }()

    static let flags: [RequestField: String] = [.name: "fuzz", .project: "fuzz", .description: "fuzz", .version: "auto", .appID: "app",
                                                .service: "web", .minReplicas: "1", .maxReplicas: "3", .targetCPU: "50"]

    func run() {
        readingBothWaysAgrees()
        let lint = LintPipeline.lint(file, environment: Self.environment, directory: "fuzz", options: FrontEndOptions())
        for format in ReportFormat.allCases {
            var reporter = format.makeReporter(ReportContext(colors: format == .text))
            _ = reporter.report(lint)
        }
        render()
        for platform in [Platform.aliyun, .v2, .alauda] {
            build(for: platform)
        }
        lintAsGivenKind()
        _ = parseDotEnv(String(decoding: file.bytes, as: UTF8.self)) { Self.environment[$0]?.value }
    }

    /// Reading through `EventPipe` (libyaml on a second thread, which `lint` does for large files) must
    /// give what reading on one thread gives: the same findings and the same tree, node for node. Inputs
    /// here are small, so the pipe is asked for explicitly.
    private func readingBothWaysAgrees() {
        let direct = YAMLReader.read(file, limits: .default, pipelined: false)
        let piped = YAMLReader.read(file, limits: .default, pipelined: true)
        precondition(direct.diagnostics == piped.diagnostics, "the pipe's findings differ")
        guard let one = direct.tree, let other = piped.tree else {
            precondition(direct.tree == nil && piped.tree == nil, "only one way gave a tree")
            return
        }
        precondition(one.root == other.root && one.nodes.count == other.nodes.count, "the pipe's tree differs")
        for id in one.nodeIDs {
            let left = one[id], right = other[id]
            precondition(left.kind == right.kind && left.style == right.style && left.isFlow == right.isFlow && left.range == right.range
                         && left.text == right.text && left.tag == right.tag && left.entryCount == right.entryCount
                         && one.items(of: id).elementsEqual(other.items(of: id))
                         && one.pairs(of: id).map(\.key).elementsEqual(other.pairs(of: id).map(\.key))
                         && one.pairs(of: id).map(\.value).elementsEqual(other.pairs(of: id).map(\.value)),
                         "the pipe's node \(id.index) differs")
        }
    }

    /// `lint --kind`: the file decoded as a kind its keys may not suggest, chosen by the input's length
    /// so that one input always meets the same kind.
    private func lintAsGivenKind() {
        var options = FrontEndOptions()
        options.kind = DocumentKind.allCases[file.bytes.count % DocumentKind.allCases.count]
        _ = LintPipeline.lint(file, environment: Self.environment, directory: "fuzz", options: options)
    }

    private func render() {
        let processed = FrontEnd.process(file, environment: Self.environment, directory: "fuzz", options: FrontEndOptions())
        guard let tree = processed.tree, !processed.diagnostics.contains(where: { $0.severity == .error }) else { return }
        _ = tree.json()
        _ = try? YAMLEmitter.emit(tree)
        if DocumentKind.detect(tree) == .kind(.stack, nil) {
            _ = StackManifest.read(tree)
        }
    }

    /// What `build --target` does after loading the file, for every target of one platform.
    private func build(for platform: Platform) {
        var options = FrontEndOptions()
        options.platform = platform
        let processed = FrontEnd.process(file, environment: Self.environment, directory: "fuzz", options: options)
        let (document, diagnostics) = TemplateCheck.run(processed, kind: nil, platform: platform)
        guard let document, let interpolated = processed.interpolated, !diagnostics.contains(where: { $0.severity == .error }) else { return }
        for target in TargetID.allCases where target.platform == platform {
            // The request's values assembled and checked as `build` does; lowered only when they pass.
            let assembly = RequestAssembly(target: target, flags: Self.flags, manifest: [:], document: document)
            guard !(assembly.commandLine + assembly.manifest + assembly.template).contains(where: { $0.severity == .error }) else { continue }
            let input = LoweringInput(document: document, file: file, interpolated: interpolated, environment: processed.environment,
                                      metadata: assembly.metadata)
            guard let request = try? target.target.lower(input) else { continue }
            _ = request.json(indent: "  ")
        }
    }
}
