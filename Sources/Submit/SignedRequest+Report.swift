import Diagnostics

extension SignedRequest {
    /// The report of `stackc sign`. The string-to-sign is shown one line per signed line, each quoted and
    /// escaped like a Swift string literal (`\n` where a line ends, `\t`, `\u{200B}`, `\"`), so trailing spaces,
    /// tabs, carriage returns and invisible characters, the usual reasons for "signature does not match",
    /// can be seen and compared with the server's string.
    public func textReport(signedBy signer: String) -> String {
        var lines = stringToSign.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for index in lines.indices.dropLast() { lines[index] += "\n" }
        var report = "String to sign (one quoted line per signed line; \\n is the line end that is signed):\n"
        report += lines.map { "  " + Self.quoted($0) + "\n" }.joined()
        report += "Signature: \(signature)\n"
        report += "Authorization: \(authorization)\n"
        report += "Signed with: \(signer)\n"
        report += "Headers to send (besides Authorization):\n"
        report += headers.map { "  " + Self.quoted("\($0.name): \($0.value)") + "\n" }.joined()
        return report
    }

    /// `{stringToSign, signature, authorization, headers}`, headers as an object in sending order.
    public func jsonReport() -> String {
        var writer = JSONWriter(indent: "  ")
        writer.beginObject()
        writer.field("stringToSign", stringToSign)
        writer.field("signature", signature)
        writer.field("authorization", authorization)
        writer.key("headers")
        writer.beginObject()
        for (name, value) in headers { writer.field(name, value) }
        writer.endObject()
        writer.endObject()
        return writer.output + "\n"
    }

    /// `text` in double quotes with `\`, `"`, control characters and characters that print as nothing or as
    /// a plain space (format characters, separators other than U+0020) escaped.
    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case "\"": result += "\\\""
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case " ": result += " "
            default:
                switch scalar.properties.generalCategory {
                case .control, .format, .spaceSeparator, .lineSeparator, .paragraphSeparator, .unassigned, .surrogate, .privateUse:
                    result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
                default:
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }
}
