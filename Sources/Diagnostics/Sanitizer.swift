/// Template text ends up in messages, and templates come from pull requests; server answers end up in
/// `submit`'s messages and come from whatever answered: a control character could rewrite a terminal or
/// forge a CI workflow command. Every human-readable format passes such text through here, which writes
/// control characters as visible escapes.
public enum Sanitizer {
    public static func terminalSafe(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            if isControl(scalar) {
                result += "\\u{" + String(scalar.value, radix: 16) + "}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.value == 0x2028 || scalar.value == 0x2029
    }
}
