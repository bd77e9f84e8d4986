import Diagnostics
import Model
@testable import Rules
import Syntax
import Testing

/// Opt-in rules run only when selected: the engine's default run leaves them out (so a plain lint
/// neither reports nor pays for them), a category selects all of its rules, a rule id selects one.
struct OptInRulesTests {
    static let document: Document = {
        let text = """
        services:
          web:
            image: nginx
            privileged: true
            ports: ["8080:80"]
            restart: sometimes
        """
        let tree = YAMLReader.read(SourceFile(path: "compose.yaml", text: text)).tree!
        return DocumentDecoder.decode(tree).document!
    }()

    static func rules(_ findings: [Diagnostic]) -> Set<String> { Set(findings.map(\.rule.name)) }

    @Test func theDefaultRunLeavesOptInRulesOut() {
        #expect(Self.rules(RuleEngine.check(Self.document)) == ["restart-policy"])
    }

    @Test func aCategorySelectsAllOfItsRules() {
        let findings = RuleEngine.check(Self.document, optIn: OptInSelection(categories: [.security]))
        #expect(Self.rules(findings) == ["restart-policy", "missing-healthcheck", "missing-memory-limit", "port-all-interfaces",
                                         "privileged-container", "unpinned-image"])
    }

    @Test func aRuleIdSelectsThatRuleAlone() {
        let findings = RuleEngine.check(Self.document, optIn: OptInSelection(rules: ["privileged-container", "restart-policy"]))
        #expect(Self.rules(findings) == ["restart-policy", "privileged-container"], "a default rule named there still runs once")
        #expect(findings.filter { $0.rule == "restart-policy" }.count == 1)
    }

    /// The policy rules are the security category, and no other rule is opt-in.
    @Test func thePolicyFolderIsTheSecurityCategory() {
        let optIn = RuleRegistry.all.filter { $0.description.category != nil }.map { String(describing: $0) }
        #expect(optIn.sorted() == policyRules.map { String(describing: $0) }.sorted())
        #expect(policyRules.allSatisfy { $0.description.category == .security && $0.description.severity == .warning })
    }

    @Test func anUnknownCategoryNamesTheClosest() throws {
        guard case .failure(let failure) = RuleCategory.named("Security ") else {
            Issue.record("an unknown category must fail")
            return
        }
        #expect(failure.message == "unknown rule category 'Security '; did you mean 'security'? (categories: security)")
        #expect(try RuleCategory.named("security").get() == .security)
    }
}
