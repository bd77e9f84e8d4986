import Diagnostics

extension YAMLTree {
    /// The document as JSON with typed scalars (as `ScalarValue` resolves them) and keys in source
    /// order — what `stackc render --format json` prints and what `docker compose config --format json`
    /// is compared with. Infinities and NaN, which JSON cannot hold, are written as their YAML text; a
    /// non-scalar key (already an error) is written as an empty key.
    /// - Parameter typed: values that replace how YAML types some scalars (the types Docker Compose
    ///   gives substituted values, `ComposeTypedValues`).
    public func json(indent: String? = "  ", typed: [NodeID: ScalarValue] = [:]) -> String {
        var writer = JSONWriter(indent: indent)
        // Each frame: a collection and the index of its next child (pair index for mappings).
        var stack: [(node: NodeID, next: Int)] = []
        func write(_ id: NodeID) {
            let node = self[id]
            switch node.kind {
            case .scalar:
                writeScalar(typed[id] ?? node.resolved, text: node.text, to: &writer)
            case .mapping:
                writer.beginObject()
                stack.append((id, 0))
            case .sequence:
                writer.beginArray()
                stack.append((id, 0))
            }
        }
        write(root)
        while let top = stack.last {
            let node = self[top.node]
            guard top.next < Int(node.childCount) else {
                stack.removeLast()
                if node.kind == .mapping { writer.endObject() } else { writer.endArray() }
                continue
            }
            stack[stack.count - 1].next += 1
            if node.kind == .mapping {
                let pair = pairs(of: top.node)[top.next]
                writer.key(self[pair.key].isScalar ? self[pair.key].text : "")
                write(pair.value)
            } else {
                write(children[Int(node.firstChild) + top.next])
            }
        }
        return writer.output
    }

    private func writeScalar(_ value: ScalarValue, text: String, to writer: inout JSONWriter) {
        switch value {
        case .null: writer.null()
        case .bool(let value): writer.bool(value)
        case .int(let value): writer.raw(String(value))
        case .float(let value) where value.isFinite: writer.raw(value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value))
        case .float: writer.string(text)
        case .string(let value): writer.string(value)
        }
    }
}
