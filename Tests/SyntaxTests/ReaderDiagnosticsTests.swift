import Diagnostics
import Testing
@testable import Syntax

/// Problems the reader reports, each at the line and column a user would fix.
struct ReaderDiagnosticsTests {
    @Test func duplicateKeyPointsAtTheSecondWithANoteAtTheFirst() {
        let result = read("services:\n  web:\n    image: a\n    image: b\n")
        #expect(result.diagnostics.map(brief) == ["duplicate-key@4:5"])
        let diagnostic = result.diagnostics[0]
        #expect(diagnostic.message == "duplicate key 'image'; a mapping may define each key only once")
        #expect(diagnostic.notes.map { $0.range!.start.description } == ["3:5"])
        #expect(diagnostic.path?.description == "services.web.image")
        #expect(result.tree != nil)
    }

    @Test func duplicateKeysInFlowAndLargeMappings() {
        #expect(read("{a: 1, b: 2, a: 3}").diagnostics.map(brief) == ["duplicate-key@1:14"])
        let many = (0..<40).map { "k\($0): \($0)" } + ["k7: again"]
        #expect(read(many.joined(separator: "\n")).diagnostics.map(brief) == ["duplicate-key@41:1"])
    }

    /// Small mappings compare keys by digest first (length, first, second and last byte): keys that share
    /// one are told apart by their texts, and empty keys (whose digest is the collections') still clash.
    @Test func duplicateKeysAreFoundByTextNotByDigest() {
        #expect(read("{ab_c: 1, abxc: 2}").diagnostics.isEmpty)
        #expect(read("{ab_c: 1, abxc: 2, ab_c: 3}").diagnostics.map(brief) == ["duplicate-key@1:20"])
        #expect(read("'': 1\nx: 2\n\"\": 3\n").diagnostics.map(brief) == ["duplicate-key@3:1"])
        #expect(read("? [a]\n: 1\n'': 2\n").diagnostics.map(brief) == ["invalid-structure@1:3"])
    }

    @Test func explicitKeyOverridingAMergedKeyIsFine() {
        #expect(read("d: &d {a: 1}\ns:\n  <<: *d\n  a: 2\n").diagnostics.isEmpty)
    }

    @Test func nonScalarKey() {
        let result = read("? [a, b]\n: value\n")
        #expect(result.diagnostics.map(brief) == ["invalid-structure@1:3"])
        #expect(result.diagnostics[0].message == "mapping key must be a scalar, not a sequence")
    }

    @Test func secondDocumentIsAnError() {
        let result = read("a: 1\n---\nb: 2\n")
        #expect(result.diagnostics.map(brief) == ["multiple-documents@2:1"])
        #expect(result.diagnostics[0].message.contains("one template per file"))
    }

    @Test func singleExplicitDocumentIsFine() {
        #expect(read("---\na: 1\n...\n").diagnostics.isEmpty)
    }

    @Test(arguments: ["", "# only a comment\n", "\n\n   \n"])
    func emptyFiles(text: String) {
        let result = read(text)
        #expect(result.tree == nil)
        #expect(result.diagnostics.map(brief) == ["empty-document@1:1"])
    }

    @Test func tabIndentation() {
        let result = read("services:\n  web:\n\timage: nginx\n")
        #expect(result.tree == nil)
        #expect(result.diagnostics.map(brief) == ["yaml-syntax@3:1"])
        #expect(result.diagnostics[0].message.contains("tab"))
    }

    @Test func invalidUTF8() {
        let file = SourceFile(path: "t.yaml", bytes: Array("a: ok\nb: x".utf8) + [0xFF, 0x0A])
        let result = YAMLReader.read(file)
        #expect(result.diagnostics.map(brief) == ["invalid-encoding@2:5"])
        #expect(result.diagnostics[0].message == "the file is not valid UTF-8 (invalid leading UTF-8 octet 0xFF); save it as UTF-8")
    }

    @Test func nulByte() {
        let file = SourceFile(path: "t.yaml", bytes: Array("a: b".utf8) + [0, 0x0A])
        let result = YAMLReader.read(file)
        #expect(result.diagnostics.map(brief) == ["invalid-encoding@1:5"])
        #expect(result.diagnostics[0].message.hasPrefix("NUL byte is not allowed"))
    }

    @Test func unterminatedQuote() {
        let result = read("a: \"open\nb: 1\n")
        #expect(result.diagnostics.map(brief) == ["yaml-syntax@3:1"])
        #expect(result.diagnostics[0].message == "unterminated quoted string: the quote opened on line 1 is never closed")
        #expect(result.diagnostics[0].notes.map { $0.range!.start.description } == ["1:4"])
    }

    @Test func colonInPlainValue() {
        let result = read("a: b: c\n")
        #expect(result.diagnostics.map(brief) == ["yaml-syntax@1:5"])
        #expect(result.diagnostics[0].message.contains("must be quoted"))
    }

    @Test func badIndentation() {
        let result = read("a:\n  b: 1\n c: 2\n")
        #expect(result.diagnostics.map(\.rule) == [.yamlSyntax])
        #expect(result.diagnostics[0].range!.start.line == 3)
    }

    @Test func unclosedFlowCollectionsNameTheirOpeningLine() {
        let result = read("a: [1, 2\nb: 3\n")
        #expect(result.diagnostics.map(\.rule) == [.yamlSyntax])
        #expect(result.diagnostics[0].message == "expected ',' or ']' to continue or close the list opened on line 1")
        #expect(result.diagnostics[0].notes.map { $0.range!.start.description } == ["1:4"])
    }

    @Test func errorAtEndOfInputStaysInsideTheFile() {
        let result = read("[")
        #expect(result.diagnostics.map(brief) == ["yaml-syntax@1:2"])
    }

    @Test func atSignCannotStartAValue() {
        let result = read("a: @value\n")
        #expect(result.diagnostics.map(brief) == ["yaml-syntax@1:4"])
        #expect(result.diagnostics[0].message == "'@' cannot start a plain value; put the value in quotes")
    }

    @Test func depthLimit() {
        let deep = String(repeating: "[", count: 300) + String(repeating: "]", count: 300)
        let result = read(deep)
        #expect(result.diagnostics.map(brief) == ["limit-exceeded@1:257"])
        #expect(result.diagnostics[0].message.contains("256 levels"))
        #expect(read(deep, limits: ReaderLimits(maxDepth: 400)).diagnostics.isEmpty)
    }

    @Test func scalarAndFileLimits() {
        let long = "a: " + String(repeating: "x", count: 100) + "\n"
        #expect(read(long, limits: ReaderLimits(maxScalarBytes: 99)).diagnostics.map(brief) == ["limit-exceeded@1:4"])
        #expect(read(long, limits: ReaderLimits(maxFileBytes: 50)).diagnostics.map(brief) == ["limit-exceeded@1:1"])
    }

    @Test func diagnosticsArePositionedForEveryLibyamlError() {
        for text in ["[", "{a: 1", "a: [1, 2", "'x", "a:\n  - b\n c", "!<x y", "a: b\n- c", "- a\nb: c", "%YAML 2.0\n---\na: 1"] {
            let result = read(text)
            #expect(!result.diagnostics.isEmpty, "no diagnostic for \(text.debugDescription)")
            #expect(result.diagnostics.allSatisfy { $0.range != nil && $0.range!.start.line <= 3 })
        }
    }
}
