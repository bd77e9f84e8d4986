import Diagnostics
import Testing

/// The C library's searches as stackc calls them: offsets relative to the whole array, starts at any
/// point, and every edge (first byte, last byte, absent, empty).
struct ByteSearchTests {
    static let bytes = Array("# a\nkey: value # b\n".utf8)

    @Test func firstIndexFromAnyStart() {
        #expect(ByteSearch.firstIndex(of: UInt8(ascii: "#"), in: Self.bytes) == 0)
        #expect(ByteSearch.firstIndex(of: UInt8(ascii: "#"), in: Self.bytes, from: 1) == 15)
        #expect(ByteSearch.firstIndex(of: UInt8(ascii: "#"), in: Self.bytes, from: 16) == nil)
        #expect(ByteSearch.firstIndex(of: UInt8(ascii: "\n"), in: Self.bytes, from: 4) == Self.bytes.count - 1)
        #expect(ByteSearch.firstIndex(of: UInt8(ascii: "#"), in: Self.bytes, from: Self.bytes.count) == nil)
        #expect(ByteSearch.firstIndex(of: UInt8(ascii: "#"), in: []) == nil)
    }

    @Test func containsAWord() {
        #expect(ByteSearch.contains("# a", in: Self.bytes))
        #expect(ByteSearch.contains("# b\n", in: Self.bytes))
        #expect(ByteSearch.contains("value", in: Self.bytes))
        #expect(!ByteSearch.contains("values", in: Self.bytes))
        #expect(!ByteSearch.contains("x-stackc", in: []))
        #expect(ByteSearch.contains("", in: Self.bytes))
    }

    /// Anchored at any byte of the word, the search finds it at the start, the end and past a near miss.
    @Test func containsAWordAnchoredAtARareByte() {
        for anchor in 0..<5 {
            #expect(ByteSearch.contains("value", in: Self.bytes, anchor: anchor), "\(anchor)")
            #expect(ByteSearch.contains("# a\nk", in: Self.bytes, anchor: anchor), "\(anchor)")
            #expect(ByteSearch.contains("e # b\n", in: Self.bytes, anchor: anchor), "\(anchor)")
            #expect(!ByteSearch.contains("values", in: Self.bytes, anchor: anchor), "\(anchor)")
            #expect(!ByteSearch.contains("key: valuf", in: Self.bytes, anchor: anchor), "\(anchor)")
        }
        #expect(ByteSearch.contains("extends", in: Array("x: 1\nextend: 2\n  extends: base".utf8), anchor: 1))
        #expect(!ByteSearch.contains("extends", in: Array("xtends extend".utf8), anchor: 1))
    }
}
