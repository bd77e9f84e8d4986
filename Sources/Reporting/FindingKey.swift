import Diagnostics

/// What identifies a finding across runs, whatever was edited elsewhere in its file: its rule, its file
/// and its YAML path as a JSON pointer, never its line. Baselines count findings by it and GitLab Code
/// Quality fingerprints hash it, so both agree on which finding is new.
public struct FindingKey: Hashable, Sendable, Comparable {
    public var rule: String
    public var file: String
    /// RFC 6901 pointer; empty for findings without a path (syntax errors, unreadable files).
    public var path: String

    public init(rule: String, file: String, path: String) {
        self.rule = rule
        self.file = file
        self.path = path
    }

    /// The key of a finding in `file`, a path as the consumer names files.
    public init(_ diagnostic: Diagnostic, file: String) {
        self.init(rule: diagnostic.rule.name, file: file, path: diagnostic.path?.jsonPointer ?? "")
    }

    public static func < (lhs: FindingKey, rhs: FindingKey) -> Bool {
        (lhs.file, lhs.path, lhs.rule) < (rhs.file, rhs.path, rhs.rule)
    }
}
