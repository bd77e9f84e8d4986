import Diagnostics
import Driver

/// The hover over a finding: the finding itself, then `stackc explain RULE`, so why a rule exists and
/// how to satisfy it is one mouse move away.
enum Hover {
    static func json(for diagnostics: [Diagnostic], at offset: Int, lines: LineIndex, markdown: Bool) -> JSONValue {
        let hit = diagnostics.filter { diagnostic in
            guard let range = diagnostic.range else { return false }
            return range.start.offset <= offset && offset <= range.end.offset
        }
        guard let first = hit.first?.range else { return .null }
        let sections = hit.map { diagnostic in
            let heading = "\(diagnostic.severity): \(diagnostic.message) [\(diagnostic.rule)]"
            let explanation = (try? RuleListing.explain(diagnostic.rule.name).get()) ?? ""
            return markdown ? "**\(escaped(heading))**\n\n```text\n\(explanation)```" : heading + "\n\n" + explanation
        }
        let value = sections.joined(separator: markdown ? "\n\n---\n\n" : "\n\n")
        let end = hit.compactMap(\.range?.end.offset).max() ?? first.end.offset
        let start = hit.compactMap(\.range?.start.offset).min() ?? first.start.offset
        return .object([
            .init("contents", .object([.init("kind", .string(markdown ? "markdown" : "plaintext")), .init("value", .string(value))])),
            .init("range", DiagnosticConversion.json(start: start, end: end, lines: lines)),
        ])
    }

    /// Markdown's punctuation escaped, so a message quoting `*` or `_` shows as written.
    private static func escaped(_ text: String) -> String {
        var result = ""
        for character in text {
            if "\\`*_[]<>|".contains(character) { result.append("\\") }
            result.append(character)
        }
        return result
    }
}
