import Diagnostics
import Model
import Rules

/// The per-rule part of `docs/rules.md` (`stackc rules --format reference`): for every id a section
/// with its severity, scope, rationale and the examples the test suite runs, so the documentation
/// cannot drift from what the rules do.
enum RuleReference {
    static func markdown() -> String {
        Catalogue.entries.map(section).joined(separator: "\n")
    }

    private static func section(_ entry: Catalogue.Entry) -> String {
        let kinds = entry.kinds.count == DocumentKind.allCases.count ? "every kind" : entry.kinds.map(\.rawValue).joined(separator: ", ")
        let platforms = (entry.platforms.map { " · only with `--target \($0.map(\.rawValue).joined(separator: "|"))`" } ?? "")
            + (entry.category.map { " · off by default, on with `--enable-category \($0.rawValue)`" } ?? "")
        let stage = entry.stage == "rule" ? "rule" : "\(entry.stage) check"
        var text = "### `\(entry.id.name)`\n\n"
        text += "\(entry.severity) · \(stage) · \(kinds)\(platforms)\n\n"
        text += "**\(entry.summary.prefix(1).uppercased() + entry.summary.dropFirst()).** \(entry.rationale.wrappedParagraph())\n"
        text += examples("Triggers (`↓` marks each finding):", entry.triggering)
        text += examples("Does not trigger:", entry.nonTriggering)
        return text
    }

    private static func examples(_ title: String, _ examples: [Example]) -> String {
        guard !examples.isEmpty else { return "" }
        return "\n" + title + "\n\n" + examples.map { example in
            // An example whose findings are not of the rule's severity says so.
            let severity = example.severity.map { "Reported as \(phrase($0)):\n\n" } ?? ""
            let fixed = example.fixed.map { "\nAfter `stackc lint --fix`:\n\n```yaml\n" + $0.trimmingTrailingNewlines() + "\n```\n" } ?? ""
            return severity + "```yaml\n" + example.text.trimmingTrailingNewlines() + "\n```\n" + fixed
        }.joined(separator: "\n")
    }

    /// "an error", "a warning", "info".
    static func phrase(_ severity: Severity) -> String {
        switch severity {
        case .error: "an error"
        case .warning: "a warning"
        case .info: "info"
        }
    }
}

extension String {
    func trimmingTrailingNewlines() -> String {
        var text = Substring(self)
        while text.last == "\n" { text = text.dropLast() }
        return String(text)
    }
}
