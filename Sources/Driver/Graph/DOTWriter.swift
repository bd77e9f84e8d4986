/// Writes a dependency graph in graphviz's DOT language. Node ids are generated (`n0`, `n1` …) and
/// names appear only as quoted `label`s with `\` and `"` escaped, so any name is safe.
enum DOTWriter {
    static func write(_ graph: DependencyGraph) -> String {
        var lines = ["digraph dependencies {", "  rankdir=LR;", "  node [shape=box];"]
        let cycleNodes = graph.nodesInCycles
        for (index, node) in graph.nodes.enumerated() {
            var attributes = ["label=\(quote(node.name))"]
            switch node.kind {
            case .service, .container: break
            case .undefined: attributes.append("style=dashed")
            case .external: attributes.append("style=\"rounded,dashed\"")
            case .volume: attributes.append("shape=cylinder")
            }
            if cycleNodes.contains(index) { attributes.append("color=red") }
            lines.append("  n\(index) [\(attributes.joined(separator: ", "))];")
        }
        for edge in graph.edges {
            var attributes = ["label=\(quote(edge.label))"]
            if graph.nodes[edge.to].kind == .external { attributes.append("style=dashed") }
            if edge.inCycle { attributes += ["color=red", "penwidth=2"] }
            lines.append("  n\(edge.from) -> n\(edge.to) [\(attributes.joined(separator: ", "))];")
        }
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    /// A DOT quoted string: `\` and `"` escaped (so graphviz's `\N`, `\l` … stay literal), line breaks
    /// as `\n`, other control characters dropped.
    static func quote(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case "\"": result += "\\\""
            case "\n": result += "\\n"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F: continue
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
