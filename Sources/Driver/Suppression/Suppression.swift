import Diagnostics

/// One rule (or every rule) silenced over part of a file, by a comment or an `x-stackc.ignore` entry.
/// Each rule of a directive is its own suppression, so an unused or misspelt id is reported at that
/// id, not at the whole comment.
struct Suppression: Sendable {
    enum Scope: Sendable, Equatable {
        /// Lines `first...last`, 1-based (`stackc-disable-next-line`, `stackc-disable` … `stackc-enable`).
        case lines(ClosedRange<Int>)
        case file
        /// Findings whose path lies under this node (`x-stackc` in a service).
        case subtree(NodePath)
    }

    var scope: Scope
    /// Nil silences every rule.
    var rule: RuleID?
    /// What to point at when the suppression is unused or names an unknown rule.
    var range: SourceRange
    /// How the suppression was written, for messages (`stackc-disable-next-line`, `x-stackc.ignore`).
    var form: String
}
