import Model
import Testing

/// The byte-level text helpers the decoders split values with.
struct ASCIITextTests {
    @Test(arguments: [
        ("A=1", "A", "1"),
        ("C=", "C", ""),
        ("=v", "", "v"),
        ("D=x=y", "D", "x=y"),
        ("é=ü", "é", "ü"),
    ])
    func splitAtTheFirstSeparator(text: String, before: String, after: String) {
        let pieces = text.splitAtFirst(ascii: "=")
        #expect(pieces?.before == before)
        #expect(pieces?.after == after)
    }

    @Test func noSeparatorNoSplit() {
        #expect("KEY".splitAtFirst(ascii: "=") == nil)
        #expect("".splitAtFirst(ascii: "=") == nil)
    }

    @Test(arguments: [
        ("db:alias", "db"),
        (":alias", "alias"),
        ("x::y", "x"),
        ("::y:", "y"),
        ("plain", "plain"),
        ("::", ""),
        ("", ""),
    ])
    func firstNonEmptyPiece(text: String, expected: String) {
        #expect(text.firstNonEmptyPiece(ascii: ":") == expected)
    }

    @Test func prefixesComparedByBytes() {
        #expect("aliyun.scale".hasPrefix(ascii: "aliyun."))
        #expect(!"aliyun".hasPrefix(ascii: "aliyun."))
        #expect(!"com.example".hasPrefix(ascii: "aliyun."))
        #expect(!"".hasPrefix(ascii: "aliyun."))
        #expect("x".hasPrefix(ascii: ""))
        #expect("".hasPrefix(ascii: ""))
        #expect("xaliyun.a".dropFirst().hasPrefix(ascii: "aliyun."))
    }
}
