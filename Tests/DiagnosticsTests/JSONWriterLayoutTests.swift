import Diagnostics
import Foundation
import Testing

/// The writer's compact and indented layouts, byte for byte.
struct JSONWriterLayoutTests {
    /// {"a": 1, "b": ["x", null, true, false], "c": {}, "d": [], "e": {"f": "g"}, "h": null}
    static func writeSample(_ writer: inout JSONWriter) {
        writer.beginObject()
        writer.field("a", 1)
        writer.key("b")
        writer.beginArray()
        writer.string("x")
        writer.null()
        writer.bool(true)
        writer.bool(false)
        writer.endArray()
        writer.key("c")
        writer.beginObject()
        writer.endObject()
        writer.key("d")
        writer.beginArray()
        writer.endArray()
        writer.key("e")
        writer.beginObject()
        writer.field("f", "g")
        writer.endObject()
        writer.field("h", nil as String?)
        writer.endObject()
    }

    @Test func compact() {
        var writer = JSONWriter()
        Self.writeSample(&writer)
        #expect(writer.output == #"{"a":1,"b":["x",null,true,false],"c":{},"d":[],"e":{"f":"g"},"h":null}"#)
    }

    @Test func indentedByTwoSpaces() {
        var writer = JSONWriter(indent: "  ")
        Self.writeSample(&writer)
        #expect(writer.output == """
        {
          "a": 1,
          "b": [
            "x",
            null,
            true,
            false
          ],
          "c": {},
          "d": [],
          "e": {
            "f": "g"
          },
          "h": null
        }
        """)
    }

    @Test func indentedByTab() {
        var writer = JSONWriter(indent: "\t")
        writer.beginArray()
        writer.beginArray()
        writer.int(-1)
        writer.endArray()
        writer.raw("1.50")
        writer.endArray()
        #expect(writer.output == "[\n\t[\n\t\t-1\n\t],\n\t1.50\n]")
    }

    @Test func optionalFields() {
        var writer = JSONWriter()
        writer.beginObject()
        writer.field("s", "v" as String?)
        writer.field("n", nil as Int?)
        writer.field("i", 7 as Int?)
        writer.field("t", true)
        writer.endObject()
        #expect(writer.output == #"{"s":"v","n":null,"i":7,"t":true}"#)
    }

    @Test func topLevelScalars() {
        var string = JSONWriter(indent: "  ")
        string.string("x")
        #expect(string.output == #""x""#)
        var number = JSONWriter()
        number.int(Int.min)
        #expect(number.output == "-9223372036854775808")
    }

    @Test func outputParsesAsTheSameValue() throws {
        for indent in [nil, "  "] as [String?] {
            var writer = JSONWriter(indent: indent)
            Self.writeSample(&writer)
            let parsed = try #require(JSONSerialization.jsonObject(with: Data(writer.output.utf8)) as? NSDictionary)
            let expected: NSDictionary = [
                "a": 1, "b": ["x", NSNull(), true, false], "c": [String: Any](), "d": [Any](), "e": ["f": "g"], "h": NSNull(),
            ]
            #expect(parsed == expected)
        }
    }
}

/// `JSONValue` keeps object members in the order given and renders through the writer.
struct JSONValueTests {
    static let value = JSONValue.object([
        .init("z", .int(1)),
        .init("a", .array([.string("s"), .number("2.50"), .bool(false), .null])),
        .init("m", .object([])),
    ])

    @Test func compactKeepsMemberOrder() {
        #expect(Self.value.rendered() == #"{"z":1,"a":["s",2.50,false,null],"m":{}}"#)
    }

    @Test func indented() {
        #expect(Self.value.rendered(indent: " ") == "{\n \"z\": 1,\n \"a\": [\n  \"s\",\n  2.50,\n  false,\n  null\n ],\n \"m\": {}\n}")
    }

    @Test func subscriptFindsMembers() {
        #expect(Self.value["z"] == .int(1))
        #expect(Self.value["missing"] == nil)
        #expect(JSONValue.string("x")["z"] == nil)
    }
}
