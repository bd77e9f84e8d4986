import Foundation

/// The forms in which a secret could leak, written here independently of `SecretForms` (Foundation's
/// percent and base64 encoders, hand-written escapes), so a test looking for them checks the redactor
/// rather than repeating it: raw, `$$`-doubled (the aliyun template), YAML-escaped (double- or single-quoted)
/// and JSON-escaped and both,
/// percent-encoded (upper and lower case, `+` for a space) and base64. A secret that spans lines is also
/// looked for line by line (lines of `lineLength` characters or more, so a short line cannot match by chance).
func leakedForms(of secret: String, in output: String, lineLength: Int = 6) -> [String] {
    var forms: Set<String> = []
    for templated in [secret, secret.replacingOccurrences(of: "$", with: "$$")] {
        for yaml in [templated, yamlEscaped(templated), templated.replacingOccurrences(of: "'", with: "''")] {
            forms.formUnion([yaml, jsonEscaped(yaml, asciiOnly: false), jsonEscaped(yaml, asciiOnly: true)])
        }
    }
    if let encoded = secret.addingPercentEncoding(withAllowedCharacters: unreserved) {
        let lowerHex = encoded.components(separatedBy: "%").enumerated().map { index, part in index == 0 ? part : part.prefix(2).lowercased() + part.dropFirst(2) }
        forms.formUnion([encoded, lowerHex.joined(separator: "%"), encoded.replacingOccurrences(of: "%20", with: "+")])
    }
    forms.insert(Data(secret.utf8).base64EncodedString())
    let lines = secret.split(whereSeparator: \.isNewline).map(String.init)
    if lines.count > 1 { forms.formUnion(lines.filter { $0.count >= lineLength }) }
    return forms.filter { output.contains($0) && $0.count >= 4 }.sorted()
}

/// RFC 3986's unreserved characters, which percent-encoding keeps.
let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

/// The short escapes JSON and double-quoted YAML share.
private let shortEscapes: [Unicode.Scalar: String] = ["\"": "\\\"", "\\": "\\\\", "\n": "\\n", "\t": "\\t", "\r": "\\r"]

/// The text with the short escapes; `nonASCII` writes each character that is not ASCII, or gives nil to keep it.
private func backslashEscaped(_ text: String, nonASCII: (Unicode.Scalar) -> String?) -> String {
    text.unicodeScalars.map { scalar in shortEscapes[scalar] ?? (scalar.isASCII ? nil : nonASCII(scalar)) ?? String(scalar) }.joined()
}

/// Double-quoted YAML as libyaml writes it: characters beyond the Basic Multilingual Plane as `\UXXXXXXXX`.
private func yamlEscaped(_ text: String) -> String {
    backslashEscaped(text) { $0.value > 0xFFFF ? String(format: "\\U%08X", $0.value) : nil }
}

/// A JSON string's content; `asciiOnly` writes non-ASCII as `\uXXXX` (UTF-16), as Python does by default.
private func jsonEscaped(_ text: String, asciiOnly: Bool) -> String {
    backslashEscaped(text) { scalar in asciiOnly ? String(scalar).utf16.map { String(format: "\\u%04x", $0) }.joined() : nil }
}
