/// Small matchers the `aliyun.*` label values share. Hand-written rather than regular expressions: each
/// is a few lines over ASCII bytes and says exactly which characters pass.
public enum AliyunText {
    /// A whole number as Go's `strconv.Atoi` reads it, which is how the platform reads counts and
    /// seconds: an optional `+` or `-`, then decimal digits (leading zeros allowed). Nil for anything
    /// else, or for more digits than fit comfortably (18).
    public static func integer(_ text: some StringProtocol) -> Int? {
        var digits = Substring(text)
        var sign = 1
        if let first = digits.first, first == "+" || first == "-" {
            sign = first == "-" ? -1 : 1
            digits = digits.dropFirst()
        }
        guard !digits.isEmpty, digits.utf8.count <= 18, digits.allBytes(satisfy: isDigit) else { return nil }
        return sign * digits.utf8.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
    }

    /// Unsigned decimal digits whose value lies in `range` (ports: `number(text, in: 1...65535)`).
    public static func number(_ text: some StringProtocol, in range: ClosedRange<Int>) -> Int? {
        guard let first = text.utf8.first, isDigit(first), let value = integer(text), range.contains(value) else { return nil }
        return value
    }

    static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    /// An ASCII letter of either case (setting bit 5 lowercases one).
    static func isLetter(_ byte: UInt8) -> Bool {
        let lower = byte | 0x20
        return lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "z")
    }

    /// `[a-zA-Z0-9-_/.]`: what SLB names and routing context roots are made of.
    static func isPathByte(_ byte: UInt8) -> Bool {
        isLetter(byte) || isDigit(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "/") || byte == UInt8(ascii: ".")
    }
}

extension AliyunText {
    /// The entries of a `;`-separated label value (routing, SLB), trimmed, empty ones skipped as the
    /// platform skips them.
    public static func entries(_ value: String) -> [Substring] {
        value.split(ascii: ";", omittingEmpty: true).map { Substring($0.trimmingCharacters(in: " \t")) }.filter { !$0.isEmpty }
    }

    /// `'a', 'b', 'c'`, for messages listing the allowed values.
    public static func quoted(_ values: [String]) -> String {
        values.map { "'\($0)'" }.joined(separator: ", ")
    }

    /// The parts of a comma-separated value (`aliyun.depends`), trimmed; empty parts are kept, so that
    /// `db,,cache` shows its mistake.
    public static func commaSeparated(_ value: String) -> [String] {
        value.split(ascii: ",").map { $0.trimmingCharacters(in: " \t") }
    }

    /// `scheme://rest` split at the first `://`; nil when there is none.
    static func splitScheme(_ text: Substring) -> (scheme: Substring, rest: Substring)? {
        guard let separator = text.firstRange(of: "://") else { return nil }
        return (text[..<separator.lowerBound], text[separator.upperBound...])
    }
}
