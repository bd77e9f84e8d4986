import Diagnostics
@testable import Model
import Syntax
import Testing

/// A document past `ConcurrentWork.nodeThreshold` has its services decoded in runs on several threads,
/// and its schema walk run after them or handed back. The result must be what decoding on one thread gives:
/// every service, in order, none twice, and the schema's findings from anywhere in the file.
struct LargeDocumentDecodingTests {
    static let serviceCount = 3_000

    /// About ten nodes a service; the first, a middle and the last service have a key no schema knows.
    static func compose(v1: Bool) -> String {
        var text = v1 ? "" : "services:\n"
        let indent = v1 ? "" : "  "
        for index in 0..<serviceCount {
            text += "\(indent)s\(index):\n\(indent)  image: app\(index)\n\(indent)  environment: [A=\(index), B=b]\n\(indent)  ports: [\"\(10_000 + index):80\"]\n"
            if [0, 1500, serviceCount - 1].contains(index) { text += "\(indent)  imagee: typo\n" }
        }
        return text
    }

    @Test(arguments: [false, true])
    func servicesInOrderAndFindingsFromEverywhere(v1: Bool) throws {
        let tree = try #require(YAMLReader.read(SourceFile(path: "t.yaml", text: Self.compose(v1: v1))).tree)
        #expect(ConcurrentWork.isWorthSplitting(nodeCount: tree.nodes.count))
        let decoded = DocumentDecoder.decode(tree)
        guard case .compose(let document) = decoded.document else { Issue.record("not compose"); return }
        let expected = (0..<Self.serviceCount).map { "s\($0)" }
        #expect(document.services.map(\.name.value) == expected)
        #expect(document.services.map { $0.environment.first?.value?.value } == expected.map { String($0.dropFirst()) })
        #expect(document.services.last?.ports.first?.node.text == "\(10_000 + Self.serviceCount - 1):80")

        // The same services decoded on one thread, through the public initialiser.
        let serial = ComposeDocument(root: NodeRef(tree: tree, id: tree.root, path: .root), layout: v1 ? .v1 : .services)
        #expect(serial.services.map(\.name.path) == document.services.map(\.name.path))

        let prefix = v1 ? "" : "services."
        #expect(decoded.diagnostics.map(\.rule) == [.unknownField, .unknownField, .unknownField])
        #expect(decoded.diagnostics.map { $0.path?.description } == ["s0", "s1500", "s2999"].map { prefix + $0 + ".imagee" })
    }

    /// Deferred, the walk is handed back instead of run, and finds what it finds when run in place; a
    /// file too small to split runs it in place as before.
    @Test(arguments: [false, true])
    func aDeferredSchemaWalkFindsWhatTheWalkInPlaceFinds(v1: Bool) throws {
        let tree = try #require(YAMLReader.read(SourceFile(path: "t.yaml", text: Self.compose(v1: v1))).tree)
        let inPlace = DocumentDecoder.decode(tree)
        let deferred = DocumentDecoder.decode(tree, deferringSchemaWalk: true)
        #expect(inPlace.deferredSchemaWalk == nil)
        #expect(deferred.diagnostics.isEmpty)
        let walk = try #require(deferred.deferredSchemaWalk)
        #expect(walk().map { $0.path?.description } == inPlace.diagnostics.map { $0.path?.description })
        guard case .compose(let document) = deferred.document else { Issue.record("not compose"); return }
        #expect(document.services.count == Self.serviceCount)

        let small = try #require(YAMLReader.read(SourceFile(path: "s.yaml", text: "services:\n  web:\n    imagee: typo\n")).tree)
        let smallDecoded = DocumentDecoder.decode(small, deferringSchemaWalk: true)
        #expect(smallDecoded.deferredSchemaWalk == nil)
        #expect(smallDecoded.diagnostics.map(\.rule) == [.unknownField])
    }
}
