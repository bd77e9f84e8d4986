import Diagnostics
import Rules

/// stackc findings as LSP `Diagnostic`s: the range of the node a finding points at, LSP's severities,
/// the rule id as `code`, notes with a position as related information (in the same file), notes
/// without one appended to the message.
enum DiagnosticConversion {
    static let source = "stackc"

    static func json(_ diagnostic: Diagnostic, uri: String, lines: LineIndex) -> JSONValue {
        var message = diagnostic.message
        var related: [JSONValue] = []
        for note in diagnostic.notes {
            if let range = note.range {
                related.append(.object([
                    .init("location", .object([.init("uri", .string(uri)), .init("range", json(range, lines: lines))])),
                    .init("message", .string(note.message)),
                ]))
            } else {
                message += "\n" + note.message
            }
        }
        var members: [JSONValue.Member] = [
            .init("range", diagnostic.range.map { json($0, lines: lines) } ?? json(start: 0, end: 0, lines: lines)),
            .init("severity", .int(severity(diagnostic.severity))),
            .init("code", .string(diagnostic.rule.name)),
            .init("source", .string(source)),
            .init("message", .string(message)),
        ]
        if diagnostic.rule == .suppressionUnused {
            // Rendered faded: the comment can go.
            members.append(.init("tags", .array([.int(unnecessaryTag)])))
        }
        if !related.isEmpty { members.append(.init("relatedInformation", .array(related))) }
        return .object(members)
    }

    /// LSP's `DiagnosticTag.Unnecessary`.
    static let unnecessaryTag: Int64 = 1

    static func severity(_ severity: Severity) -> Int64 {
        switch severity {
        case .error: 1
        case .warning: 2
        case .info: 3
        }
    }

    static func json(_ range: SourceRange, lines: LineIndex) -> JSONValue {
        json(start: range.start.offset, end: range.end.offset, lines: lines)
    }

    static func json(start: Int, end: Int, lines: LineIndex) -> JSONValue {
        .object([.init("start", lines.position(ofByte: start).json), .init("end", lines.position(ofByte: end).json)])
    }
}
