import Diagnostics
import Model
@testable import Rules
import Syntax
import Testing

/// Work handed to the engine to run beside the rules (a large file's deferred schema walk) runs once,
/// whether the rules run on one thread or on several, and its findings come first.
struct RuleEngineTests {
    static func document(services: Int) throws -> Document {
        var text = "services:\n"
        for index in 0..<services { text += "  s\(index):\n    image: app\n    restart: sometimes\n" }
        let tree = try #require(YAMLReader.read(SourceFile(path: "t.yaml", text: text)).tree)
        return try #require(DocumentDecoder.decode(tree).document)
    }

    @Test(arguments: [1, 8_000])
    func otherWorkRunsOnceAndComesFirst(services: Int) throws {
        let document = try Self.document(services: services)
        #expect(ConcurrentWork.isWorthSplitting(nodeCount: document.root.tree.nodes.count) == (services > 1))
        let marker = Diagnostic(rule: "other-work", severity: .info, message: "ran", range: nil)
        let findings = RuleEngine.check(document, rules: [RestartPolicy.self], alongside: [{ [marker] }])
        #expect(findings.first?.rule == "other-work")
        #expect(findings.filter { $0.rule == "other-work" }.count == 1)
        #expect(findings.filter { $0.rule == RestartPolicy.description.id }.count == services)
    }
}
