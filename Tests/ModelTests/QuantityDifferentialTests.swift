@testable import Model
import Testing

/// `Quantity.kubernetes` and `Quantity.byteSize` read their text's bytes in place; before, they walked
/// the substring's UTF-8 view by its indices. Both answers must be the same on every generated text
/// rich in what the two grammars turn on (signs, points, exponents, spaces, suffix letters in both
/// cases, the Kelvin sign Go lowers to `k`, other non-ASCII), and on every text in a substring that
/// does not start at its string's start.
struct QuantityDifferentialTests {
    /// The replaced readers, kept only here as the oracle: the same scanner over the substring's view.
    enum Oracle {
        static func kubernetes(_ text: Substring) -> Quantity? {
            var scanner = NumberScanner(text.utf8)
            guard let number = scanner.decimal(allowSign: true, allowExponent: false) else { return nil }
            let suffix = String(Substring(scanner.remainder))
            if let multiplier = kubernetesSuffixes[suffix] {
                return Quantity(value: number * multiplier, suffix: suffix)
            }
            var exponentScanner = NumberScanner(Substring(scanner.remainder).utf8)
            guard exponentScanner.take(where: { $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }),
                  let exponent = exponentScanner.integer(allowSign: true), exponentScanner.isAtEnd,
                  let scale = Double("1e\(exponent)") else { return nil }
            return Quantity(value: number * scale, suffix: suffix)
        }

        static func byteSize(_ text: Substring) -> Quantity? {
            var scanner = NumberScanner(text.utf8)
            guard let number = scanner.decimal(allowSign: true, allowExponent: true), number >= 0 else { return nil }
            _ = scanner.take { $0 == UInt8(ascii: " ") }
            let suffix = Substring(scanner.remainder)
            guard suffix.utf8.count <= 3 else { return nil }
            let lowered = Array(suffix.lowercased().utf8)
            let multiplier: Double?
            switch lowered.count {
            case 0: multiplier = 1
            case 1 where lowered[0] == UInt8(ascii: "b"): multiplier = 1
            default:
                let power = Array("kmgtp".utf8).firstIndex(of: lowered[0])
                let rest = Array(lowered.dropFirst())
                multiplier = power.flatMap { power in
                    rest.isEmpty || rest == Array("b".utf8) || rest == Array("ib".utf8) ? Double(1 << (10 * (power + 1))) : nil
                }
            }
            return multiplier.map { Quantity(value: number * $0, suffix: String(suffix)) }
        }

        static let kubernetesSuffixes: [String: Double] = [
            "": 1, "n": 1e-9, "u": 1e-6, "m": 1e-3, "k": 1e3, "M": 1e6, "G": 1e9, "T": 1e12, "P": 1e15, "E": 1e18,
            "Ki": 0x1p10, "Mi": 0x1p20, "Gi": 0x1p30, "Ti": 0x1p40, "Pi": 0x1p50, "Ei": 0x1p60,
        ]
    }

    /// Every text of up to four pieces from an alphabet of what the grammars read, with a prefix so the
    /// substring starts inside its string.
    static var inputs: [Substring] {
        let pieces = ["1", "05", ".", "+", "-", "e", "E", " ", "k", "M", "i", "B", "m", "\u{212A}", "é", "e\u{301}", "9007199254740993", "G"]
        var texts = [""]
        var frontier = [""]
        for _ in 1...4 {
            frontier = frontier.flatMap { text in pieces.map { text + $0 } }
            texts += frontier
        }
        return texts.map { ("x:" + $0).dropFirst(2) }
    }

    @Test func byteSizesReadAsBefore() {
        let differing = Self.inputs.filter { Quantity.byteSize($0) != Oracle.byteSize($0) }
        #expect(differing.isEmpty, "\(differing.prefix(5))")
    }

    @Test func kubernetesQuantitiesReadAsBefore() {
        let differing = Self.inputs.filter { Quantity.kubernetes($0) != Oracle.kubernetes($0) }
        #expect(differing.isEmpty, "\(differing.prefix(5))")
    }

    /// The generator reaches both outcomes of both readers, so agreement is not agreement on `nil`.
    @Test func inputsCoverValidAndInvalidTexts() {
        let inputs = Self.inputs
        #expect(inputs.count > 100_000)
        #expect(inputs.contains { Oracle.byteSize($0) != nil } && inputs.contains { Oracle.byteSize($0) == nil })
        #expect(inputs.contains { Oracle.kubernetes($0) != nil } && inputs.contains { Oracle.kubernetes($0) == nil })
        #expect(inputs.contains { Oracle.byteSize($0)?.suffix == "\u{212A}" })
    }
}
