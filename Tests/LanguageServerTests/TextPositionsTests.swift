import Testing
@testable import LanguageServer

/// Positions in UTF-16 code units (LSP's default) and UTF-8 bytes, on lines with characters outside
/// ASCII and outside the Basic Multilingual Plane, and with every kind of line break LSP knows.
@Suite struct TextPositionsTests {
    // "é" is 2 bytes and 1 UTF-16 unit, "😀" 4 bytes and 2 units; `x` follows both.
    private let text = Array("a: 1\r\nb: é😀x\rc\n".utf8)

    @Test func countsUTF16UnitsOrBytes() {
        let offsetOfX = 6 + 3 + 2 + 4
        #expect(LineIndex(bytes: text, encoding: .utf16).position(ofByte: offsetOfX) == TextPosition(line: 1, character: 6))
        #expect(LineIndex(bytes: text, encoding: .utf8).position(ofByte: offsetOfX) == TextPosition(line: 1, character: 9))
        #expect(LineIndex(bytes: text, encoding: .utf16).byteOffset(of: TextPosition(line: 1, character: 6)) == offsetOfX)
        #expect(LineIndex(bytes: text, encoding: .utf8).byteOffset(of: TextPosition(line: 1, character: 9)) == offsetOfX)
    }

    @Test func breaksLinesAtCRLFCRAndLF() {
        let lines = LineIndex(bytes: text, encoding: .utf16)
        #expect(lines.position(ofByte: 6) == TextPosition(line: 1, character: 0))
        #expect(lines.position(ofByte: 17) == TextPosition(line: 2, character: 0))
        #expect(lines.position(ofByte: text.count) == TextPosition(line: 3, character: 0))
    }

    @Test func clampsPositionsPastALineOrTheText() {
        let lines = LineIndex(bytes: text, encoding: .utf16)
        // Past the end of "a: 1": its end, before the CRLF.
        #expect(lines.byteOffset(of: TextPosition(line: 0, character: 99)) == 4)
        #expect(lines.byteOffset(of: TextPosition(line: 9, character: 0)) == text.count)
        // Inside the surrogate pair of 😀: before it.
        #expect(lines.byteOffset(of: TextPosition(line: 1, character: 5)) == 6 + 3 + 2)
    }

    @Test func negotiatesUTF8OnlyWhenOffered() {
        #expect(PositionEncoding.negotiate(offered: nil) == .utf16)
        #expect(PositionEncoding.negotiate(offered: ["utf-16", "utf-32"]) == .utf16)
        #expect(PositionEncoding.negotiate(offered: ["utf-32", "utf-16", "utf-8"]) == .utf8)
    }
}
