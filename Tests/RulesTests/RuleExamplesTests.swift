import Diagnostics
@testable import Rules
import Testing

/// Every example of every registered rule, each its own test case: triggering examples must produce a
/// finding at each `↓` (and the given messages and severity), non-triggering ones none.
struct RuleExamplesTests {
    @Test(arguments: ExampleCase.all)
    func example(_ testCase: ExampleCase) {
        let example = testCase.example
        let location = Testing.SourceLocation(fileID: "Rules/\(testCase.rule.description.id)", filePath: example.file, line: example.line, column: 1)
        let (text, markers) = example.parsed
        let (findings, setup) = runRule(testCase.rule, on: text, kind: example.kind, platform: example.platform)
        #expect(setup.isEmpty, "the example itself has problems: \(setup.map(\.message))", sourceLocation: location)
        let found = findings.map { "\($0.range!.start.line):\($0.range!.start.column)" }.sorted()
        let expected = testCase.triggering ? markers.map { "\($0.line):\($0.column)" }.sorted() : []
        #expect(found == expected, "findings: \(findings.map(\.message))", sourceLocation: location)
        if testCase.triggering {
            #expect(!markers.isEmpty, "a triggering example needs at least one ↓", sourceLocation: location)
        }
        if let messages = example.messages {
            #expect(findings.map(\.message) == messages, sourceLocation: location)
        }
        let fixes = findings.compactMap(\.fix)
        #expect(fixes.isEmpty == (example.fixed == nil), "an example whose findings carry fixes shows the fixed text, and only such a one",
                sourceLocation: location)
        if let fixed = example.fixed {
            #expect(String(decoding: Fix.Edit.apply(fixes.flatMap(\.edits), to: Array(text.utf8)), as: UTF8.self) == fixed, sourceLocation: location)
        }
        let severity = example.severity ?? testCase.rule.description.severity
        #expect(findings.allSatisfy { $0.rule == testCase.rule.description.id && $0.severity == severity }, "severities: \(findings.map(\.severity))",
                sourceLocation: location)
    }
}
