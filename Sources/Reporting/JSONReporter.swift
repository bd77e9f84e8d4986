import Diagnostics

/// One JSON object for the whole run: `{"diagnostics": [...], "summary": {...}}` (DESIGN.md). Each
/// diagnostic carries file, 1-based line and column, the exclusive end, severity, rule, message, the
/// dotted path and any notes; position-less findings have null positions.
public struct JSONReporter: Reporter {
    private var writer = JSONWriter(indent: "  ")

    public init() {
        writer.beginObject()
        writer.key("diagnostics")
        writer.beginArray()
    }

    public mutating func report(_ file: FileReport) -> String {
        for diagnostic in file.diagnostics {
            writer.beginObject()
            writer.field("file", file.file.path)
            writer.field("line", diagnostic.range?.start.line)
            writer.field("column", diagnostic.range?.start.column)
            writer.field("endLine", diagnostic.range?.end.line)
            writer.field("endColumn", diagnostic.range?.end.column)
            writer.field("severity", diagnostic.severity.description)
            writer.field("rule", diagnostic.rule.name)
            writer.field("message", diagnostic.message)
            writer.field("path", diagnostic.path.map(\.description))
            writer.key("notes")
            writer.beginArray()
            for note in diagnostic.notes {
                writer.beginObject()
                writer.field("message", note.message)
                writer.field("line", note.range?.start.line)
                writer.field("column", note.range?.start.column)
                writer.endObject()
            }
            writer.endArray()
            writer.endObject()
        }
        return ""
    }

    public mutating func finish(_ summary: Summary) -> String {
        writer.endArray()
        writer.key("summary")
        writer.beginObject()
        writer.field("files", summary.files)
        writer.field("errors", summary.errors)
        writer.field("warnings", summary.warnings)
        writer.field("infos", summary.infos)
        writer.endObject()
        writer.endObject()
        return writer.output + "\n"
    }
}
