/// One finding from any stage. Stages *return* these and keep going, so a user sees every problem of a
/// file in one run, and reporters and exit codes treat a syntax error and a rule violation alike.
///
/// Messages quote the template's own text, never a resolved secret value.
public struct Diagnostic: Hashable, Sendable {
    public var rule: RuleID
    public var severity: Severity
    /// Quoted template text in it is shortened (`boundingQuotedText`).
    public var message: String
    /// Nil only for problems of a whole file with no position (unreadable input).
    public var range: SourceRange?
    /// Nil when the problem precedes any tree (a syntax error).
    public var path: NodePath?
    public var notes: [Note]
    /// The change that resolves the finding when it is certain (`lint --fix`, an editor's code action).
    public var fix: Fix?

    public init(rule: RuleID, severity: Severity, message: String, range: SourceRange?, path: NodePath? = nil, notes: [Note] = [],
                fix: Fix? = nil) {
        self.rule = rule
        self.severity = severity
        self.message = boundingQuotedText(message)
        self.range = range
        self.path = path
        self.notes = notes
        self.fix = fix
    }

    /// Extra context attached to a finding, such as "first defined here".
    public struct Note: Hashable, Sendable {
        public var message: String
        public var range: SourceRange?

        public init(message: String, range: SourceRange?) {
            self.message = boundingQuotedText(message)
            self.range = range
        }
    }
}

extension Diagnostic {
    /// Sort key within one file: by position, then rule, so output is deterministic whatever order the
    /// stages found things in. Position-less findings come first.
    public static func orderedBefore(_ lhs: Diagnostic, _ rhs: Diagnostic) -> Bool {
        // Line and column, not the whole location: the same point can carry two byte offsets (after a BOM).
        let left = lhs.range.map { ($0.start.line, $0.start.column) } ?? (0, 0)
        let right = rhs.range.map { ($0.start.line, $0.start.column) } ?? (0, 0)
        if left != right { return left < right }
        if lhs.rule != rhs.rule { return lhs.rule < rhs.rule }
        return lhs.message < rhs.message
    }
}
