import Diagnostics
import Testing

/// Byte offsets ↔ 1-based line and column, where a column counts Unicode scalars (libyaml's unit).
struct SourceFileLocationTests {
    // h é  l l o ␠ w ö  r  l  d  ␠  😀     x
    // 0 1-2 3 4 5 6 7 8-9 10 11 12 13 14-17 18
    static let oneLine = SourceFile(path: "t", text: "héllo wörld 😀x")

    @Test(arguments: [
        (0, 1), (1, 2), (3, 3), (7, 7), (8, 8), (10, 9), (13, 12), (14, 13), (18, 14), (19, 15),
    ])
    func columnsCountScalars(byte: Int, column: Int) {
        #expect(Self.oneLine.location(ofByte: byte) == SourceLocation(line: 1, column: column, offset: byte))
    }

    // a b \n 😀    é   \n z
    // 0 1 2  3-6 7-8  9 10
    static let lines = SourceFile(path: "t", text: "ab\n😀é\nz")

    @Test(arguments: [
        (0, 1, 1), (2, 1, 3), (3, 2, 1), (7, 2, 2), (9, 2, 3), (10, 3, 1), (11, 3, 2),
    ])
    func linesAndColumns(byte: Int, line: Int, column: Int) {
        #expect(Self.lines.location(ofByte: byte) == SourceLocation(line: line, column: column, offset: byte))
    }

    /// reviewdog counts columns in UTF-8 bytes: 'é' is two, '😀' four.
    @Test(arguments: [(1, 1, 1), (1, 3, 3), (2, 1, 1), (2, 2, 5), (2, 3, 7), (3, 2, 2), (9, 4, 4)])
    func utf8Columns(line: Int, column: Int, bytes: Int) {
        #expect(Self.lines.utf8Column(line: line, column: column) == bytes)
    }

    @Test func offsetsOutsideTheFileAreClamped() {
        #expect(Self.lines.location(ofByte: -5) == SourceLocation(line: 1, column: 1, offset: 0))
        #expect(Self.lines.location(ofByte: 1_000) == SourceLocation(line: 3, column: 2, offset: 11))
        #expect(SourceFile(path: "t", text: "").location(ofByte: 3) == SourceLocation(line: 1, column: 1, offset: 0))
    }

    @Test func breaksOtherThanLineFeedStartLines() {
        // a CR LF b CR c NEL d LS e
        // 0 1  2  3 4  5 6-7 8 9-11 12
        let file = SourceFile(path: "t", text: "a\r\nb\rc\u{85}d\u{2028}e")
        #expect(file.location(ofByte: 3) == SourceLocation(line: 2, column: 1, offset: 3))
        #expect(file.location(ofByte: 5) == SourceLocation(line: 3, column: 1, offset: 5))
        #expect(file.location(ofByte: 8) == SourceLocation(line: 4, column: 1, offset: 8))
        #expect(file.location(ofByte: 12) == SourceLocation(line: 5, column: 1, offset: 12))
        #expect(file.location(ofByte: 2) == SourceLocation(line: 1, column: 3, offset: 2), "the LF of a CRLF is still on line 1")
    }

    @Test func byteOrderMarkIsNotAColumn() {
        let file = SourceFile(path: "t", bytes: [0xEF, 0xBB, 0xBF] + Array("ab\ncd".utf8))
        #expect(file.location(ofByte: 3) == SourceLocation(line: 1, column: 1, offset: 3))
        #expect(file.location(ofByte: 4) == SourceLocation(line: 1, column: 2, offset: 4))
        #expect(file.location(ofByte: 6) == SourceLocation(line: 2, column: 1, offset: 6))
        #expect(file.location(ofByte: 0) == SourceLocation(line: 1, column: 1, offset: 0), "inside the mark is still 1:1")
    }
}

/// libyaml marks (0-based line, 0-based scalar column) → byte offset, with and without a hint.
struct SourceFileByteOffsetTests {
    static let unicode = SourceFile(path: "t", text: "ab\n😀é\nz")   // see SourceFileLocationTests
    static let ascii = SourceFile(path: "t", text: "ab\ncd\n\nxyz")   // starts 0, 3, 6, 7; 10 bytes

    @Test(arguments: [
        (0, 0, 0), (0, 2, 2), (1, 0, 3), (1, 1, 7), (1, 2, 9), (2, 0, 10), (2, 1, 11),
    ])
    func unicodeMarks(line: Int, column: Int, offset: Int) {
        var hint = PositionHint()
        #expect(Self.unicode.byteOffset(line: line, column: column, hint: &hint) == offset)
    }

    @Test(arguments: [
        (0, 0, 0), (0, 1, 1), (1, 0, 3), (1, 2, 5), (2, 0, 6), (3, 0, 7), (3, 3, 10),
    ])
    func asciiMarks(line: Int, column: Int, offset: Int) {
        var hint = PositionHint()
        #expect(Self.ascii.byteOffset(line: line, column: column, hint: &hint) == offset)
    }

    @Test func outOfRangeIsClampedToTheEnd() {
        var hint = PositionHint()
        #expect(Self.ascii.byteOffset(line: 4, column: 0, hint: &hint) == 10, "no fifth line")
        #expect(Self.ascii.byteOffset(line: -1, column: 0, hint: &hint) == 10)
        #expect(Self.ascii.byteOffset(line: 3, column: 99, hint: &hint) == 10)
        #expect(Self.unicode.byteOffset(line: 2, column: 99, hint: &hint) == 11)
        #expect(Self.unicode.byteOffset(line: 3, column: 0, hint: &hint) == 11)
    }

    @Test func offsetAndLocationRoundTrip() {
        let file = SourceFile(path: "t", text: "α: β\n  - 😀😀 x\r\n  - ü\u{85}end")
        var hint = PositionHint()
        for line in 0..<file.lineCount {
            for column in 0..<4 {
                let offset = file.byteOffset(line: line, column: column, hint: &hint)
                let location = file.location(ofByte: offset)
                #expect(location.line == line + 1 && location.column == column + 1, "\(line):\(column) → \(offset) → \(location)")
            }
        }
    }

    /// A hint may only speed things up: a shared hint, used in any order and across lines, gives the
    /// same offsets as a fresh one each time.
    @Test func hintNeverChangesTheResult() {
        let file = SourceFile(path: "t", text: "😀é😀é😀é😀é\nü1ü2ü3ü4ü5\n" + String(repeating: "ß", count: 40) + "\nabc")
        var queries: [(Int, Int)] = []
        for line in 0..<file.lineCount { for column in 0...41 { queries.append((line, column)) } }
        var generator = SystemRandomNumberGenerator()
        queries.shuffle(using: &generator)
        // Forward runs on one line too, the case the hint is for.
        queries += (0...41).map { (2, $0) } + (0...10).map { (1, $0) }
        var shared = PositionHint()
        for (line, column) in queries {
            var fresh = PositionHint()
            let expected = file.byteOffset(line: line, column: column, hint: &fresh)
            #expect(file.byteOffset(line: line, column: column, hint: &shared) == expected, "\(line):\(column)")
        }
    }
}

/// One line's text for snippets, without its line break — whichever break it is.
struct SourceFileLineTextTests {
    @Test func linesWithoutTheirBreaks() {
        let file = SourceFile(path: "t", text: "ab\r\ncd\nef\rgh")
        #expect(file.lineText(1) == "ab")
        #expect(file.lineText(2) == "cd")
        #expect(file.lineText(3) == "ef")
        #expect(file.lineText(4) == "gh")
    }

    @Test func outOfRangeLinesAreEmpty() {
        let file = SourceFile(path: "t", text: "ab\n")
        #expect(file.lineText(0) == "")
        #expect(file.lineText(-1) == "")
        #expect(file.lineText(2) == "", "the empty line after the final break")
        #expect(file.lineText(3) == "")
    }

    @Test func unicodeTextAndByteOrderMark() {
        let file = SourceFile(path: "t", bytes: [0xEF, 0xBB, 0xBF] + Array("wéb: 😀\nx".utf8))
        #expect(file.lineText(1) == "wéb: 😀")
        #expect(file.lineText(2) == "x")
    }

    @Test func emptyLinesInTheMiddle() {
        let file = SourceFile(path: "t", text: "a\n\n\r\n\rb")
        #expect((1...5).map { String(file.lineText($0)) } == ["a", "", "", "", "b"])
    }

    @Test(arguments: ["\u{85}", "\u{2028}", "\u{2029}"])
    func unicodeBreaksAreNotPartOfTheLine(lineBreak: String) {
        let file = SourceFile(path: "t", text: "key: a" + lineBreak + "b")
        #expect(file.lineCount == 2)
        #expect(file.lineText(1) == "key: a")
        #expect(file.lineText(2) == "b")
    }
}
