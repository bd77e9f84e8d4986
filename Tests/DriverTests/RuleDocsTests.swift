import Driver
import Foundation
import Rules
import Testing

/// The rule tables in README.md and docs/rules.md and the reference in docs/rules.md are generated from
/// the rule metadata; this fails when a rule changes and `make docs` was not run.
struct RuleDocsTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../..").standardized

    @Test(arguments: ["README.md", "docs/rules.md"])
    func ruleTableIsCurrent(file: String) throws {
        let text = try String(contentsOf: Self.packageRoot.appendingPathComponent(file), encoding: .utf8)
        let begin = try #require(text.range(of: "<!-- rules:begin -->\n"))
        let end = try #require(text.range(of: "<!-- rules:end -->"))
        let committed = String(text[begin.upperBound..<end.lowerBound])
        #expect(committed == RuleListing.list(.markdown), "run make docs")
    }

    @Test func securityRuleTableIsCurrent() throws {
        let text = try String(contentsOf: Self.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let begin = try #require(text.range(of: "<!-- security-rules:begin -->\n"))
        let end = try #require(text.range(of: "<!-- security-rules:end -->"))
        #expect(String(text[begin.upperBound..<end.lowerBound]) == RuleListing.list(.markdown, category: .security), "run make docs")
    }

    @Test func ruleReferenceIsCurrent() throws {
        let text = try String(contentsOf: Self.packageRoot.appendingPathComponent("docs/rules.md"), encoding: .utf8)
        let begin = try #require(text.range(of: "<!-- reference:begin -->\n"))
        let end = try #require(text.range(of: "<!-- reference:end -->"))
        let committed = String(text[begin.upperBound..<end.lowerBound])
        #expect(committed == RuleListing.list(.reference), "run make docs")
        for entry in RuleListing.list(.text).split(separator: "\n") {
            #expect(committed.contains("### `\(entry.split(separator: " ")[0])`\n"), "every rule has a section")
        }
    }

    @Test func explainSuggestsTheClosestId() {
        guard case .failure(let failure) = RuleListing.explain("port-rnage") else {
            Issue.record("an unknown id must fail")
            return
        }
        #expect(failure.message.contains("unknown rule 'port-rnage'"))
    }

    @Test func everyListedIdCanBeExplained() {
        for line in RuleListing.list(.text).split(separator: "\n") {
            let id = String(line.split(separator: " ")[0])
            guard case .success(let text) = RuleListing.explain(id) else {
                Issue.record("cannot explain \(id)")
                continue
            }
            #expect(text.hasPrefix(id + " ("))
        }
    }
}
