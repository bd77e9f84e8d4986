internal import CLibYAML

/// Writes a tree back as YAML through libyaml's emitter, keeping each scalar's style and each
/// collection's flow or block form, with `\n` line breaks and no line folding. Aliases are written out
/// in full (the platforms and `docker compose config` see expanded documents). This and the reader are
/// the only files that see libyaml.
public enum YAMLEmitter {
    public struct Failure: Error, CustomStringConvertible, Sendable {
        public let description: String
    }

    public static func emit(_ tree: YAMLTree) throws(Failure) -> String {
        let sink = OutputSink()
        var emitter = yaml_emitter_t()
        guard yaml_emitter_initialize(&emitter) != 0 else { throw Failure(description: "libyaml could not allocate an emitter") }
        defer { yaml_emitter_delete(&emitter) }
        yaml_emitter_set_unicode(&emitter, 1)
        yaml_emitter_set_indent(&emitter, 2)
        yaml_emitter_set_width(&emitter, -1)
        yaml_emitter_set_break(&emitter, YAML_LN_BREAK)
        let context = Unmanaged.passUnretained(sink).toOpaque()
        yaml_emitter_set_output(&emitter, { context, buffer, size in
            guard let context, let buffer else { return 0 }
            Unmanaged<OutputSink>.fromOpaque(context).takeUnretainedValue().bytes.append(contentsOf: UnsafeBufferPointer(start: buffer, count: size))
            return 1
        }, context)

        var ok = true
        func send(_ initialize: (inout yaml_event_t) -> Int32) {
            guard ok else { return }
            var event = yaml_event_t()
            ok = initialize(&event) != 0 && yaml_emitter_emit(&emitter, &event) != 0
        }
        send { yaml_stream_start_event_initialize(&$0, YAML_UTF8_ENCODING) }
        send { yaml_document_start_event_initialize(&$0, nil, nil, nil, 1) }
        tree.walk { event in
            switch event {
            case .scalar(let id):
                let node = tree[id]
                // libyaml copies the value, so a pointer that lives for the call is enough.
                var text = node.text
                var empty: UInt8 = 0
                text.withUTF8 { buffer in
                    withUnsafeMutablePointer(to: &empty) { emptyPointer in
                        let value = buffer.baseAddress.map { UnsafeMutablePointer(mutating: $0) } ?? emptyPointer
                        send { yaml_scalar_event_initialize(&$0, nil, nil, value, Int32(buffer.count), 1, 1, scalarStyle(node.style)) }
                    }
                }
            case .begin(let id):
                let node = tree[id]
                if node.kind == .mapping {
                    send { yaml_mapping_start_event_initialize(&$0, nil, nil, 1, node.isFlow ? YAML_FLOW_MAPPING_STYLE : YAML_BLOCK_MAPPING_STYLE) }
                } else {
                    send { yaml_sequence_start_event_initialize(&$0, nil, nil, 1, node.isFlow ? YAML_FLOW_SEQUENCE_STYLE : YAML_BLOCK_SEQUENCE_STYLE) }
                }
            case .end(let id):
                if tree[id].kind == .mapping {
                    send { yaml_mapping_end_event_initialize(&$0) }
                } else {
                    send { yaml_sequence_end_event_initialize(&$0) }
                }
            }
        }
        send { yaml_document_end_event_initialize(&$0, 1) }
        send { yaml_stream_end_event_initialize(&$0) }
        guard ok, yaml_emitter_flush(&emitter) != 0 else {
            let problem = emitter.problem.map { String(cString: $0) } ?? "unknown problem"
            throw Failure(description: "libyaml could not write the document: \(problem)")
        }
        return String(decoding: sink.bytes, as: UTF8.self)
    }

    private static func scalarStyle(_ style: ScalarStyle) -> yaml_scalar_style_t {
        switch style {
        case .plain: YAML_PLAIN_SCALAR_STYLE
        case .singleQuoted: YAML_SINGLE_QUOTED_SCALAR_STYLE
        case .doubleQuoted: YAML_DOUBLE_QUOTED_SCALAR_STYLE
        case .literal: YAML_LITERAL_SCALAR_STYLE
        case .folded: YAML_FOLDED_SCALAR_STYLE
        }
    }
}

/// Collects the emitter's output; a class so the C callback can reach it through an opaque pointer.
private final class OutputSink {
    var bytes: [UInt8] = []
}
