import Diagnostics
import Driver

/// Quick fixes for the findings in a range. Today these are the suppression comments lint honours
/// (`SuppressionInsertion`); fixes a finding carries itself would be offered here too, first.
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
                let at = lines.position(ofByte: insertion.offset).json
                let edit = JSONValue.object([
                    .init("range", .object([.init("start", at), .init("end", at)])),
                    .init("newText", .string(insertion.text)),
                ])
                actions.append(.object([
                    .init("title", .string(insertion.title)),
                    .init("kind", .string(quickFix)),
                    .init("diagnostics", .array([converted])),
                    .init("edit", .object([.init("changes", .object([.init(uri, .array([edit]))]))])),
                ]))
            }
        }
        return .array(actions)
    }
}
