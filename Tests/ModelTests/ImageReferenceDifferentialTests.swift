import Foundation
@testable import Model
import Testing

/// `ImageReference.parse` and `checkTag` against the implementation they replaced
/// (`ImageReferenceOracle`): every verdict, message and missing-part flag must be the same, byte for
/// byte, on the unit cases, on every image written in the shared corpus and on a quarter of a million
/// generated references rich in the bytes the grammar turns on.
struct ImageReferenceDifferentialTests {
    /// Whether two answers are the same byte for byte: `String ==` would take a precomposed `é` for a
    /// decomposed one.
    static func same(_ one: Result<ImageReference, ImageReference.Problem>, _ other: Result<ImageReference, ImageReference.Problem>) -> Bool {
        switch (one, other) {
        case (.success(let one), .success(let other)):
            return same(one.registry, other.registry) && same(one.path, other.path) && same(one.tag, other.tag) && same(one.digest, other.digest)
        case (.failure(let one), .failure(let other)):
            return same(one, other)
        default:
            return false
        }
    }

    static func same(_ one: ImageReference.Problem?, _ other: ImageReference.Problem?) -> Bool {
        one?.isMissingPart == other?.isMissingPart && same(one?.message, other?.message)
    }

    static func same(_ one: String?, _ other: String?) -> Bool {
        guard let one, let other else { return one == nil && other == nil }
        return one.utf8.elementsEqual(other.utf8)
    }

    /// Whether a combining mark follows one of the delimiters that start a part (`:`, `@`, `[`, `]`). The
    /// replaced parser stepped over such a mark with the delimiter (`app:\u{301}v1` had the tag `v1`);
    /// the new one reads bytes, as Docker does, and refuses the part (see `ImageReferenceTests`). Only
    /// `parse` differs there.
    static func hasMarkAfterDelimiter(_ input: String) -> Bool {
        // A delimiter that is not the last scalar of its `Character` (marks after it, or a prepended
        // character before it that pulls it in) is one the replaced parser stepped over with more.
        input.contains { character in
            character.unicodeScalars.dropLast().contains { ":@[]".unicodeScalars.contains($0) }
        }
    }

    /// The inputs where the two parsers disagree, each with both answers; the first few are enough to debug.
    static func disagreements(_ inputs: some Sequence<String>) -> [String] {
        var found: [String] = []
        for input in inputs where found.count < 10 {
            let now = ImageReference.parse(input), before = ImageReferenceOracle.parse(input)
            if !same(now, before) && !hasMarkAfterDelimiter(input) {
                found.append("\(input.debugDescription)\n  now:    \(now)\n  before: \(before)")
            }
            // checkTag on the whole text, as Alauda's image_tag is, and on a slice of it (after its
            // first ':', so the tag may start with a combining mark).
            let afterColon = input.utf8.firstIndex(of: UInt8(ascii: ":")).map { input.utf8.index(after: $0) } ?? input.startIndex
            for tag in [input[...], input[afterColon...]] {
                let tagNow = ImageReference.checkTag(tag), tagBefore = ImageReferenceOracle.checkTag(tag)
                if !same(tagNow, tagBefore) {
                    found.append("checkTag \(String(tag).debugDescription)\n  now:    \(String(describing: tagNow))\n  before: \(String(describing: tagBefore))")
                }
            }
        }
        return found
    }

    @Test func unitCasesAgree() {
        let inputs = ImageReferenceTests.validCases.map(\.0) + ImageReferenceTests.invalidCases.map(\.0)
        #expect(inputs.count >= 40)
        #expect(Self.disagreements(inputs) == [])
    }

    /// Every `image`, `imageRef` and `image_name` value of the shared corpus, as written
    /// (`scripts/oracle/corpus_images.py` collected them).
    @Test func corpusImagesAgree() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/corpus-images.jsonl")
        let images = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map {
            try JSONDecoder().decode(String.self, from: Data($0.utf8))
        }
        #expect(images.count >= 250)
        #expect(images.contains("postgres:${POSTGRESQL_VERSION}"))
        #expect(Self.disagreements(images) == [])
    }

    @Test func generatedReferencesAgree() {
        var generator = ReferenceGenerator(seed: 0x1A6E_5EED)
        let inputs = (0..<250_000).lazy.map { _ in generator.next() }
        #expect(Self.disagreements(inputs) == [])
    }

    /// `problem(in:)`, the verdict without the parts' strings, is `parse`'s failure exactly, on the unit
    /// cases and on the generated references.
    @Test func problemIsParsesFailure() {
        var generator = ReferenceGenerator(seed: 0x1A6E_5EED)
        let inputs = ImageReferenceTests.validCases.map(\.0) + ImageReferenceTests.invalidCases.map(\.0) + (0..<100_000).map { _ in generator.next() }
        let differing = inputs.filter { input in
            let parsed: ImageReference.Problem? = if case .failure(let problem) = ImageReference.parse(input) { problem } else { nil }
            return !Self.same(ImageReference.problem(in: input), parsed)
        }
        #expect(differing.isEmpty, "\(differing.prefix(5))")
        #expect(inputs.contains { ImageReference.problem(in: $0) == nil } && inputs.contains { ImageReference.problem(in: $0) != nil })
    }

    /// The generator reaches both verdicts and the limits, so agreement above is not agreement on rejecting noise.
    @Test func generatedReferencesCoverTheGrammar() {
        var generator = ReferenceGenerator(seed: 0x1A6E_5EED)
        var accepted = 0, withRegistry = 0, withDigest = 0, messages = Set<String>()
        var lengths = Set<Int>()
        for _ in 0..<20_000 {
            let input = generator.next()
            lengths.insert(input.utf8.count)
            switch ImageReferenceOracle.parse(input) {
            case .success(let reference):
                accepted += 1
                if reference.registry != nil { withRegistry += 1 }
                if reference.digest != nil { withDigest += 1 }
            case .failure(let problem):
                messages.insert(String(problem.message.prefix(while: { $0 != "'" && !$0.isNumber })))
            }
        }
        #expect(accepted >= 2_000)
        #expect(withRegistry >= 500)
        #expect(withDigest >= 200)
        #expect(messages.count >= 20, "\(messages.sorted())")
        #expect(lengths.isSuperset(of: [127, 128, 129, 130, 254, 255, 256, 257]))
    }
}

/// Seeded image references: valid ones assembled from the grammar's parts, then often mutated by a
/// byte or piece the grammar treats specially, and noise drawn from those pieces alone.
struct ReferenceGenerator {
    /// SplitMix64: reproducible on every platform, unlike the system generator.
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    private mutating func random(_ bound: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int((z ^ (z >> 31)) % UInt64(bound))
    }

    private mutating func pick<T>(_ choices: [T]) -> T { choices[random(choices.count)] }

    /// Pieces the grammar turns on: separators, delimiters, case, hex, IPv6 brackets, whitespace and
    /// control characters (ASCII and not), non-ASCII letters and digits, and scalars that join the
    /// `Character` before or after them (combining and spacing marks, ZWJ, prepend, regional indicator)
    /// or are canonically equivalent to ASCII (Kelvin sign, Greek question mark).
    static let pieces: [String] = [
        "a", "b", "e", "f", "g", "x", "z", "0", "1", "9", "A", "F", "Z", ".", "_", "-", ":", "/", "@", "[", "]",
        "__", "--", "..", "::", "+", "$", "{", "}", "<", "*", "sha256", "sha384", "sha512", "md5", "localhost",
        " ", "\t", "\n", "\r\n", "\u{0}", "\u{1F}", "\u{7F}", "\u{85}", "\u{A0}", "\u{2028}", "\u{3000}", "\u{FEFF}",
        "é", "e\u{301}", "\u{301}", "\u{200D}", "\u{903}", "\u{600}", "\u{1F1FA}", "\u{212A}", "\u{37E}", "Ａ", "٣",
        "ß", "İ", "😀", "漢",
    ]

    mutating func next() -> String {
        switch random(10) {
        case 0, 1: return noise()
        case 2: return mutated(longReference())
        default: return random(3) == 0 ? reference() : mutated(reference())
        }
    }

    private mutating func noise() -> String {
        (0..<random(14)).map { _ in pick(Self.pieces) }.joined()
    }

    private mutating func mutated(_ text: String) -> String {
        var scalars = Array(text.unicodeScalars)
        for _ in 0...random(2) {
            let offset = random(scalars.count + 1)
            let piece = Array(pick(Self.pieces).unicodeScalars)
            switch random(3) {
            case 0: scalars.insert(contentsOf: piece, at: offset)
            case 1 where offset < scalars.count: scalars.replaceSubrange(offset...offset, with: piece)
            default: if offset < scalars.count { scalars.remove(at: offset) }
            }
        }
        var result = ""
        result.unicodeScalars.append(contentsOf: scalars)
        return result
    }

    private mutating func reference() -> String {
        var text = ""
        switch random(4) {
        case 0: text += registry() + "/"
        case 1: text += pick(["localhost/", "localhost:5000/", "Registry/", "[::1]:5000/", "[fe80::1]/", "[::ffff:10.0.0.1]:443/", "[::1/", "a.b:/"])
        default: break
        }
        text += (0...random(3)).map { _ in component() }.joined(separator: "/")
        if random(2) == 0 { text += ":" + tag(length: 1 + random(12)) }
        if random(4) == 0 { text += "@" + digest() }
        return text
    }

    /// Names and tags around their limits of 255 and 128 bytes.
    private mutating func longReference() -> String {
        let prefix = random(2) == 0 ? "" : registry() + "/"
        let nameLength = max(prefix.utf8.count + 1, 252 + random(7))
        var text = prefix + String(repeating: "a", count: nameLength - prefix.utf8.count)
        if random(2) == 0 { text += ":" + tag(length: 125 + random(7)) }
        return text
    }

    private mutating func registry() -> String {
        let host = (0...random(3)).map { _ in word(from: "abcxyz019-", length: 1 + random(6)) }.joined(separator: ".")
        return host + (random(2) == 0 ? ":" + word(from: "0123456789", length: 1 + random(5)) : "")
    }

    private mutating func component() -> String {
        let separators = [".", "_", "__", "-", "--", "---"]
        return (0...random(3)).map { _ in word(from: "abcz0189", length: 1 + random(5)) }.joined(separator: pick(separators))
    }

    private mutating func tag(length: Int) -> String {
        word(from: "_aZ09", length: 1) + word(from: "abzAZ019_.-", length: length - 1)
    }

    /// Mostly of the algorithm's length, sometimes one off, and sometimes around 255 hex digits, where
    /// the parser stops counting digits in a byte.
    private mutating func digest() -> String {
        let (algorithm, digits) = pick(ImageReference.digestLengths)
        let length = switch random(10) {
        case 0, 1: digits + random(3) - 1
        case 2: 253 + random(5)
        default: digits
        }
        return algorithm + ":" + word(from: "0123456789abcdef", length: length)
    }

    private mutating func word(from alphabet: String, length: Int) -> String {
        let characters = Array(alphabet)
        return String((0..<length).map { _ in characters[random(characters.count)] })
    }
}
