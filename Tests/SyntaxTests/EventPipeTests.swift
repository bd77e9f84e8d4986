import Diagnostics
import Testing
@testable import Syntax

/// Reading through `EventPipe` (libyaml on a second thread) must give exactly what reading on one
/// thread gives — the same tree, node for node, and the same findings — including when reading stops
/// early, while the producer is blocked on a full queue. The inputs are large enough for many batches.
struct EventPipeTests {
    /// About 40,000 events: anchors, merges, aliases, tags, flow and block styles, quoting, multi-line
    /// and non-ASCII scalars, so every kind of event and position crosses the pipe.
    static let body: String = {
        var text = "x-defaults: &defaults\n  restart: always\n  labels: {team: \"core\", tier: 'back'}\nservices:\n"
        for index in 0..<1_500 {
            text += """
              svc\(index):
                <<: *defaults
                image: "registry.example.com/team/app\(index):1.\(index % 7)"
                command: [sh, -c, 'echo héllo \(index)']
                environment:
                  - KEY_\(index)=value with spaces
                  - ÜNÏCÖDE=ü\(index)
                description: |
                  line one of \(index)
                  line two
                ports: !!seq ["\(10_000 + index):80"]
                size: !!str 12\(index)
                ref: *defaults

            """
        }
        return text
    }()

    @Test func wholeFileGivesTheSameTreeAndFindings() {
        let results = readBothWays(Self.body)
        #expect(results.pipelined.diagnostics.isEmpty)
        expectSame(results)
        #expect((results.pipelined.tree?.nodes.count ?? 0) > 30_000)
    }

    @Test func duplicateKeysAndBadMergesAreReportedTheSame() {
        let text = Self.body + "  svc0:\n    <<: 5\n    image: a\n    image: b\n"
        let results = readBothWays(text)
        #expect(results.pipelined.diagnostics.map(\.rule) == [.duplicateKey, .invalidMerge, .duplicateKey])
        expectSame(results)
    }

    /// A waiting reader is woken for two batches at a time, or for the last: every count of full
    /// batches before the end (each of 2,048 events; a flow sequence of n items makes n + 6, the stream's
    /// end last) must arrive, without the reader waiting for a batch that never comes.
    @Test(arguments: [1, 2_041, 2_042, 2_043, 4_089, 4_090, 4_091, 6_138, 6_139, 10_000])
    func everyCountOfBatchesArrives(items: Int) {
        let text = "[" + (0..<items).map(String.init).joined(separator: ", ") + "]\n"
        let results = readBothWays(text)
        expectSame(results)
        #expect(results.pipelined.tree?.nodes.count == items + 1)
    }

    @Test func syntaxErrorAfterManyBatches() {
        let results = readBothWays(Self.body + "  broken: [unclosed\n")
        #expect(results.pipelined.tree == nil)
        #expect(results.pipelined.diagnostics.map(\.rule) == [.yamlSyntax])
        expectSame(results)
    }

    @Test func invalidUTF8InTheMiddle() {
        var bytes = Array(Self.body.utf8)
        bytes.insert(0xFF, at: bytes.count / 2)
        let results = readBothWays(SourceFile(path: "t.yaml", bytes: bytes))
        #expect(results.pipelined.diagnostics.map(\.rule) == [.invalidEncoding])
        expectSame(results)
    }

    /// The consumer stops at the second document while libyaml still has most of the file to read.
    @Test func secondDocumentStopsTheProducer() {
        let results = readBothWays("a: 1\n---\n" + Self.body)
        #expect(results.pipelined.diagnostics.map(\.rule) == [.multipleDocuments])
        expectSame(results)
    }

    /// The consumer stops within the first batch; the producer is blocked on a full queue by then.
    @Test func limitHitEarlyStopsTheProducer() {
        var limits = ReaderLimits.default
        limits.maxExpandedNodes = 100
        let file = SourceFile(path: "t.yaml", text: Self.body)
        let results = (pipelined: YAMLReader.read(file, limits: limits, pipelined: true), direct: YAMLReader.read(file, limits: limits, pipelined: false))
        #expect(results.pipelined.diagnostics.map(\.rule) == [.limitExceeded])
        expectSame(results)
    }

    /// libyaml fails at the very first event: the pipe's only batch holds no event, just the failure
    /// (found by the fuzzer, which reads every input both ways).
    @Test(arguments: ["\u{0}", "]", "a: [\u{1}", "\t- a"])
    func failureBeforeAnyEvent(text: String) {
        let results = readBothWays(text)
        #expect(results.pipelined.tree == nil)
        #expect(!results.pipelined.diagnostics.isEmpty)
        expectSame(results)
    }

    /// The fuzzer's case: libyaml decodes ahead, so an invalid byte a few lines in fails the first event.
    @Test func invalidByteAFewLinesIn() {
        let bytes = Array("services:\n  test:\n    image: alpine\n    in".utf8) + [0x97, 0x8B, 0xC5, 0xDF] + Array(Self.body.utf8)
        let results = readBothWays(SourceFile(path: "t.yaml", bytes: bytes))
        #expect(results.pipelined.diagnostics.map(\.rule) == [.invalidEncoding])
        expectSame(results)
    }

    @Test func emptyInput() {
        let results = readBothWays("")
        #expect(results.pipelined.diagnostics.map(\.rule) == [.emptyDocument])
        expectSame(results)
    }

    @Test func manyPipesInParallelAgree() async {
        let file = SourceFile(path: "t.yaml", text: Self.body)
        let direct = YAMLReader.read(file, limits: .default, pipelined: false)
        await withTaskGroup(of: ReadResult.self) { group in
            for _ in 0..<8 { group.addTask { YAMLReader.read(file, limits: .default, pipelined: true) } }
            for await result in group { expectSame((pipelined: result, direct: direct)) }
        }
    }

    // MARK: Support

    private func readBothWays(_ text: String) -> (pipelined: ReadResult, direct: ReadResult) {
        readBothWays(SourceFile(path: "t.yaml", text: text))
    }

    private func readBothWays(_ file: SourceFile) -> (pipelined: ReadResult, direct: ReadResult) {
        (YAMLReader.read(file, limits: .default, pipelined: true), YAMLReader.read(file, limits: .default, pipelined: false))
    }

    private func expectSame(_ results: (pipelined: ReadResult, direct: ReadResult), sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(results.pipelined.diagnostics == results.direct.diagnostics, sourceLocation: sourceLocation)
        #expect((results.pipelined.tree == nil) == (results.direct.tree == nil), sourceLocation: sourceLocation)
        guard let piped = results.pipelined.tree, let direct = results.direct.tree else { return }
        #expect(piped.root == direct.root, sourceLocation: sourceLocation)
        #expect(piped.children == direct.children, sourceLocation: sourceLocation)
        #expect(piped.nodes.count == direct.nodes.count, sourceLocation: sourceLocation)
        let firstDifference = piped.nodes.indices.first { $0 < direct.nodes.count && !sameNode(piped.nodes[$0], direct.nodes[$0]) }
        #expect(firstDifference == nil, "node \(firstDifference ?? -1) differs", sourceLocation: sourceLocation)
    }

    private func sameNode(_ left: YAMLNode, _ right: YAMLNode) -> Bool {
        left.kind == right.kind && left.style == right.style && left.isFlow == right.isFlow && left.range == right.range
            && left.text == right.text && left.tag == right.tag && left.entryCount == right.entryCount && left.firstChild == right.firstChild
    }
}
