import Diagnostics
import Model
import Rules
import Syntax

/// Applies a file's suppressions to its findings and reports the suppressions themselves: rule ids
/// stackc does not know (with a suggestion) and suppressions that hid nothing, so stale comments do not
/// pile up (ESLint's `--report-unused-disable-directives`, on by default here).
enum SuppressionFilter {
    /// Ids of the checks that report about suppressions; they cannot be suppressed by a comment,
    /// only turned off in the configuration, or a suppression could hide its own misuse.
    static let ownRules: Set<RuleID> = [.suppressionUnknownRule, .suppressionUnused, .suppressionInvalid]

    /// The findings left after the file's comment directives and `x-stackc.ignore` entries, plus the
    /// findings about those suppressions.
    static func apply(to diagnostics: [Diagnostic], file: SourceFile, tree: YAMLTree?) -> [Diagnostic] {
        let comments = SuppressionComments.scan(file, tree: tree)
        let data = tree.map(ExtensionIgnores.scan) ?? (suppressions: [], diagnostics: [])
        return apply(comments.suppressions + data.suppressions, to: diagnostics + comments.diagnostics + data.diagnostics)
    }

    static func apply(_ suppressions: [Suppression], to diagnostics: [Diagnostic]) -> [Diagnostic] {
        guard !suppressions.isEmpty else { return diagnostics }
        let known = suppressions.map { $0.rule.map(isKnown) ?? true }
        let active = SuppressionIndex(zip(suppressions, known).filter(\.1).map(\.0))
        var kept: [Diagnostic] = []
        var hidden: [Diagnostic] = []
        for diagnostic in diagnostics {
            if !ownRules.contains(diagnostic.rule), active.hides(diagnostic) {
                hidden.append(diagnostic)
            } else {
                kept.append(diagnostic)
            }
        }
        let findings = FindingIndex(hidden, withPaths: suppressions.contains { if case .subtree = $0.scope { true } else { false } })
        for (index, suppression) in suppressions.enumerated() {
            if let rule = suppression.rule, !known[index] {
                kept.append(Diagnostic(rule: .suppressionUnknownRule, severity: .warning,
                                       message: unknownRuleMessage(rule, form: suppression.form), range: suppression.range))
            } else if !findings.isUsed(suppression) {
                let what = suppression.rule.map { "'\($0)'" } ?? "any rule"
                kept.append(Diagnostic(rule: .suppressionUnused, severity: .warning,
                                       message: "\(suppression.form) for \(what) suppresses no finding; remove it",
                                       range: suppression.range))
            }
        }
        return kept
    }

    static func isKnown(_ rule: RuleID) -> Bool {
        knownRules.contains(rule)
    }

    /// Looked up once per suppression, so a set rather than a walk through the catalogue.
    private static let knownRules = Set(Catalogue.entries.map(\.id))

    static func unknownRuleMessage(_ rule: RuleID, form: String) -> String {
        "\(form) names unknown rule '\(rule)'\(Catalogue.unknownIDHint(rule.name))"
    }
}
