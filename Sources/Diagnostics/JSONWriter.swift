/// A small streaming JSON writer that keeps keys in the order they are written and escapes strings as
/// RFC 8259 requires (`"`, `\` and control characters; `/` and non-ASCII left as they are).
///
/// Request bodies must keep the field order the platform documents and be byte-stable, which
/// Foundation's `JSONEncoder` does not promise; reports use the same writer so every JSON stackc prints
/// looks alike.
public struct JSONWriter {
    public private(set) var output = ""
    private let indentUnit: String?
    /// One entry per open container: whether it already has an element.
    private var hasElement: [Bool] = []
    private var afterKey = false

    /// `indent` nil writes compact JSON; otherwise nested values are indented by that string.
    public init(indent: String? = nil) {
        self.indentUnit = indent
    }

    public mutating func beginObject() { openContainer("{") }
    public mutating func endObject() { closeContainer("}") }
    public mutating func beginArray() { openContainer("[") }
    public mutating func endArray() { closeContainer("]") }

    public mutating func key(_ name: String) {
        separate()
        Self.appendQuoted(name, to: &output)
        output += indentUnit == nil ? ":" : ": "
        afterKey = true
    }

    public mutating func string(_ value: String) {
        separate()
        Self.appendQuoted(value, to: &output)
    }

    public mutating func int(_ value: Int) {
        separate()
        output += String(value)
    }

    public mutating func bool(_ value: Bool) {
        separate()
        output += value ? "true" : "false"
    }

    public mutating func null() {
        separate()
        output += "null"
    }

    /// Writes an already-encoded JSON value verbatim.
    public mutating func raw(_ json: String) {
        separate()
        output += json
    }

    // Convenience for the common "key: value" shapes.
    public mutating func field(_ name: String, _ value: String) { key(name); string(value) }
    public mutating func field(_ name: String, _ value: Int) { key(name); int(value) }
    public mutating func field(_ name: String, _ value: Bool) { key(name); bool(value) }
    public mutating func field(_ name: String, _ value: String?) {
        key(name)
        if let value { string(value) } else { null() }
    }
    public mutating func field(_ name: String, _ value: Int?) {
        key(name)
        if let value { int(value) } else { null() }
    }

    /// The JSON text of one string value, quotes included.
    public static func quoted(_ value: String) -> String {
        var result = ""
        appendQuoted(value, to: &result)
        return result
    }

    private mutating func openContainer(_ bracket: String) {
        separate()
        output += bracket
        hasElement.append(false)
    }

    private mutating func closeContainer(_ bracket: String) {
        let hadElements = hasElement.popLast() ?? false
        if hadElements { newline() }
        output += bracket
    }

    /// Writes the comma and line break that precede a value, unless it directly follows its key.
    private mutating func separate() {
        if afterKey {
            afterKey = false
            return
        }
        guard !hasElement.isEmpty else { return }
        if hasElement[hasElement.count - 1] { output += "," }
        hasElement[hasElement.count - 1] = true
        newline()
    }

    private mutating func newline() {
        guard let indentUnit else { return }
        output += "\n"
        for _ in 0..<hasElement.count { output += indentUnit }
    }

    private static func appendQuoted(_ value: String, to output: inout String) {
        output += "\""
        var pending = value.utf8.startIndex
        let utf8 = value.utf8
        var index = pending
        while index != utf8.endIndex {
            let byte = utf8[index]
            if byte == 0x22 || byte == 0x5C || byte < 0x20 {
                output += value[pending..<index]
                switch byte {
                case 0x22: output += "\\\""
                case 0x5C: output += "\\\\"
                case 0x0A: output += "\\n"
                case 0x0D: output += "\\r"
                case 0x09: output += "\\t"
                case 0x08: output += "\\b"
                case 0x0C: output += "\\f"
                default:
                    let hex = String(byte, radix: 16)
                    output += "\\u00" + (hex.count == 1 ? "0" : "") + hex
                }
                pending = utf8.index(after: index)
            }
            index = utf8.index(after: index)
        }
        output += value[pending..<utf8.endIndex]
        output += "\""
    }
}
