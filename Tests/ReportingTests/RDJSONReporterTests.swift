import Diagnostics
import Foundation
import Reporting
import Testing

/// reviewdog's rdjson: message, severity, rule code, and ranges whose columns count UTF-8 bytes.
/// Validation against reviewdog's published schema runs end to end in `CLITests/CIFormatTests`.
struct RDJSONReporterTests {
    static func result(_ reports: [FileReport]) throws -> [String: Any] {
        let text = Fixture.output(of: RDJSONReporter(sourceTree: SourceTree(workingDirectory: "/work/repo")), for: reports)
        return try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    static func diagnostics(_ reports: [FileReport]) throws -> [[String: Any]] {
        try #require(try result(reports)["diagnostics"] as? [[String: Any]])
    }

    static func location(_ item: [String: Any]) -> [String: Any]? { item["location"] as? [String: Any] }

    @Test func resultNamesItsSource() throws {
        let result = try Self.result([])
        #expect(result["source"] as? [String: String] == ["name": "stackc"])
        #expect((result["diagnostics"] as? [Any])?.isEmpty == true)
    }

    @Test func diagnosticFields() throws {
        let items = try Self.diagnostics([Fixture.report("/work/repo/sub/a.yaml", [Fixture.portRange, Fixture.unsetWarning, Fixture.kindInfo])])
        #expect(items.map { $0["severity"] as? String } == ["INFO", "WARNING", "ERROR"])
        #expect(items.map { ($0["code"] as? [String: String])?["value"] } == ["unknown-kind", "unset-variable", "port-range"])
        #expect(items[2]["message"] as? String == "port 70000 is out of range 1–65535")
        #expect(Self.location(items[2])?["path"] as? String == "sub/a.yaml")
        #expect(Self.location(items[2])?["range"] as? [String: [String: Int]]
            == ["start": ["line": 12, "column": 7], "end": ["line": 12, "column": 18]], "an ASCII file: bytes are characters")
    }

    @Test func columnsCountUTF8Bytes() throws {
        // 'é' is two bytes, '😀' four: the finding after them starts at character 9 but byte 13.
        let file = SourceFile(path: "a.yaml", text: "x:\n  é😀: [wrong]\n")
        let diagnostic = Diagnostic(rule: "r", severity: .error, message: "m", range: Fixture.range(2, 9, 2, 14))
        let item = try #require(try Self.diagnostics([FileReport(file: file, diagnostics: [diagnostic])]).first)
        #expect(Self.location(item)?["range"] as? [String: [String: Int]] == ["start": ["line": 2, "column": 13], "end": ["line": 2, "column": 18]])
    }

    @Test func notesAreRelatedLocations() throws {
        let item = try #require(try Self.diagnostics([Fixture.report("a.yaml", [Fixture.duplicateKey])]).first)
        let related = try #require(item["related_locations"] as? [[String: Any]])
        #expect(related.count == 1)
        #expect(related[0]["message"] as? String == "first defined here")
        #expect(Self.location(related[0])?["path"] as? String == "a.yaml")
        #expect(Self.location(related[0])?["range"] as? [String: [String: Int]] == ["start": ["line": 3, "column": 3], "end": ["line": 3, "column": 8]])
    }

    @Test func aFindingWithoutPositionHasNoRange() throws {
        let item = try #require(try Self.diagnostics([Fixture.report("a.yaml", [Fixture.unreadable])]).first)
        #expect(Self.location(item)?["range"] == nil)
        #expect(item["related_locations"] == nil)
    }

    @Test func messageIsSanitized() throws {
        var diagnostic = Fixture.portRange
        diagnostic.message = "a\u{1B}]0;t\u{7}\nb"
        let item = try #require(try Self.diagnostics([Fixture.report("a.yaml", [diagnostic])]).first)
        #expect(item["message"] as? String == #"a\u{1b}]0;t\u{7}\u{a}b"#)
    }

    @Test func aFixIsASuggestionWithUTF8Columns() throws {
        let item = try #require(try Self.diagnostics([FileReport(file: Fixture.fixableFile, diagnostics: [Fixture.fixable])]).first)
        let suggestions = try #require(item["suggestions"] as? [[String: Any]])
        #expect(suggestions.count == 1)
        #expect(suggestions[0]["range"] as? [String: [String: Int]] == ["start": ["line": 2, "column": 26], "end": ["line": 2, "column": 33]])
        #expect(suggestions[0]["text"] as? String == "restart")
        // A finding without a fix has none.
        #expect(try Self.diagnostics([Fixture.report("a.yaml", [Fixture.portRange])]).first?["suggestions"] == nil)
    }
}
