import Diagnostics
import Lowering

/// Every form a secret can take between stackc and a reader, so the redactor can find it in any output.
/// A value goes out raw, or with `$` doubled (the aliyun template keeps `$` from a second substitution),
/// or escaped by the YAML emitter (double-quoted like libyaml writes it, or single-quoted), and any of
/// these inside a JSON string (as stackc writes it, or ASCII-only as Python and many servers do); it goes
/// on the wire percent-encoded (as stackc encodes queries, and as other encoders do: lower-case hex, `+`
/// for a space, `/` kept) and base64-encoded (v2 secret data, also when it is only part of an encoded
/// value); it reaches a terminal with control characters escaped (`Sanitizer`); and a server may echo
/// its UTF-8 bytes read as Latin-1.
enum SecretForms {
    static func of(_ secret: String) -> Set<String> {
        var forms: Set<String> = []
        for templated in [secret, secret.replacing("$", with: "$$")] {
            for yaml in [templated, yamlDoubleQuoted(templated), templated.replacing("'", with: "''")] {
                forms.formUnion([yaml, jsonEscaped(yaml, asciiOnly: false), jsonEscaped(yaml, asciiOnly: true)])
            }
        }
        forms.formUnion(percentEncoded(secret))
        forms.formUnion(base64(secret))
        forms.insert(Sanitizer.terminalSafe(secret))
        // A server that reads a header's bytes as Latin-1 (HTTP's historical charset, Python's http.server)
        // echoes a non-ASCII token as that misreading.
        let misread = String(String.UnicodeScalarView(secret.utf8.map { Unicode.Scalar($0) }))
        forms.formUnion([misread, jsonEscaped(misread, asciiOnly: true)])
        return forms
    }

    /// The text between the quotes of a double-quoted YAML scalar as libyaml's emitter writes it (with
    /// Unicode output on): what it does not count as printable, line breaks, `"` and `\` are escaped.
    static func yamlDoubleQuoted(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            let value = scalar.value
            let printable = value == 0x0A || (0x20...0x7E).contains(value) || (0xA0...0xD7FF).contains(value)
                || ((0xE000...0xFFFD).contains(value) && value != 0xFEFF)
            let isBreak = value == 0x0A || value == 0x0D || value == 0x85 || value == 0x2028 || value == 0x2029
            guard !printable || isBreak || scalar == "\"" || scalar == "\\" else {
                result.unicodeScalars.append(scalar)
                continue
            }
            let short: [UInt32: String] = [0x00: "0", 0x07: "a", 0x08: "b", 0x09: "t", 0x0A: "n", 0x0B: "v", 0x0C: "f", 0x0D: "r",
                                           0x1B: "e", 0x22: "\"", 0x5C: "\\", 0x85: "N", 0x2028: "L", 0x2029: "P"]
            if let letter = short[value] {
                result += "\\" + letter
            } else {
                let (prefix, digits) = value <= 0xFF ? ("x", 2) : value <= 0xFFFF ? ("u", 4) : ("U", 8)
                result += "\\" + prefix + hex(value, digits: digits, uppercase: true)
            }
        }
        return result
    }

    /// The text between the quotes of a JSON string: as `JSONWriter` writes it, or with every non-ASCII
    /// character as `\uXXXX` (UTF-16, lower-case hex, as Python's `json.dumps` writes by default).
    static func jsonEscaped(_ text: String, asciiOnly: Bool) -> String {
        let quoted = JSONWriter.quoted(text)
        let inner = String(quoted.dropFirst().dropLast())
        guard asciiOnly else { return inner }
        var result = ""
        for scalar in inner.unicodeScalars {
            if scalar.isASCII {
                result.unicodeScalars.append(scalar)
            } else {
                for unit in String(scalar).utf16 { result += "\\u" + hex(UInt32(unit), digits: 4, uppercase: false) }
            }
        }
        return result
    }

    /// The value percent-encoded as stackc sends it (RFC 3986 unreserved characters kept, upper-case hex)
    /// and as other encoders write it: lower-case hex, `+` for a space (form encoding), `/` left as is.
    static func percentEncoded(_ text: String) -> Set<String> {
        var forms: Set<String> = [encodePathSegment(text)]
        for variant in Array(forms) { forms.insert(lowercasingEscapes(variant)) }
        for variant in Array(forms) { forms.insert(variant.replacing("%20", with: "+")) }
        for variant in Array(forms) { forms.insert(variant.replacing("%2F", with: "/").replacing("%2f", with: "/")) }
        return forms
    }

    /// Base64 of the value on its own (with padding), and the characters that encode only its bytes when
    /// it starts at each of the three offsets within a longer encoded value.
    static func base64(_ text: String) -> Set<String> {
        let bytes = Array(text.utf8)
        var forms: Set<String> = [Base64Encoding.encode(bytes)]
        for offset in 0..<3 {
            let encoded = Array(Base64Encoding.encode(Array(repeating: 0, count: offset) + bytes))
            // Character i carries bits 6i..<6i+6; the value's bits are 8*offset..<8*(offset+count).
            let first = (8 * offset + 5) / 6
            let end = 8 * (offset + bytes.count) / 6
            if end > first { forms.insert(String(encoded[first..<end])) }
        }
        return forms
    }

    private static func lowercasingEscapes(_ encoded: String) -> String {
        var result = ""
        var pending = 0
        for character in encoded {
            if character == "%" {
                pending = 2
                result.append(character)
            } else if pending > 0 {
                pending -= 1
                result += character.lowercased()
            } else {
                result.append(character)
            }
        }
        return result
    }

    private static func hex(_ value: UInt32, digits: Int, uppercase: Bool) -> String {
        let text = String(value, radix: 16, uppercase: uppercase)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }
}
