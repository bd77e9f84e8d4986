import Diagnostics
import Testing
@testable import Syntax

/// Every kind of node keeps its start and (exclusive) end, 1-based, columns counted in Unicode scalars.
struct PositionTests {
    let document = tree("""
    plain: value
    single: 'it''s'
    double: "a\\tb"
    literal: |
      line one
      line two
    folded: >
      folded
      text
    block:
      - one
      - two
    flow: [1, {k: v}]
    map: {a: 1}
    """)

    @Test func scalarsOfEveryStyle() {
        let plain = document.node("plain")!
        #expect(plain.style == .plain && plain.text == "value" && span(plain.range) == "1:8-1:13")
        let single = document.node("single")!
        #expect(single.style == .singleQuoted && single.text == "it's" && span(single.range) == "2:9-2:16")
        let double = document.node("double")!
        #expect(double.style == .doubleQuoted && double.text == "a\tb" && span(double.range) == "3:9-3:15")
        let literal = document.node("literal")!
        #expect(literal.style == .literal && literal.text == "line one\nline two\n")
        #expect(literal.range.start.line == 4 && literal.range.start.column == 10)
        let folded = document.node("folded")!
        #expect(folded.style == .folded && folded.text == "folded text\n")
        #expect(folded.range.start.line == 7)
    }

    @Test func collectionsBlockAndFlow() {
        let block = document.node("block")!
        #expect(block.isSequence && !block.isFlow)
        #expect(block.range.start.line == 11 && block.range.start.column == 3)
        #expect(document.node("block.1")!.text == "two")
        #expect(span(document.node("block.1")!.range) == "12:5-12:8")
        let flow = document.node("flow")!
        #expect(flow.isSequence && flow.isFlow && span(flow.range) == "13:7-13:18")
        let inner = document.node("flow.1")!
        #expect(inner.isMapping && inner.isFlow && span(inner.range) == "13:11-13:17")
        #expect(span(document.node("map")!.range) == "14:6-14:12")
        #expect(document.node("map.a")!.resolved == .int(1))
    }

    @Test func keysHavePositions() {
        let pairs = document.pairs(of: document.root)
        let keyRanges = pairs.map { span(document[$0.key].range) }
        #expect(keyRanges.first == "1:1-1:6")
        #expect(keyRanges.last == "14:1-14:4")
    }

    @Test func columnsCountUnicodeScalarsAndOffsetsCountBytes() {
        let document = tree("k: ééé\nv: [1, 2]\nw: 😀 x\n")
        let k = document.node("k")!
        #expect(span(k.range) == "1:4-1:7")
        #expect(k.range.start.offset == 3 && k.range.end.offset == 9)
        let v = document.node("v")!
        #expect(span(v.range) == "2:4-2:10")
        #expect(v.range.start.offset == 13)
        let w = document.node("w")!
        #expect(w.text == "😀 x" && span(w.range) == "3:4-3:7" && w.range.end.offset == 29)
    }

    @Test func crlfAndByteOrderMark() {
        let document = tree("\u{FEFF}a: 1\r\nb:\r\n  c: 2\r\n")
        #expect(span(document.node("a")!.range) == "1:4-1:5")
        #expect(document.node("a")!.range.start.offset == 6)
        #expect(span(document.node("b.c")!.range) == "3:6-3:7")
        #expect(document.node("b.c")!.range.start.offset == 18)
    }

    /// In an ASCII file offsets come from libyaml's character index; it must agree with the lines and
    /// columns for every line ending libyaml knows.
    @Test func asciiOffsetsAgreeWithLinesAndColumnsForEveryLineEnding() {
        for (ending, valueOffset) in [("\n", 13), ("\r\n", 15), ("\r", 13)] {
            let text = ["a: 1", "b:", "  c: x y", "d:\t[1, 2]", ""].joined(separator: ending)
            let document = tree(text)
            let value = document.node("b.c")!
            #expect(span(value.range) == "3:6-3:9", "line ending \(ending.debugDescription)")
            #expect(value.range.start.offset == valueOffset && value.range.end.offset == valueOffset + 3)
            let list = document.node("d")!
            let listText = document.file.bytes[list.range.start.offset..<list.range.end.offset]
            #expect(String(decoding: listText, as: UTF8.self) == "[1, 2]", "line ending \(ending.debugDescription)")
        }
    }

    @Test func longSingleLineFlowDocumentStaysLinear() {
        let items = (0..<20_000).map { "k\($0): ü\($0)" }.joined(separator: ", ")
        let document = tree("{" + items + "}")
        let last = document[document.pairs(of: document.root).last!.value]
        #expect(last.text == "ü19999")
        let source = document.file.bytes
        let slice = source[last.range.start.offset..<last.range.end.offset]
        #expect(String(decoding: slice, as: UTF8.self) == "ü19999")
    }
}
