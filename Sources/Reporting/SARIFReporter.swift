import Diagnostics

/// SARIF 2.1.0, the format GitHub code scanning, GitLab and IDE viewers import. One run: `tool.driver`
/// lists every rule (id, short and full description, help text, default level) so viewers can explain
/// a finding; each result names its rule by id and index, and points at the file relative to the
/// checkout (`%SRCROOT%`, see `SourceTree`), with a region in Unicode code points (`columnKind`), the YAML path as a
/// logical location and notes as related locations. A finding's fix is a `fixes` entry: its title, and
/// one replacement per edit (the deleted region, empty for an insertion, and the inserted text). The
/// driver keeps only fixes `lint --fix` would make (`ReportFormat.showsFixes`).
///
/// A document format: results are gathered and the whole log is returned by `finish`.
public struct SARIFReporter: Reporter {
    static let baseID = "%SRCROOT%"

    private let sourceTree: SourceTree
    private let ruleIndex: [RuleID: Int]
    private var writer = JSONWriter(indent: "  ")

    public init(_ context: ReportContext) {
        sourceTree = context.sourceTree
        ruleIndex = Dictionary(context.rules.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { first, _ in first })
        writer.beginObject()
        writer.field("$schema", "https://json.schemastore.org/sarif-2.1.0.json")
        writer.field("version", "2.1.0")
        writer.key("runs")
        writer.beginArray()
        writer.beginObject()
        writer.key("tool")
        writer.beginObject()
        writer.key("driver")
        writer.beginObject()
        writer.field("name", "stackc")
        if !context.toolVersion.isEmpty { writer.field("semanticVersion", context.toolVersion) }
        writer.key("rules")
        writer.beginArray()
        for rule in context.rules { writeRule(rule) }
        writer.endArray()
        writer.endObject()
        writer.endObject()
        if sourceTree.isKnown {
            writer.key("originalUriBaseIds")
            writer.beginObject()
            writer.key(Self.baseID)
            writer.beginObject()
            let root = SourceTree.normalized(sourceTree.root)
            let folder = root == "/" ? root : root + "/"
            writer.field("uri", "file://" + ArtifactPath.uriEncoded(folder))
            writer.endObject()
            writer.endObject()
        }
        writer.field("columnKind", "unicodeCodePoints")
        writer.key("results")
        writer.beginArray()
    }

    public mutating func report(_ file: FileReport) -> String {
        for diagnostic in file.diagnostics {
            writer.beginObject()
            writer.field("ruleId", diagnostic.rule.name)
            if let index = ruleIndex[diagnostic.rule] { writer.field("ruleIndex", index) }
            writer.field("level", Self.level(diagnostic.severity))
            writeMessage(diagnostic.message)
            writer.key("locations")
            writer.beginArray()
            writer.beginObject()
            writePhysicalLocation(file.file.path, diagnostic.range)
            if let path = diagnostic.path, !path.isRoot {
                writer.key("logicalLocations")
                writer.beginArray()
                writer.beginObject()
                writer.field("fullyQualifiedName", Sanitizer.terminalSafe(path.jsonPointer))
                writer.endObject()
                writer.endArray()
            }
            writer.endObject()
            writer.endArray()
            if !diagnostic.notes.isEmpty {
                writer.key("relatedLocations")
                writer.beginArray()
                for (index, note) in diagnostic.notes.enumerated() {
                    writer.beginObject()
                    writer.field("id", index + 1)
                    writePhysicalLocation(file.file.path, note.range)
                    writeMessage(note.message)
                    writer.endObject()
                }
                writer.endArray()
            }
            if let fix = diagnostic.fix { writeFix(fix, in: file.file) }
            writer.endObject()
        }
        return ""
    }

    public mutating func finish(_ summary: Summary) -> String {
        writer.endArray()
        writer.endObject()
        writer.endArray()
        writer.endObject()
        return writer.output + "\n"
    }

    /// SARIF's three levels; an info finding is a `note`.
    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .info: "note"
        }
    }

    private mutating func writeRule(_ rule: RuleInfo) {
        writer.beginObject()
        writer.field("id", rule.id.name)
        writer.key("shortDescription")
        writer.beginObject()
        writer.field("text", rule.summary)
        writer.endObject()
        writer.key("fullDescription")
        writer.beginObject()
        writer.field("text", rule.rationale)
        writer.endObject()
        writer.key("help")
        writer.beginObject()
        writer.field("text", rule.rationale + " Run `stackc explain \(rule.id.name)` for examples.")
        writer.endObject()
        writer.key("defaultConfiguration")
        writer.beginObject()
        writer.field("level", Self.level(rule.severity))
        writer.endObject()
        writer.endObject()
    }

    private mutating func writeMessage(_ text: String) {
        writer.key("message")
        writer.beginObject()
        writer.field("text", Sanitizer.terminalSafe(text))
        writer.endObject()
    }

    private mutating func writePhysicalLocation(_ path: String, _ range: SourceRange?) {
        writer.key("physicalLocation")
        writer.beginObject()
        writeArtifactLocation(path)
        if let range { writeRegion("region", range) }
        writer.endObject()
    }

    /// A path inside the checkout is a relative URI against `%SRCROOT%`; one outside it is a
    /// `file://` URI of its own (SARIF allows `uriBaseId` only with a relative URI).
    private mutating func writeArtifactLocation(_ path: String) {
        writer.key("artifactLocation")
        writer.beginObject()
        let relative = sourceTree.path(of: path)
        if relative.hasPrefix("/") {
            writer.field("uri", "file://" + ArtifactPath.uriEncoded(relative))
        } else {
            writer.field("uri", ArtifactPath.uriEncoded(relative))
            if sourceTree.isKnown { writer.field("uriBaseId", Self.baseID) }
        }
        writer.endObject()
    }

    /// Lines and columns as the run counts them (`columnKind`); an empty region is an insertion point.
    private mutating func writeRegion(_ name: String, _ range: SourceRange) {
        writer.key(name)
        writer.beginObject()
        writer.field("startLine", range.start.line)
        writer.field("startColumn", range.start.column)
        writer.field("endLine", range.end.line)
        writer.field("endColumn", range.end.column)
        writer.endObject()
    }

    /// SARIF 2.1.0 §3.55–3.57: a `fix` with one `artifactChange` for the file, whose `replacements`
    /// are the fix's edits.
    private mutating func writeFix(_ fix: Fix, in file: SourceFile) {
        writer.key("fixes")
        writer.beginArray()
        writer.beginObject()
        writer.key("description")
        writer.beginObject()
        writer.field("text", Sanitizer.terminalSafe(fix.title))
        writer.endObject()
        writer.key("artifactChanges")
        writer.beginArray()
        writer.beginObject()
        writeArtifactLocation(file.path)
        writer.key("replacements")
        writer.beginArray()
        for edit in fix.edits {
            writer.beginObject()
            writeRegion("deletedRegion", SourceRange(start: file.location(ofByte: edit.range.lowerBound), end: file.location(ofByte: edit.range.upperBound)))
            writer.key("insertedContent")
            writer.beginObject()
            writer.field("text", edit.replacement)
            writer.endObject()
            writer.endObject()
        }
        writer.endArray()
        writer.endObject()
        writer.endArray()
        writer.endObject()
        writer.endArray()
    }
}
