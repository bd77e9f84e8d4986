import Diagnostics
import Foundation
import Testing

/// Strings are escaped as RFC 8259 requires and no more: `"`, `\` and U+0000–U+001F; `/`, non-ASCII,
/// emoji, U+2028/U+2029 and U+FEFF are written as they are. Every case is also read back by an
/// independent parser (Foundation's `JSONDecoder`), which must return the original string.
/// (`JSONSerialization` on Linux is no oracle here: it drops a U+FEFF that starts a string or follows
/// an escape, because it decodes each run of characters as if it were a file with a byte-order mark.)
struct JSONEscapingTests {
    /// The escape RFC 8259 gives each control character: the two-character forms where they exist,
    /// otherwise `\u00XX`.
    static func expectedEscape(_ value: UInt8) -> String {
        switch value {
        case 0x08: #"\b"#
        case 0x09: #"\t"#
        case 0x0A: #"\n"#
        case 0x0C: #"\f"#
        case 0x0D: #"\r"#
        default: #"\u00"# + (value < 0x10 ? "0" : "") + String(value, radix: 16)
        }
    }

    static func parsedBack(_ json: String) throws -> String? {
        try JSONDecoder().decode([String].self, from: Data("[\(json)]".utf8)).first
    }

    @Test(arguments: UInt8(0x00)...UInt8(0x1F))
    func everyControlCharacterIsEscaped(value: UInt8) throws {
        let original = "a" + String(UnicodeScalar(value)) + "b"
        let quoted = JSONWriter.quoted(original)
        // Hex digits may be either case in JSON; compare case-insensitively.
        #expect(quoted.lowercased() == ("\"a" + Self.expectedEscape(value) + "b\"").lowercased())
        #expect(!quoted.unicodeScalars.contains { $0.value < 0x20 }, "no raw control character survives")
        #expect(try Self.parsedBack(quoted) == original)
    }

    @Test(arguments: [
        (#"say "hi""#, #""say \"hi\"""#),
        (#"C:\dir\"#, #""C:\\dir\\""#),
        (#"\""#, #""\\\"""#),
        ("a/b</script>", #""a/b</script>""#),
        ("", #""""#),
        ("plain", #""plain""#),
        ("wéb ünïcödé 漢字", #""wéb ünïcödé 漢字""#),
        ("😀👩‍👩‍👧 emoji", #""😀👩‍👩‍👧 emoji""#),
        ("line\u{2028}para\u{2029}end", "\"line\u{2028}para\u{2029}end\""),
        ("nel\u{85}del\u{7F}", "\"nel\u{85}del\u{7F}\""),
        ("\u{FEFF}bom\u{1}\u{FEFF}", "\"\u{FEFF}bom\\u0001\u{FEFF}\""),
        ("tab\tnew\nline\r\n", #""tab\tnew\nline\r\n""#),
        ("\u{0}\u{1F}", #""\u0000\u001f""#),
    ])
    func strings(original: String, expected: String) throws {
        let quoted = JSONWriter.quoted(original)
        #expect(quoted.lowercased() == expected.lowercased())
        #expect(try Self.parsedBack(quoted) == original)
    }

    @Test func allControlCharactersAndSpecialsInOneString() throws {
        var original = ""
        for value in UInt32(0)...0x7F { original.unicodeScalars.append(UnicodeScalar(value)!) }
        original += "é😀\u{2028}\u{FFFD}"
        let quoted = JSONWriter.quoted(original)
        #expect(try Self.parsedBack(quoted) == original)
        #expect(quoted.contains("/"), "solidus is not escaped")
        #expect(!quoted.contains(#"\/"#))
        #expect(quoted.contains("é😀\u{2028}\u{FFFD}"))
    }

    @Test func keysAreEscapedLikeStrings() throws {
        var writer = JSONWriter()
        writer.beginObject()
        writer.field("k\"\\\n/", "v\u{1B}[31m")
        writer.endObject()
        #expect(writer.output.lowercased() == #"{"k\"\\\n/":"v\u001b[31m"}"#)
        let parsed = try JSONDecoder().decode([String: String].self, from: Data(writer.output.utf8))
        #expect(parsed == ["k\"\\\n/": "v\u{1B}[31m"])
    }

    @Test func randomStringsRoundTrip() throws {
        var generator = SystemRandomNumberGenerator()
        let alphabet: [UnicodeScalar] = (0...0x7F).compactMap(UnicodeScalar.init) + ["é", "😀", "\u{2028}", "\u{85}", "\u{FEFF}", "漢"]
        for _ in 0..<200 {
            let length = Int.random(in: 0...40, using: &generator)
            var original = ""
            for _ in 0..<length { original.unicodeScalars.append(alphabet.randomElement(using: &generator)!) }
            #expect(try Self.parsedBack(JSONWriter.quoted(original)) == original, "\(original.debugDescription)")
        }
    }
}
