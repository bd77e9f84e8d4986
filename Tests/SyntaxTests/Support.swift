import Diagnostics
import Testing
@testable import Syntax

/// Reads YAML text with default limits.
func read(_ text: String, limits: ReaderLimits = .default) -> ReadResult {
    YAMLReader.read(SourceFile(path: "t.yaml", text: text), limits: limits)
}

/// Reads text that must parse without diagnostics.
func tree(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> YAMLTree {
    let result = read(text)
    #expect(result.diagnostics.isEmpty, "unexpected diagnostics: \(result.diagnostics.map(\.message))", sourceLocation: sourceLocation)
    return result.tree!
}

/// "line:column" of a range's start and end, the way tests state positions.
func span(_ range: SourceRange) -> String {
    "\(range.start.line):\(range.start.column)-\(range.end.line):\(range.end.column)"
}

/// A compact picture of one finding: "rule@line:column".
func brief(_ diagnostic: Diagnostic) -> String {
    "\(diagnostic.rule)@\(diagnostic.range.map { "\($0.start.line):\($0.start.column)" } ?? "-")"
}

extension YAMLTree {
    /// Follows a dotted path of keys and indexes ("services.web.ports.0").
    func node(_ path: String) -> YAMLNode? {
        var current = root
        for part in path.split(separator: ".") {
            if let index = Int(part), self[current].isSequence {
                let items = items(of: current)
                guard index < items.count else { return nil }
                current = items[items.startIndex + index]
            } else {
                guard let next = value(forKey: String(part), in: current) else { return nil }
                current = next
            }
        }
        return self[current]
    }

    func keys(_ path: String) -> [String] {
        guard let node = path.isEmpty ? self[root] : node(path) else { return [] }
        let id = nodes.firstIndex { $0.range == node.range && $0.kind == node.kind }.map { NodeID($0) } ?? root
        return pairs(of: id).map { self[$0.key].text }
    }
}
