/// The stable kebab-case identifier of a check. Stages that are not rules (the YAML reader, the
/// interpolator, input handling) have ids too, so every finding can be filtered, suppressed and
/// explained the same way.
public struct RuleID: Hashable, Comparable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
    public let name: String

    public init(_ name: String) { self.name = name }
    public init(stringLiteral value: String) { self.name = value }

    public var description: String { name }

    public static func < (lhs: RuleID, rhs: RuleID) -> Bool { lhs.name < rhs.name }
}

extension RuleID {
    /// libyaml could not read the file (scanner, parser or reader error).
    public static let yamlSyntax: RuleID = "yaml-syntax"
    /// The same key twice in one mapping.
    public static let duplicateKey: RuleID = "duplicate-key"
    /// An alias names an anchor that is not defined before it (or that encloses it).
    public static let undefinedAlias: RuleID = "undefined-alias"
    /// A `<<` merge key whose value is not a mapping or a list of mappings.
    public static let invalidMerge: RuleID = "invalid-merge"
    /// More than one YAML document in a file meant to hold one template.
    public static let multipleDocuments: RuleID = "multiple-documents"
    /// A file with no YAML document at all.
    public static let emptyDocument: RuleID = "empty-document"
    /// A configured resource limit (size, depth, nodes, alias expansion) was hit.
    public static let limitExceeded: RuleID = "limit-exceeded"
    /// The file is not valid UTF-8 (or contains characters YAML forbids).
    public static let invalidEncoding: RuleID = "invalid-encoding"
    /// The file could not be read.
    public static let unreadableInput: RuleID = "unreadable-input"
    /// The document does not have the shape its kind requires (top-level mapping, services mapping, …).
    public static let invalidStructure: RuleID = "invalid-structure"
}

extension RuleID {
    /// A service's `extends` names a service or file that is not there, or services extend each other in a cycle.
    public static let invalidExtends: RuleID = "invalid-extends"
    /// An `include` names a file that is not there, includes itself, or defines a resource the including file defines otherwise.
    public static let invalidInclude: RuleID = "invalid-include"
    /// An `include` names an OCI artifact or a git repository, which stackc does not fetch.
    public static let remoteInclude: RuleID = "remote-include"
}
