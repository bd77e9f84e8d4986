import Diagnostics
import Model
import Rules

/// `stackc rules` and `stackc explain`: the catalogue as text, JSON, the Markdown table that the
/// README and `docs/rules.md` embed, or the per-rule reference of `docs/rules.md`.
public enum RuleListing {
    public enum Format: String, CaseIterable, Sendable {
        case text, json, markdown, reference
    }

    /// - Parameter category: only the opt-in rules of this category; nil for every check.
    public static func list(_ format: Format, category: RuleCategory? = nil) -> String {
        let entries = category.map { category in Catalogue.entries.filter { $0.category == category } } ?? Catalogue.entries
        switch format {
        case .text:
            let width = entries.map(\.id.name.count).max() ?? 0
            return entries.map { entry in
                entry.id.name.padding(to: width) + "  " + entry.severity.description.padding(to: 7) + "  " + entry.summary + platformNote(entry) + categoryNote(entry)
            }.joined(separator: "\n") + "\n"
        case .json:
            var writer = JSONWriter(indent: "  ")
            writer.beginArray()
            for entry in entries {
                writer.beginObject()
                writer.field("id", entry.id.name)
                writer.field("severity", entry.severity.description)
                writer.field("stage", entry.stage)
                writer.key("kinds")
                writer.beginArray()
                entry.kinds.forEach { writer.string($0.rawValue) }
                writer.endArray()
                writer.key("platforms")
                if let platforms = entry.platforms {
                    writer.beginArray()
                    platforms.forEach { writer.string($0.rawValue) }
                    writer.endArray()
                } else {
                    writer.null()
                }
                writer.key("category")
                if let category = entry.category { writer.string(category.rawValue) } else { writer.null() }
                writer.field("summary", entry.summary)
                writer.field("rationale", entry.rationale)
                writer.endObject()
            }
            writer.endArray()
            return writer.output + "\n"
        case .markdown:
            var lines = ["| id | severity | applies to | checks |", "| --- | --- | --- | --- |"]
            for entry in entries {
                let kinds = entry.kinds.count == DocumentKind.allCases.count ? "all" : entry.kinds.map(\.rawValue).joined(separator: ", ")
                let scope = kinds + (entry.platforms.map { " (`--target \($0.map(\.rawValue).joined(separator: "|"))`)" } ?? "")
                    + (entry.category.map { " (off by default: `--enable-category \($0.rawValue)`)" } ?? "")
                lines.append("| `\(entry.id.name)` | \(entry.severity) | \(scope) | \(entry.summary.replacingPipes()) |")
            }
            return lines.joined(separator: "\n") + "\n"
        case .reference:
            return RuleReference.markdown()
        }
    }

    /// The documentation of one id, or nil with the closest known id for a "did you mean".
    public static func explain(_ id: String) -> Result<String, ExplainFailure> {
        guard let entry = Catalogue.entry(id) else {
            let suggestion = Suggestions.closest(to: id, among: Catalogue.entries.map(\.id.name))
            return .failure(ExplainFailure(message: "unknown rule '\(id)'" + (suggestion.map { "; did you mean '\($0)'?" } ?? "; `stackc rules` lists them")))
        }
        var text = "\(entry.id) (\(entry.severity), \(entry.stage == "rule" ? "rule" : "\(entry.stage) check"))\n\n"
        text += entry.summary + platformNote(entry) + categoryNote(entry) + ".\n\n" + entry.rationale.wrappedParagraph() + "\n"
        if !entry.triggering.isEmpty {
            text += "\nTriggers (↓ marks each finding):\n"
            for example in entry.triggering {
                text += "\n" + (example.severity.map { "  (reported as \(RuleReference.phrase($0)))\n" } ?? "") + example.text.indented() + "\n"
                if let fixed = example.fixed { text += "\n  after stackc lint --fix:\n" + fixed.indented() + "\n" }
            }
        }
        if !entry.nonTriggering.isEmpty {
            text += "\nDoes not trigger:\n"
            for example in entry.nonTriggering { text += "\n" + example.text.indented() + "\n" }
        }
        return .success(text)
    }

    public struct ExplainFailure: Error, Sendable {
        public let message: String
    }

    private static func platformNote(_ entry: Catalogue.Entry) -> String {
        entry.platforms.map { " (with --target \($0.map(\.rawValue).joined(separator: "|")))" } ?? ""
    }

    private static func categoryNote(_ entry: Catalogue.Entry) -> String {
        entry.category.map { " (off by default; on with --enable-category \($0.rawValue))" } ?? ""
    }
}

extension String {
    func padding(to width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }

    func indented() -> String {
        split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }.joined(separator: "\n")
    }

    /// Joins the hard-wrapped lines of a rationale into one paragraph.
    func wrappedParagraph() -> String {
        split(separator: "\n").map { $0.trimmingSpaces() }.joined(separator: " ")
    }

    func replacingPipes() -> String {
        split(separator: "|", omittingEmptySubsequences: false).joined(separator: "\\|")
    }
}

extension Substring {
    func trimmingSpaces() -> String {
        var slice = self
        while slice.first == " " { slice.removeFirst() }
        while slice.last == " " { slice.removeLast() }
        return String(slice)
    }
}
