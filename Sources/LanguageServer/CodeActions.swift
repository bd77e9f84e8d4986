import Diagnostics
import Driver

/// The code actions for the findings on some lines: first the fix a finding carries (byte-range edits
/// of the source, offered only when `lint --fix` would make it, and marked preferred), then the
/// suppression comments lint honours (`SuppressionInsertion`); and for the whole file, every fix
/// `lint --fix` would make (`source.fixAll.stackc`, which editors can run on save).
enum CodeActions {
    static let quickFix = "quickfix"
    static let fixAll = "source.fixAll.stackc"
    /// What `codeActionProvider` announces.
    static let kinds = [quickFix, fixAll]

    /// Whether a client that asked `only` for these kinds (nil: any) wants actions of `kind`; kinds
    /// are dotted hierarchies, so `source` takes `source.fixAll.stackc`.
    static func isWanted(_ kind: String, only: [String]?) -> Bool {
        guard let only else { return true }
        return only.contains { kind == $0 || kind.hasPrefix($0 + ".") }
    }

    /// The quick fixes for the findings of `report` on the lines from `first` to `last` (0-based): a
    /// client asks at the cursor, which need not be inside the finding's node. `report` carries only
    /// proven fixes (`FolderSettings.provingFixes`).
    static func quickFixes(for report: FileReport, uri: String, lines first: Int, through last: Int, index lines: LineIndex) -> [JSONValue] {
        var titles: Set<String> = []
        var fixes: [JSONValue] = []
        var suppressions: [JSONValue] = []
        for diagnostic in report.diagnostics {
            let start = diagnostic.range.map { lines.position(ofByte: $0.start.offset).line } ?? 0
            let end = diagnostic.range.map { lines.position(ofByte: $0.end.offset).line } ?? start
            guard start <= last, first <= end else { continue }
            let converted = DiagnosticConversion.json(diagnostic, uri: uri, lines: lines)
            if let fix = diagnostic.fix {
                let edits = fix.edits.map { edit(replacing: $0.range, with: $0.replacement, lines: lines) }
                fixes.append(action(fix.title, kind: quickFix, fixing: [converted], preferred: true, uri: uri, edits: edits))
            }
            for insertion in SuppressionInsertion.insertions(for: diagnostic, in: report.file) where titles.insert(insertion.title).inserted {
                let insert = edit(replacing: insertion.offset..<insertion.offset, with: insertion.text, lines: lines)
                suppressions.append(action(insertion.title, kind: quickFix, fixing: [converted], uri: uri, edits: [insert]))
            }
        }
        return fixes + suppressions
    }

    /// "Fix all": the document's text replaced by its fixed text, or nil when `lint --fix` would change
    /// nothing. One edit of the whole text: fixes made in later rounds point into text earlier ones made.
    static func fixAll(_ fixed: FileFix, uri: String, index lines: LineIndex) -> JSONValue? {
        guard fixed.changed else { return nil }
        let count = fixed.applied.count
        let edit = edit(replacing: 0..<lines.bytes.count, with: String(decoding: fixed.fixed.bytes, as: UTF8.self), lines: lines)
        return action("Fix all safe problems in this file (\(count) fix\(count == 1 ? "" : "es"))", kind: fixAll, fixing: [], uri: uri,
                      edits: [edit])
    }

    /// A code action that resolves `diagnostics` (LSP JSON) with `edits` to the document.
    static func action(_ title: String, kind: String, fixing diagnostics: [JSONValue], preferred: Bool = false, uri: String,
                       edits: [JSONValue]) -> JSONValue {
        var members: [JSONValue.Member] = [.init("title", .string(title)), .init("kind", .string(kind))]
        if !diagnostics.isEmpty { members.append(.init("diagnostics", .array(diagnostics))) }
        if preferred { members.append(.init("isPreferred", .bool(true))) }
        members.append(.init("edit", .object([.init("changes", .object([.init(uri, .array(edits))]))])))
        return .object(members)
    }

    /// An LSP `TextEdit` replacing a byte range of the document.
    static func edit(replacing bytes: Range<Int>, with text: String, lines: LineIndex) -> JSONValue {
        .object([
            .init("range", DiagnosticConversion.json(start: bytes.lowerBound, end: bytes.upperBound, lines: lines)),
            .init("newText", .string(text)),
        ])
    }
}
