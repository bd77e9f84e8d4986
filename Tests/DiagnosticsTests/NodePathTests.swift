import Diagnostics
import Testing

/// A path renders for people as `services.web.ports[0]`, bracket-quoting keys that are not simple
/// identifiers so the rendering is unambiguous, and as an RFC 6901 JSON pointer.
struct NodePathTests {
    typealias C = NodePath.Component

    @Test(arguments: [
        ([], ""),
        ([.key("services")], "services"),
        ([.key("services"), .key("web"), .key("ports"), .index(0)], "services.web.ports[0]"),
        ([.key("containers"), .index(1), .key("image")], "containers[1].image"),
        ([.index(2), .index(3)], "[2][3]"),
        ([.index(0), .key("name")], "[0].name"),
        ([.key("a_b-c"), .key("D9")], "a_b-c.D9"),
        ([.key("x"), .key("0")], "x.0"),
        ([.key("labels"), .key("aliyun.scale")], #"labels["aliyun.scale"]"#),
        ([.key("aliyun.scale"), .key("x")], #"["aliyun.scale"].x"#),
        ([.key("x"), .key("-flag")], #"x["-flag"]"#),
        ([.key("x"), .key("a-")], "x.a-"),
        ([.key("x"), .key("")], #"x[""]"#),
        ([.key("x"), .key("two words")], #"x["two words"]"#),
        ([.key("x"), .key("wéb")], #"x["wéb"]"#),
        ([.key("x"), .key(#"say "hi""#)], #"x["say \"hi\""]"#),
        ([.key("x"), .key(#"C:\dir"#)], #"x["C:\\dir"]"#),
        ([.key("x"), .key(#"\""#)], #"x["\\\""]"#),
        ([.key("x"), .key("[0]")], #"x["[0]"]"#),
    ] as [([C], String)])
    func dottedRendering(components: [C], expected: String) {
        #expect(NodePath(components).description == expected)
    }

    @Test(arguments: [
        ([], ""),
        ([.key("services"), .key("web"), .key("ports"), .index(0)], "/services/web/ports/0"),
        ([.key("a/b")], "/a~1b"),
        ([.key("m~n")], "/m~0n"),
        // `~` is escaped before `/`: "~/" must become "~0~1", and "~1" must become "~01".
        ([.key("~/")], "/~0~1"),
        ([.key("~1")], "/~01"),
        ([.key("")], "/"),
        ([.key("aliyun.scale"), .key("-x"), .key("a b")], "/aliyun.scale/-x/a b"),
        ([.index(0), .key(#"q"\"#)], #"/0/q"\"#),
    ] as [([C], String)])
    func jsonPointer(components: [C], expected: String) {
        #expect(NodePath(components).jsonPointer == expected)
    }

    @Test func appendingBuildsTheSamePath() {
        let built = NodePath.root.appending(key: "services").appending(key: "web").appending(index: 2)
        #expect(built == NodePath([.key("services"), .key("web"), .index(2)]))
        #expect(built.components == [.key("services"), .key("web"), .index(2)])
        #expect(!built.isRoot)
        #expect(NodePath.root.isRoot)
        #expect(NodePath.root.appending(.key("a")).description == "a")
    }

    @Test func appendingDoesNotChangeTheOriginal() {
        let base = NodePath([.key("a")])
        _ = base.appending(index: 1)
        #expect(base.components == [.key("a")])
    }
}
