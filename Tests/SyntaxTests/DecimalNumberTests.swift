import Testing
@testable import Syntax

/// `DecimalNumber` must give exactly what Swift's own parser (`strtod`) gives, bit for bit, on every
/// form the callers pass: its fast path is only a shortcut.
struct DecimalNumberTests {
    @Test(arguments: ["0", "-0", "+0", "0.5", ".5", "5.", "-.5", "256", "1.25e3", "1E-7", "0.1", "0.3", "123456789012345",
                      "1234567890123456", "9007199254740993", "0.000000000000000000000001", "1e22", "1e23", "1e-22", "1e-23",
                      "4.35", "1.7976931348623157e308", "2.2250738585072014e-308", "00012.50", "1.000000000000000000001", "3e+2"])
    func agreesWithTheStandardParser(text: String) {
        #expect(DecimalNumber.value(of: Array(text.utf8))?.bitPattern == Double(text)?.bitPattern, "\(text)")
    }

    /// 200,000 seeded numbers of every shape: digits before and after the point, leading and trailing
    /// zeros, signs, exponents near the fast path's bounds.
    @Test func agreesOnGeneratedNumbers() {
        var generator = SplitMix(seed: 0x5EED)
        for _ in 0..<200_000 {
            let text = generator.number()
            #expect(DecimalNumber.value(of: Array(text.utf8))?.bitPattern == Double(text)?.bitPattern, "\(text)")
        }
    }
}

/// A small seeded generator, so a failure names an input that reproduces.
private struct SplitMix {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next(_ bound: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int((z ^ (z >> 31)) % UInt64(bound))
    }

    mutating func digits(_ count: Int) -> String {
        String((0..<count).map { _ in Character(String(next(10))) })
    }

    mutating func number() -> String {
        var text = ["", "-", "+"][next(3)]
        let whole = next(4) == 0 ? 0 : next(18) + 1
        let fraction = next(3) == 0 ? 0 : next(18)
        text += digits(whole)
        if fraction > 0 || whole == 0 || next(4) == 0 { text += "." + digits(whole == 0 ? max(fraction, 1) : fraction) }
        if next(3) == 0 { text += ["e", "E"][next(2)] + ["", "-", "+"][next(3)] + String(next(40)) }
        return text
    }
}
