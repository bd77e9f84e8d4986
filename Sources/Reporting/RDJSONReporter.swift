import Diagnostics

/// reviewdog's Diagnostic Format (`reviewdog -f=rdjson`), which reviewdog turns into pull-request review
/// comments on GitHub, GitLab, Bitbucket and Gerrit: one `DiagnosticResult` object whose `diagnostics`
/// each carry the message, `severity` (`ERROR`, `WARNING`, `INFO`), `code.value` (the rule), and a
/// location with the path relative to the checkout and a range whose end is exclusive, as stackc's is.
/// rdjson counts columns in UTF-8 bytes, not in characters as stackc does, so columns are converted
/// with the file's text. Notes become `related_locations`; a finding's fix becomes `suggestions`, one
/// per edit (range and replacement text), which reviewdog posts as a suggested change. The driver
/// keeps only fixes `lint --fix` would make (`ReportFormat.showsFixes`). A document format.
public struct RDJSONReporter: Reporter {
    private let sourceTree: SourceTree
    private var writer = JSONWriter(indent: "  ")

    public init(sourceTree: SourceTree) {
        self.sourceTree = sourceTree
        writer.beginObject()
        writer.key("source")
        writer.beginObject()
        writer.field("name", "stackc")
        writer.endObject()
        writer.key("diagnostics")
        writer.beginArray()
    }

    public mutating func report(_ file: FileReport) -> String {
        let path = sourceTree.path(of: file.file.path)
        for diagnostic in file.diagnostics {
            writer.beginObject()
            writer.field("message", Sanitizer.terminalSafe(diagnostic.message))
            writeLocation(path, diagnostic.range, in: file.file)
            writer.field("severity", Self.severity(diagnostic.severity))
            writer.key("code")
            writer.beginObject()
            writer.field("value", diagnostic.rule.name)
            writer.endObject()
            if !diagnostic.notes.isEmpty {
                writer.key("related_locations")
                writer.beginArray()
                for note in diagnostic.notes {
                    writer.beginObject()
                    writer.field("message", Sanitizer.terminalSafe(note.message))
                    writeLocation(path, note.range, in: file.file)
                    writer.endObject()
                }
                writer.endArray()
            }
            if let fix = diagnostic.fix { writeSuggestions(fix, in: file.file) }
            writer.endObject()
        }
        return ""
    }

    public mutating func finish(_ summary: Summary) -> String {
        writer.endArray()
        writer.endObject()
        return writer.output + "\n"
    }

    /// The values of reviewdog's `Severity` enum.
    static func severity(_ severity: Severity) -> String {
        switch severity {
        case .error: "ERROR"
        case .warning: "WARNING"
        case .info: "INFO"
        }
    }

    /// A finding without a position is about the whole file: a location without a range.
    private mutating func writeLocation(_ path: String, _ range: SourceRange?, in file: SourceFile) {
        writer.key("location")
        writer.beginObject()
        writer.field("path", path)
        if let range {
            writer.key("range")
            writer.beginObject()
            writePosition("start", range.start, in: file)
            writePosition("end", range.end, in: file)
            writer.endObject()
        }
        writer.endObject()
    }

    private mutating func writeSuggestions(_ fix: Fix, in file: SourceFile) {
        writer.key("suggestions")
        writer.beginArray()
        for edit in fix.edits {
            writer.beginObject()
            writer.key("range")
            writer.beginObject()
            writePosition("start", file.location(ofByte: edit.range.lowerBound), in: file)
            writePosition("end", file.location(ofByte: edit.range.upperBound), in: file)
            writer.endObject()
            writer.field("text", edit.replacement)
            writer.endObject()
        }
        writer.endArray()
    }

    private mutating func writePosition(_ name: String, _ location: SourceLocation, in file: SourceFile) {
        writer.key(name)
        writer.beginObject()
        writer.field("line", location.line)
        writer.field("column", file.utf8Column(line: location.line, column: location.column))
        writer.endObject()
    }
}
