import Testing
@testable import Syntax

/// Typing follows go-yaml v3, which Docker Compose uses: YAML 1.2 core schema plus Go's integer syntax.
struct ScalarValueTests {
    @Test(arguments: [
        ("", ScalarValue.null), ("~", .null), ("null", .null), ("Null", .null), ("NULL", .null),
        ("true", .bool(true)), ("True", .bool(true)), ("TRUE", .bool(true)), ("false", .bool(false)), ("FALSE", .bool(false)),
        ("yes", .string("yes")), ("no", .string("no")), ("on", .string("on")), ("off", .string("off")), ("nULL", .string("nULL")),
        ("0", .int(0)), ("42", .int(42)), ("-17", .int(-17)), ("+5", .int(5)), ("1_000", .int(1000)),
        ("0x1F", .int(31)), ("0o17", .int(15)), ("017", .int(15)), ("0b101", .int(5)), ("-0x10", .int(-16)),
        ("9223372036854775807", .int(Int64.max)), ("-9223372036854775808", .int(Int64.min)),
        ("9223372036854775808", .float(9223372036854775808)),
        ("1.5", .float(1.5)), ("-.5", .float(-0.5)), ("1e3", .float(1000)), ("1.", .float(1)), (".inf", .float(.infinity)), ("-.Inf", .float(-.infinity)),
        ("08", .float(8)), ("0x", .string("0x")), ("1.2.3", .string("1.2.3")), ("80:80", .string("80:80")), ("-", .string("-")),
        ("0b2", .string("0b2")), ("nginx", .string("nginx")), ("1e", .string("1e")), (".", .string(".")),
    ])
    func plainScalars(text: String, expected: ScalarValue) {
        #expect(ScalarValue.resolve(text, style: .plain, tag: nil) == expected)
    }

    @Test func nanIsAFloat() {
        guard case .float(let value) = ScalarValue.resolve(".nan", style: .plain, tag: nil) else {
            Issue.record("not a float")
            return
        }
        #expect(value.isNaN)
    }

    @Test(arguments: [ScalarStyle.singleQuoted, .doubleQuoted, .literal, .folded])
    func nonPlainScalarsAreStrings(style: ScalarStyle) {
        #expect(ScalarValue.resolve("8080", style: style, tag: nil) == .string("8080"))
        #expect(ScalarValue.resolve("true", style: style, tag: nil) == .string("true"))
    }

    @Test func explicitTagsWin() {
        #expect(ScalarValue.resolve("8080", style: .plain, tag: "tag:yaml.org,2002:str") == .string("8080"))
        #expect(ScalarValue.resolve("3", style: .doubleQuoted, tag: "tag:yaml.org,2002:int") == .int(3))
        #expect(ScalarValue.resolve("x", style: .plain, tag: "tag:yaml.org,2002:int") == .string("x"))
        #expect(ScalarValue.resolve("anything", style: .plain, tag: "!custom") == .string("anything"))
    }

    @Test func treeNodesResolveThroughTheirStyleAndTag() {
        let document = tree("a: 8080\nb: \"8080\"\nc: !!str 8080\nd: yes\n")
        #expect(document.node("a")!.resolved == .int(8080))
        #expect(document.node("b")!.resolved == .string("8080"))
        #expect(document.node("c")!.resolved == .string("8080"))
        #expect(document.node("d")!.resolved == .string("yes"))
    }
}
