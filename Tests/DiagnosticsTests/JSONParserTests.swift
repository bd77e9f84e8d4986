import Diagnostics
import Testing

/// The JSON reader of server answers and language-server messages: what peers send, and what it must
/// refuse rather than misread.
@Suite struct JSONParserTests {
    private func parse(_ text: String) -> JSONValue? { JSONParser.parse(Array(text.utf8)) }

    @Test func readsObjectsInTheServersOrder() {
        let value = parse(#" {"Code": 0, "Message": "", "list": [1, 2.5, true, null], "z": {"a": "b"}} "#)
        #expect(value == .object([.init("Code", .int(0)), .init("Message", .string("")),
                                  .init("list", .array([.int(1), .number("2.5"), .bool(true), .null])),
                                  .init("z", .object([.init("a", .string("b"))]))]))
    }

    @Test func decodesEscapesAndSurrogatePairs() {
        // "\u00e9" is é; "\ud83d\ude00" is U+1F600; raw UTF-8 passes through.
        #expect(parse(#""a\"b\\c\/d\n\u00e9\ud83d\ude00 ü""#) == .string("a\"b\\c/d\né\u{1F600} ü"))
    }

    @Test(arguments: ["{\"name\": \"broken", "{\"a\" 1}", "[1,]", "{\"a\":1,}", "tru", "\"tab\there\"", "1 2", "", "{\"a\":\"\\x\"}"])
    func refusesWhatIsNotJSON(text: String) {
        #expect(parse(text) == nil)
    }

    @Test func boundsNesting() {
        #expect(parse(String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)) == nil)
        #expect(parse(String(repeating: "[", count: 100) + String(repeating: "]", count: 100)) != nil)
    }
}
