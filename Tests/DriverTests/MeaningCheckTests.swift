import Diagnostics
@testable import Driver
import Testing

/// The proof each round of `--fix` must pass: the edited text reads as the old tree with exactly the
/// edited scalars changed, to strings holding the edits' text.
struct MeaningCheckTests {
    static let text = "services:\n  web:\n    image: nginx\n    restart: 'no'\n"

    static func check(_ range: Range<Int>, _ replacement: String) -> String? {
        let before = SourceFile(path: "c.yaml", text: text)
        let edits = [Fix.Edit(range: range, replacement: replacement)]
        return MeaningCheck.difference(before: before, after: SourceFile(path: "c.yaml", bytes: Fix.Edit.apply(edits, to: before.bytes)), edits: edits)
    }

    static func offset(of word: String) -> Range<Int> {
        let start = text.utf8.distance(from: text.startIndex, to: text.range(of: word)!.lowerBound)
        return start..<start + word.utf8.count
    }

    @Test func aWordReplacingAWholeScalarPasses() {
        #expect(Self.check(Self.offset(of: "nginx"), "httpd") == nil)
        #expect(Self.check(Self.offset(of: "no"), "always") == nil)
    }

    @Test func aChangeOfTypeIsRefused() {
        #expect(Self.check(Self.offset(of: "nginx"), "true") == "the value at line 3 would not read as the string 'true'")
    }

    @Test func aChangeOfShapeIsRefused() {
        #expect(Self.check(Self.offset(of: "nginx"), "{a: 1}") == "the node at line 3 would change shape")
    }

    @Test func anEditOfPartOfAScalarOrOfTwoIsRefused() {
        #expect(Self.check(Self.offset(of: "ngin"), "http") == "the value at line 3 would change")
        #expect(Self.check(Self.offset(of: "image: nginx"), "image2: nginx") == "the value at line 3 would change")
        // Between scalars: the tree is the same, but the edit replaced no scalar.
        let space = Self.offset(of: " nginx")
        #expect(Self.check(space.lowerBound..<space.lowerBound + 1, "  ") == "an edit does not replace exactly one whole scalar")
    }

    @Test func anEditThatBreaksTheYAMLIsRefused() {
        #expect(Self.check(Self.offset(of: "nginx"), "'nginx") == "the fixed text would not read as YAML")
    }
}
