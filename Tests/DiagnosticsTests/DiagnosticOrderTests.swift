import Diagnostics
import Testing

/// Findings of one file are ordered by position (position-less first), then rule id, then message, so
/// output is the same whatever order the stages found them in.
struct DiagnosticOrderTests {
    static func at(_ line: Int, _ column: Int, offset: Int? = nil, rule: RuleID = "r", _ message: String = "m") -> Diagnostic {
        let location = SourceLocation(line: line, column: column, offset: offset ?? (line * 100 + column))
        return Diagnostic(rule: rule, severity: .error, message: message, range: SourceRange(at: location))
    }

    static func unplaced(rule: RuleID = "r", _ message: String = "m") -> Diagnostic {
        Diagnostic(rule: rule, severity: .error, message: message, range: nil)
    }

    @Test func positionThenRuleThenMessage() {
        let expected = [
            Self.unplaced(rule: "a", "x"),
            Self.unplaced(rule: "b", "a"),
            Self.at(1, 1, rule: "z"),
            Self.at(1, 2, rule: "a"),
            Self.at(2, 1, rule: "a", "a"),
            Self.at(2, 1, rule: "a", "b"),
            Self.at(2, 1, rule: "b", "a"),
            Self.at(10, 3),
            Self.at(11, 1),
        ]
        for _ in 0..<20 {
            #expect(expected.shuffled().sorted(by: Diagnostic.orderedBefore) == expected)
        }
    }

    @Test func lineOutranksColumn() {
        #expect(Diagnostic.orderedBefore(Self.at(1, 99), Self.at(2, 1)))
        #expect(!Diagnostic.orderedBefore(Self.at(2, 1), Self.at(1, 99)))
        #expect(Diagnostic.orderedBefore(Self.at(9, 1), Self.at(10, 1)), "numeric, not textual")
    }

    @Test func irreflexive() {
        let diagnostic = Self.at(3, 4)
        #expect(!Diagnostic.orderedBefore(diagnostic, diagnostic))
        #expect(!Diagnostic.orderedBefore(Self.unplaced(), Self.unplaced()))
    }

    @Test func severityIsNotPartOfTheOrder() {
        var warning = Self.at(1, 1, rule: "b")
        warning.severity = .warning
        let error = Self.at(1, 1, rule: "a")
        #expect(Diagnostic.orderedBefore(error, warning))
    }

    /// Line 1, column 1 of a file with a byte-order mark is both byte 0 and byte 3 (the mark is no
    /// column), so two findings there can carry different offsets. Same line and column is the same
    /// position: the rule must decide.
    @Test func sameLineAndColumnWithDifferentOffsetsFallsBackToRule() {
        let early = Self.at(1, 1, offset: 0, rule: "z-rule")
        let late = Self.at(1, 1, offset: 3, rule: "a-rule")
        #expect(Diagnostic.orderedBefore(late, early))
        #expect(!Diagnostic.orderedBefore(early, late))
    }
}
