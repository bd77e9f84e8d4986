import Diagnostics
import Driver

/// Quick fixes for the findings on some lines. Today these are the suppression comments lint honours
/// (`SuppressionInsertion`). Fixes a finding carries itself (byte-range edits of the source, as
/// `--fix` applies them) belong here too, before these: each becomes one `action` whose
/// edits are `edit(replacing:with:lines:)` of its byte ranges.
enum CodeActions {
    static let quickFix = "quickfix"

    /// The actions for the findings of `report` on the lines from `first` to `last` (0-based): a
    /// client asks at the cursor, which need not be inside the finding's node.
    static func json(for report: FileReport, uri: String, lines first: Int, through last: Int, index lines: LineIndex) -> JSONValue {
        var titles: Set<String> = []
        var actions: [JSONValue] = []
        for diagnostic in report.diagnostics {
            let start = diagnostic.range.map { lines.position(ofByte: $0.start.offset).line } ?? 0
            let end = diagnostic.range.map { lines.position(ofByte: $0.end.offset).line } ?? start
            guard start <= last, first <= end else { continue }
            let converted = DiagnosticConversion.json(diagnostic, uri: uri, lines: lines)
            for insertion in SuppressionInsertion.insertions(for: diagnostic, in: report.file) where titles.insert(insertion.title).inserted {
                let insert = edit(replacing: insertion.offset..<insertion.offset, with: insertion.text, lines: lines)
                actions.append(action(insertion.title, fixing: converted, uri: uri, edits: [insert]))
            }
        }
        return .array(actions)
    }

    /// A `quickfix` code action that resolves `diagnostic` (LSP JSON) with `edits` to the document.
    static func action(_ title: String, fixing diagnostic: JSONValue, uri: String, edits: [JSONValue]) -> JSONValue {
        .object([
            .init("title", .string(title)),
            .init("kind", .string(quickFix)),
            .init("diagnostics", .array([diagnostic])),
            .init("edit", .object([.init("changes", .object([.init(uri, .array(edits))]))])),
        ])
    }

    /// An LSP `TextEdit` replacing a byte range of the document.
    static func edit(replacing bytes: Range<Int>, with text: String, lines: LineIndex) -> JSONValue {
        .object([
            .init("range", DiagnosticConversion.json(start: bytes.lowerBound, end: bytes.upperBound, lines: lines)),
            .init("newText", .string(text)),
        ])
    }
}
