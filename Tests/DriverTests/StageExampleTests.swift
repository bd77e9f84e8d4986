import Diagnostics
import Driver
import Interpolation
import Rules
import Testing

/// The examples of the checks built into the stages (see `Catalogue`), run through the whole lint
/// pipeline as `RuleExamplesTests` runs the rules': findings of the check at each `↓`, the messages
/// given, and the fixed text after its fixes.
struct StageExampleTests {
    static let cases: [(entry: String, example: Example, triggering: Bool)] = Catalogue.entries.filter { $0.stage != "rule" }.flatMap { entry in
        entry.triggering.map { (entry.id.name, $0, true) } + entry.nonTriggering.map { (entry.id.name, $0, false) }
    }

    @Test func theStageChecksHaveExamples() {
        #expect(Self.cases.contains { $0.entry == "unknown-field" && $0.example.fixed != nil })
    }

    @Test(arguments: cases.indices)
    func example(_ index: Int) {
        let (id, example, triggering) = Self.cases[index]
        let location = Testing.SourceLocation(fileID: "Rules/\(id)", filePath: example.file, line: example.line, column: 1)
        let (text, markers) = example.parsed
        let report = LintPipeline.lint(SourceFile(path: "example.yaml", text: text), environment: Environment(), directory: "",
                                       options: FrontEndOptions(kind: example.kind))
        let findings = report.diagnostics.filter { $0.rule.name == id }
        #expect(report.diagnostics.count == findings.count, "other findings: \(report.diagnostics.map(\.message))", sourceLocation: location)
        #expect(findings.map { "\($0.range!.start.line):\($0.range!.start.column)" } == (triggering ? markers.map { "\($0.line):\($0.column)" } : []),
                sourceLocation: location)
        if let messages = example.messages { #expect(findings.map(\.message) == messages, sourceLocation: location) }
        let fixes = findings.compactMap(\.fix)
        #expect(fixes.isEmpty == (example.fixed == nil), sourceLocation: location)
        if let fixed = example.fixed {
            #expect(String(decoding: Fix.Edit.apply(fixes.flatMap(\.edits), to: Array(text.utf8)), as: UTF8.self) == fixed, sourceLocation: location)
        }
    }
}
