import Diagnostics
import Testing

/// The line table counts breaks exactly as libyaml does: `\n`, `\r\n` (one break), a lone `\r`, NEL
/// (U+0085), LS (U+2028) and PS (U+2029); a UTF-8 byte-order mark is not part of line 1.
struct SourceFileLineTableTests {
    struct Case: Sendable, CustomStringConvertible {
        let description: String
        let bytes: [UInt8]
        let starts: [Int]
    }

    static let cases: [Case] = [
        Case(description: "empty file", bytes: [], starts: [0]),
        Case(description: "one line, no break", bytes: Array("abc".utf8), starts: [0]),
        Case(description: "LF, trailing break opens an empty last line", bytes: Array("a\nbc\n".utf8), starts: [0, 2, 5]),
        Case(description: "CRLF is one break", bytes: Array("a\r\nb".utf8), starts: [0, 3]),
        Case(description: "lone CR", bytes: Array("a\rb\rc".utf8), starts: [0, 2, 4]),
        Case(description: "CR CR LF is two breaks", bytes: Array("a\r\r\nb".utf8), starts: [0, 2, 4]),
        Case(description: "LF CR is two breaks", bytes: Array("a\n\rb".utf8), starts: [0, 2, 3]),
        // NEL is C2 85 in UTF-8; LS E2 80 A8; PS E2 80 A9.
        Case(description: "NEL", bytes: [0x61, 0xC2, 0x85, 0x62], starts: [0, 3]),
        Case(description: "LS", bytes: [0x61, 0xE2, 0x80, 0xA8, 0x62], starts: [0, 4]),
        Case(description: "PS", bytes: [0x61, 0xE2, 0x80, 0xA9, 0x62], starts: [0, 4]),
        // a \n b \r \n c \r d NEL e LS f PS g
        // 0  1 2  3  4 5  6 7 8,9 10 11-13 14 15-17 18
        Case(description: "every kind of break in one file", bytes: Array("a\nb\r\nc\rd\u{85}e\u{2028}f\u{2029}g".utf8), starts: [0, 2, 5, 7, 10, 14, 18]),
        Case(description: "other multi-byte characters are not breaks", bytes: Array("é\u{2027}\u{2030}\u{A0}x".utf8), starts: [0]),
        Case(description: "BOM is skipped by line 1", bytes: [0xEF, 0xBB, 0xBF] + Array("a\nb".utf8), starts: [3, 5]),
        Case(description: "BOM alone", bytes: [0xEF, 0xBB, 0xBF], starts: [3]),
        Case(description: "BOM-like bytes later are not skipped", bytes: Array("a\n".utf8) + [0xEF, 0xBB, 0xBF] + Array("b".utf8), starts: [0, 2]),
    ]

    @Test(arguments: cases)
    func lineStarts(_ testCase: Case) {
        let file = SourceFile(path: "t.yaml", bytes: testCase.bytes)
        #expect(file.lineStarts == testCase.starts)
        #expect(file.lineCount == testCase.starts.count)
        #expect(file.bytes == testCase.bytes, "UTF-8 input is kept as it is")
    }

    /// The ASCII fast path (no CR, no byte above 0x7F) and the general path must agree.
    @Test func asciiFastPathAgreesWithGeneralPath() {
        let ascii = SourceFile(path: "a", text: "ab\n\ncd\ne\n")
        let general = SourceFile(path: "b", text: "ab\n\ncd\né\n")
        #expect(ascii.isASCII)
        #expect(!general.isASCII)
        #expect(ascii.lineStarts == [0, 3, 4, 7, 9])
        #expect(general.lineStarts == [0, 3, 4, 7, 10])
    }

    @Test func isASCIIChecksEveryByteIncludingTheTail() {
        // 8-byte chunks plus a tail: a high byte in either part must be seen.
        #expect(SourceFile(path: "a", text: String(repeating: "x", count: 17)).isASCII)
        #expect(!SourceFile(path: "a", bytes: Array(repeating: 0x78, count: 16) + [0x80]).isASCII)
        #expect(!SourceFile(path: "a", bytes: [0x80] + Array(repeating: 0x78, count: 16)).isASCII)
    }

    @Test func pathIsKept() {
        #expect(SourceFile(path: "<stdin>", text: "").path == "<stdin>")
    }
}

/// UTF-16 with a byte-order mark is transcoded to UTF-8 (the mark kept, as EF BB BF) so every later
/// stage sees one encoding, with the same lines and columns.
struct SourceFileUTF16Tests {
    static func utf16(_ text: String, littleEndian: Bool) -> [UInt8] {
        let bom: [UInt8] = littleEndian ? [0xFF, 0xFE] : [0xFE, 0xFF]
        return bom + text.utf16.flatMap { unit in
            littleEndian ? [UInt8(unit & 0xFF), UInt8(unit >> 8)] : [UInt8(unit >> 8), UInt8(unit & 0xFF)]
        }
    }

    @Test(arguments: [true, false])
    func transcodedToUTF8WithTheMark(littleEndian: Bool) {
        let text = "a: é\nb: 😀\n"
        let file = SourceFile(path: "t", bytes: Self.utf16(text, littleEndian: littleEndian))
        #expect(file.bytes == [0xEF, 0xBB, 0xBF] + Array(text.utf8))
        // "a: é\n" is 6 bytes in UTF-8; the second line starts after the 3-byte mark.
        #expect(file.lineStarts == [3, 9, 3 + Array(text.utf8).count])
        let emoji = 3 + Array("a: é\nb: ".utf8).count
        #expect(file.location(ofByte: emoji) == SourceLocation(line: 2, column: 4, offset: emoji))
    }

    @Test func unpairedSurrogateBecomesReplacementCharacter() {
        let file = SourceFile(path: "t", bytes: [0xFF, 0xFE, 0x61, 0x00, 0x00, 0xD8, 0x62, 0x00])
        #expect(file.bytes == [0xEF, 0xBB, 0xBF, 0x61, 0xEF, 0xBF, 0xBD, 0x62])
    }

    @Test func utf32LittleEndianMarkIsNotTakenForUTF16() {
        let bytes: [UInt8] = [0xFF, 0xFE, 0x00, 0x00, 0x61, 0x00, 0x00, 0x00]
        #expect(SourceFile(path: "t", bytes: bytes).bytes == bytes)
    }
}
