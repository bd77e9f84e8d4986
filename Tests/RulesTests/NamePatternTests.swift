import Testing
@testable import Rules

/// The matcher behind every naming rule: the first problem, worded as the messages quote it. The byte
/// map (`ByteSet`) must agree with the characters it was built from, and a non-ASCII character is named
/// as the user sees it, combining marks included.
struct NamePatternTests {
    static let dnsLabel = NamePattern(allowed: NamePattern.lowerAlphanumerics.union(NamePattern.characters("-")),
                                      first: NamePattern.lowerAlphanumerics, last: NamePattern.lowerAlphanumerics,
                                      lengths: 1...15, fix: "a DNS label")

    @Test(arguments: [
        ("web", nil),
        ("web-1", nil),
        ("", "must not be empty"),
        ("Web", "must not contain 'W'"),
        ("we_b", "must not contain '_'"),
        ("wéb", "must not contain 'é'"),
        ("we\u{301}b", "must not contain 'é'"),
        ("web🙂", "must not contain '🙂'"),
        ("-web", "must not start with '-'"),
        ("web-", "must not end with '-'"),
        ("a234567890123456", "is 16 characters long, more than 15"),
    ] as [(String, String?)])
    func firstProblem(name: String, expected: String?) {
        #expect(Self.dnsLabel.problem(in: name) == expected)
    }

    @Test func tooShort() {
        let pattern = NamePattern(allowed: NamePattern.letters, lengths: 2...4, fix: "letters")
        #expect(pattern.problem(in: "a") == "is too short: 1 character, at least 2 needed")
        #expect(pattern.problem(in: "ab") == nil)
    }

    @Test func byteSetHoldsExactlyItsMembers() {
        let set = NamePattern.alphanumerics.union(NamePattern.characters("._-"))
        for byte in UInt8.min...UInt8.max {
            let scalar = Unicode.Scalar(byte)
            let expected = byte < 0x80 && (Character(scalar).isLetter || Character(scalar).isNumber || "._-".unicodeScalars.contains(scalar))
            #expect(set.contains(byte) == expected, "byte \(byte)")
        }
    }
}
