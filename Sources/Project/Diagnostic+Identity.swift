import Diagnostics

extension Diagnostic {
    /// What makes two findings one finding: the same rule at the same place, however each words it — a
    /// value of an extended service is found once for each service that extends it, a file's problem
    /// both in the file alone and in a project that includes it. A finding with no place is one only
    /// with its equal.
    public enum Identity: Hashable, Sendable {
        case placed(RuleID, SourceRange)
        case unplaced(Diagnostic)
    }

    public var identity: Identity {
        range.map { .placed(rule, $0) } ?? .unplaced(self)
    }
}
