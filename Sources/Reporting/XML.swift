import Diagnostics

/// XML 1.0 text and attribute escaping. Control characters (and U+FFFE, U+FFFF) are not allowed in XML 1.0, so they
/// are first written as visible escapes (as in every format), then the five markup characters become
/// entities; that keeps a template from closing an element or injecting one.
enum XML {
    /// The first line of every XML report.
    static let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"

    static func escape(_ text: String) -> String {
        var result = ""
        for scalar in Sanitizer.terminalSafe(text).unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            case "\u{FFFE}", "\u{FFFF}": result += "\\u{" + String(scalar.value, radix: 16) + "}"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
