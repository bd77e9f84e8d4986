import Diagnostics

/// GitLab Code Quality (`artifacts:reports:codequality`): a JSON array of issues in the subset of the Code
/// Climate format GitLab reads — `description`, `check_name` (the rule), `fingerprint`, `severity` and
/// `location` with the `path` relative to the checkout and `lines.begin`. GitLab checks each issue
/// against its `codeclimate.json` schema (it stops at the first invalid one), keeps one issue per
/// fingerprint, and compares fingerprints between branches to show what a merge request adds or fixes.
/// So the fingerprint hashes the finding's `FindingKey` (rule, file, YAML path — no line, no message,
/// so moving lines or rewording a message changes nothing) and its occurrence among findings of that
/// key, which keeps fingerprints unique within a run. A document format.
public struct GitLabReporter: Reporter {
    private let sourceTree: SourceTree
    private var writer = JSONWriter(indent: "  ")
    private var occurrences: [FindingKey: Int] = [:]

    public init(sourceTree: SourceTree) {
        self.sourceTree = sourceTree
        writer.beginArray()
    }

    public mutating func report(_ file: FileReport) -> String {
        let path = sourceTree.path(of: file.file.path)
        for diagnostic in file.diagnostics {
            let key = FindingKey(diagnostic, file: path)
            let occurrence = occurrences[key, default: 0] + 1
            occurrences[key] = occurrence
            writer.beginObject()
            writer.field("type", "issue")
            writer.field("check_name", diagnostic.rule.name)
            writer.field("description", diagnostic.messageWithNotes)
            writer.field("fingerprint", Self.fingerprint(key, occurrence: occurrence))
            writer.field("severity", Self.severity(diagnostic.severity))
            writer.key("location")
            writer.beginObject()
            writer.field("path", path)
            writer.key("lines")
            writer.beginObject()
            // A finding about the whole file (unreadable input) points at its first line.
            writer.field("begin", diagnostic.range?.start.line ?? 1)
            writer.endObject()
            writer.endObject()
            writer.endObject()
        }
        return ""
    }

    public mutating func finish(_ summary: Summary) -> String {
        writer.endArray()
        return writer.output + "\n"
    }

    /// SHA-256 of the key's fields and the occurrence, NUL-separated.
    static func fingerprint(_ key: FindingKey, occurrence: Int) -> String {
        SHA256.hex(Array([key.rule, key.file, key.path, String(occurrence)].joined(separator: "\u{0}").utf8))
    }

    /// GitLab's scale is info, minor, major, critical, blocker; an error is `major`, so that GitLab's own
    /// analysers' critical and blocker findings still rank above a template problem.
    static func severity(_ severity: Severity) -> String {
        switch severity {
        case .error: "major"
        case .warning: "minor"
        case .info: "info"
        }
    }
}
