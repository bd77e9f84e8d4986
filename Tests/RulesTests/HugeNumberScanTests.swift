@testable import Rules
import Testing

/// `IntegerOverflow.mayHoldHugeNumber` skips ahead 19 bytes at a time instead of reading every byte; it
/// must answer as the byte-by-byte scan it replaced does on every text.
struct HugeNumberScanTests {
    /// The replaced scan, kept only here as the oracle: count digits, let `_` pass, reset on anything else.
    static func oracle(_ bytes: [UInt8]) -> Bool {
        var run = 0
        for byte in bytes {
            if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                run += 1
                if run >= 19 { return true }
            } else if byte != UInt8(ascii: "_") {
                run = 0
            }
        }
        return false
    }

    @Test(arguments: [
        ("", false), ("123456789012345678", false), ("1234567890123456789", true), ("x1234567890123456789", true),
        ("123456789_012345678", false), ("1_2_3_4_5_6_7_8_9_0_1_2_3_4_5_6_7_8_9", true), ("_________________________1", false),
        ("12345678901234567x8901234567890123456789", true), ("a: 99999999999999999999\n", true), ("port: 8080\nid: 1234567890", false),
    ])
    func decidesKnownTexts(text: String, expected: Bool) {
        #expect(IntegerOverflow.mayHoldHugeNumber(Array(text.utf8)) == expected)
        #expect(Self.oracle(Array(text.utf8)) == expected)
    }

    /// Random texts of digits, `_` and a few other bytes, whose runs of digits come in every length
    /// around 19 and at every offset from the skips.
    @Test func answersAsTheByteByByteScan() {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("0123456789_x \n".utf8)
        var differing: [String] = []
        var huge = 0
        for _ in 0..<20_000 {
            let length = Int.random(in: 0...80, using: &generator)
            // Mostly digits, so that long runs are common.
            let bytes = (0..<length).map { _ in
                Int.random(in: 0..<10, using: &generator) < 8 ? alphabet[Int.random(in: 0..<10, using: &generator)]
                    : alphabet.randomElement(using: &generator)!
            }
            let expected = Self.oracle(bytes)
            if expected { huge += 1 }
            if IntegerOverflow.mayHoldHugeNumber(bytes) != expected { differing.append(String(decoding: bytes, as: UTF8.self)) }
        }
        #expect(differing.isEmpty, "\(differing.prefix(5))")
        #expect(huge > 1_000 && huge < 19_000, "the texts should hold huge numbers often, but not always")
    }
}
