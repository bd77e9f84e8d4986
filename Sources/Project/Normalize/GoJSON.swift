import Diagnostics

/// `json.MarshalIndent(value, "", "  ")` as Go writes it, which `docker compose config --format json`
/// prints: two-space indentation, `"key": value`, `{}` and `[]` for empty collections, and strings
/// escaped the HTML-safe way (`<`, `>`, `&`, U+2028 and U+2029 as `\u` escapes), with no final newline.
/// Numbers arrive already in Go's form (`JSONValue.number`).
enum GoJSON {
    static func indented(_ value: JSONValue) -> String {
        var output = ""
        write(value, depth: 0, to: &output)
        return output
    }

    private static func write(_ value: JSONValue, depth: Int, to output: inout String) {
        switch value {
        case .string(let text): quote(text, to: &output)
        case .int(let number): output += String(number)
        case .number(let text): output += text
        case .bool(let flag): output += flag ? "true" : "false"
        case .null: output += "null"
        case .array(let items):
            guard !items.isEmpty else { output += "[]"; return }
            output += "["
            for (index, item) in items.enumerated() {
                output += (index == 0 ? "\n" : ",\n") + indentation(depth + 1)
                write(item, depth: depth + 1, to: &output)
            }
            output += "\n" + indentation(depth) + "]"
        case .object(let members):
            guard !members.isEmpty else { output += "{}"; return }
            output += "{"
            for (index, member) in members.enumerated() {
                output += (index == 0 ? "\n" : ",\n") + indentation(depth + 1)
                quote(member.key, to: &output)
                output += ": "
                write(member.value, depth: depth + 1, to: &output)
            }
            output += "\n" + indentation(depth) + "}"
        }
    }

    private static func indentation(_ depth: Int) -> String {
        String(repeating: "  ", count: depth)
    }

    private static func quote(_ text: String, to output: inout String) {
        output += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case "\u{8}": output += "\\b"
            case "\u{C}": output += "\\f"
            case "<", ">", "&", "\u{2028}", "\u{2029}":
                output += unicodeEscape(scalar)
            default:
                if scalar.value < 0x20 { output += unicodeEscape(scalar) } else { output.unicodeScalars.append(scalar) }
            }
        }
        output += "\""
    }

    private static func unicodeEscape(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16)
        return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
    }
}
