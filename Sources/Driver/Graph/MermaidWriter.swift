/// Writes a dependency graph as a Mermaid flowchart, which GitHub renders in Markdown and PR comments.
/// Node ids are generated (`n0`, `n1` …) and names appear only inside quoted labels, escaped with
/// Mermaid's entity codes, so no name can break the chart or inject syntax.
enum MermaidWriter {
    static func write(_ graph: DependencyGraph) -> String {
        var lines = ["flowchart LR"]
        for (index, node) in graph.nodes.enumerated() {
            let label = "\"" + escape(node.name) + "\""
            let shape: String
            switch node.kind {
            case .service, .container: shape = "[\(label)]"
            case .undefined: shape = "[\(label)]:::undefined"
            case .external: shape = "([\(label)]):::external"
            case .volume: shape = "[(\(label))]"
            }
            lines.append("  n\(index)\(shape)")
        }
        for edge in graph.edges {
            let arrow = graph.nodes[edge.to].kind == .external ? "-.->" : "-->"
            lines.append("  n\(edge.from) \(arrow)|\(escape(edge.label))| n\(edge.to)")
        }
        let kinds = Set(graph.nodes.map(\.kind))
        if kinds.contains(.undefined) { lines.append("  classDef undefined stroke-dasharray:4 4") }
        if kinds.contains(.external) { lines.append("  classDef external fill:#eeeeee") }
        let cycleNodes = graph.nodesInCycles.sorted()
        if !cycleNodes.isEmpty {
            lines.append("  classDef cycle stroke:#d00000,stroke-width:2px")
            lines.append("  class " + cycleNodes.map { "n\($0)" }.joined(separator: ",") + " cycle")
            let cycleEdges = graph.edges.indices.filter { graph.edges[$0].inCycle }
            lines.append("  linkStyle " + cycleEdges.map(String.init).joined(separator: ",") + " stroke:#d00000,stroke-width:2px")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Characters with meaning inside a quoted Mermaid label become `#code;` entities; control
    /// characters too, so a name cannot end the line.
    static func escape(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "#quot;"
            case "#", "<", ">", "&", "`", "|", "[", "]", "{", "}", "(", ")": result += "#\(scalar.value);"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F: result += "#\(scalar.value);"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
