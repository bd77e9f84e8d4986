import Diagnostics
import Foundation
@testable import Lowering
import Model
import Testing

/// Template strings travel inside JSON: every character must survive RFC 8259 escaping and come back
/// equal through an independent parser.
struct JSONEscapingTests {
    static let nasty: [String] = [
        "quote \" and backslash \\ and slash /",
        (0..<32).map { String(UnicodeScalar(UInt8($0))) }.joined(),
        "\u{7F} delete, é ü 中文, emoji 😀👍🏽",
        "</script><script>alert(1)</script>",
        "line\u{2028}separator\u{2029}paragraph",
        "tab\there\r\nwindows",
    ]

    @Test(arguments: nasty)
    func valuesSurviveEscaping(value: String) throws {
        let json = JSONValue.object([.init("template", .string(value))]).rendered()
        let parsed = try JSONSerialization.jsonObject(with: Data(json.utf8)) as! [String: String]
        #expect(parsed["template"] == value)
        #expect(!json.contains("\\/"), "slash is not escaped")
        #expect(json.unicodeScalars.allSatisfy { $0.value >= 0x20 }, "no raw control characters")
    }

    @Test func escapesAreTheShortForms() {
        #expect(JSONValue.string("\"\\\n\r\t\u{08}\u{0C}\u{01}\u{1F}").rendered() == #""\"\\\n\r\t\b\f\u0001\u001f""#)
    }

    @Test func templateWithEveryCharacterClassRoundTripsThroughABody() throws {
        let yaml = "web:\n  image: nginx\n  command: [\"echo\", \"\\\"q\\\" \\\\ é 😀 </script> \\u2028 \\t\"]\n"
        let request = try lower(yaml, .aliyunProject, [.name: "x"])
        let template = try parsedBody(request)["template"] as! String
        #expect(structure(template) == structure(yaml))
    }

    @Test func sameInputGivesIdenticalBytes() throws {
        let yaml = "b:\n  image: x\na:\n  image: y\n  environment: {Z: 1, A: 2}\n"
        let first = try lower(yaml, .aliyunProject, [.name: "x", .version: "auto"])
        let second = try lower(yaml, .aliyunProject, [.name: "x", .version: "auto"])
        #expect(body(first) == body(second))
        #expect(first.json(indent: "  ") == second.json(indent: "  "))
    }
}
