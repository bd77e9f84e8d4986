import Diagnostics
import Testing
@testable import Syntax

struct EmitterTests {
    @Test func keepsScalarStylesAndFlowCollections() throws {
        let source = """
        plain: value
        single: 'it''s'
        double: "tab\\there"
        literal: |
          line one
          line two
        flow: [1, two, {k: v}]
        block:
          - a
          - b
        empty: {}
        nothing:
        """
        let output = try YAMLEmitter.emit(tree(source))
        #expect(output == """
        plain: value
        single: 'it''s'
        double: "tab\\there"
        literal: |
          line one
          line two
        flow: [1, two, {k: v}]
        block:
        - a
        - b
        empty: {}
        nothing:

        """)
    }

    @Test func expandsAliasesAndMergeKeys() throws {
        let output = try YAMLEmitter.emit(tree("d: &d {a: 1}\ns:\n  <<: *d\n  b: *d\n"))
        #expect(output == "d: {a: 1}\ns:\n  a: 1\n  b: {a: 1}\n")
    }

    @Test func unicodeAndLongLinesAreNotEscapedOrFolded() throws {
        let long = String(repeating: "word ", count: 60) + "end"
        let output = try YAMLEmitter.emit(tree("a: héllo wörld\nb: \(long)\n"))
        #expect(output == "a: héllo wörld\nb: \(long)\n")
    }

    /// libyaml 0.2.5 does not consider characters beyond U+FFFF printable: it double-quotes the scalar
    /// and escapes them. The value is unchanged, which is what the platforms read.
    @Test func charactersBeyondTheBasicPlaneAreEscapedButKept() throws {
        let output = try YAMLEmitter.emit(tree("a: hi 😀\n"))
        #expect(output == "a: \"hi \\U0001F600\"\n")
        #expect(tree(output).node("a")!.text == "hi 😀")
    }

    @Test func roundTripPreservesValuesAndTypes() throws {
        let source = "a: 8080\nb: \"8080\"\nc: yes\nd: [true, 'true', ~, 1.5]\ne: \"multi\\nline\"\n"
        let original = tree(source)
        let reparsed = tree(try YAMLEmitter.emit(original))
        #expect(reparsed.json() == original.json())
    }

    @Test func textThatCannotBePlainIsQuotedByTheEmitter() throws {
        var document = tree("a: x\n")
        let id = document.value(forKey: "a", in: document.root)!
        document[id].text = "key: value #not a comment"
        let output = try YAMLEmitter.emit(document)
        #expect(tree(output).node("a")!.text == "key: value #not a comment")
    }

    @Test func deepDocumentsDoNotRecurse() throws {
        let depth = 250
        let source = String(repeating: "[", count: depth) + "x" + String(repeating: "]", count: depth)
        let output = try YAMLEmitter.emit(tree(source))
        #expect(output == source + "\n")
    }
}

struct JSONRenderingTests {
    @Test func typedValuesInSourceOrder() {
        let document = tree("z: 1\na: \"2\"\nm: {t: true, n: null, f: 1.5, s: yes}\nl: [1, '1', -3]\ninf: .inf\n")
        #expect(document.json(indent: nil) == #"{"z":1,"a":"2","m":{"t":true,"n":null,"f":1.5,"s":"yes"},"l":[1,"1",-3],"inf":".inf"}"#)
    }

    @Test func indentedOutput() {
        #expect(tree("a: [1]\n").json() == "{\n  \"a\": [\n    1\n  ]\n}")
    }
}
