import Syntax

/// An amount written as a number and a unit suffix, in the two dialects the templates use: Kubernetes
/// resource quantities (`100m`, `128Mi`, `1e3`) for pods and v2 applications, and Docker's byte sizes
/// (`256m`, `1g`, `512KiB`) for Compose memory fields. The two look alike but disagree (`m` is a
/// thousandth in one and a mebibyte in the other), so each has its own exact matcher; both are
/// hand-written to accept precisely what the platform's parser accepts.
public struct Quantity: Sendable, Equatable {
    /// The amount in base units (cores, bytes), as a double: exact for every value a template plausibly
    /// holds, and enough to compare a request with its limit.
    public let value: Double
    /// The suffix as written (`Mi`, `m`, `e3`, `GiB`, or empty).
    public let suffix: String

    public init(value: Double, suffix: String) {
        self.value = value
        self.suffix = suffix
    }
}

extension Quantity {
    /// A Kubernetes quantity (`resource.ParseQuantity`): an optionally signed decimal number (`1`, `0.5`,
    /// `.5`, `5.`) followed by nothing, a binary suffix (`Ki Mi Gi Ti Pi Ei`), a decimal suffix
    /// (`n u m k M G T P E`) or an exponent (`e3`, `E-2`). No spaces, no other units.
    /// - Returns: nil when the text is not a quantity.
    public static func kubernetes(_ text: Substring) -> Quantity? {
        var text = text
        return text.withUTF8(kubernetes(bytes:))
    }

    /// `kubernetes(_:)` over the text's UTF-8 bytes, read in place.
    private static func kubernetes(bytes: UnsafeBufferPointer<UInt8>) -> Quantity? {
        var scanner = NumberScanner(bytes)
        guard let number = scanner.decimal(allowSign: true, allowExponent: false) else { return nil }
        let suffix = String(decoding: scanner.remainder, as: UTF8.self)
        if let multiplier = kubernetesSuffixes[suffix] {
            return Quantity(value: number * multiplier, suffix: suffix)
        }
        // `e`/`E` followed by a signed integer is an exponent; a bare `E` is exa (in the table above).
        var exponentScanner = NumberScanner(scanner.remainder)
        guard exponentScanner.take(where: { $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }),
              let exponent = exponentScanner.integer(allowSign: true), exponentScanner.isAtEnd,
              let scale = Double("1e\(exponent)") else { return nil }
        return Quantity(value: number * scale, suffix: suffix)
    }

    /// A Docker byte size as Compose reads `mem_limit`, `shm_size` and `deploy.resources.*.memory`
    /// (go-units `RAMInBytes`): a non-negative decimal number, an optional single space, and an optional
    /// case-insensitive suffix: `b`, or one of `k m g t p` (powers of 1024) optionally followed by `i`,
    /// `b` or `ib` (`256m`, `1g`, `512 KiB`, `1024b`, `1.5GB`).
    /// - Returns: nil when the text is not a size, or is negative.
    public static func byteSize(_ text: Substring) -> Quantity? {
        // Read over the bytes in place: Compose files give every service a memory limit or two, and
        // walking a substring's UTF-8 view by its indices cost ten times the parsing.
        var text = text
        return text.withUTF8(byteSize(bytes:))
    }

    /// `byteSize(_:)` over the text's UTF-8 bytes.
    private static func byteSize(bytes: UnsafeBufferPointer<UInt8>) -> Quantity? {
        var scanner = NumberScanner(bytes)
        guard let number = scanner.decimal(allowSign: true, allowExponent: true), number >= 0 else { return nil }
        _ = scanner.take { $0 == UInt8(ascii: " ") }
        let suffix = scanner.remainder
        guard suffix.count <= 3 else { return nil }
        // Lowered as Go's `strings.ToLower` does, Unicode-aware (the Kelvin sign reads as `k`); bytes
        // first, since suffixes are ASCII but for the odd one.
        let multiplier = suffix.allSatisfy { $0 < 0x80 }
            ? byteMultiplier(lowered: suffix.lazy.map { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") ? $0 + 32 : $0 })
            : byteMultiplier(lowered: String(decoding: suffix, as: UTF8.self).lowercased().utf8)
        return multiplier.map { Quantity(value: number * $0, suffix: String(decoding: suffix, as: UTF8.self)) }
    }

    /// go-units `parseSize` on a lowered suffix: none or `b` alone, else one of `k m g t p` followed by
    /// nothing, `b` or `ib` (so `1ki` is refused, as Docker refuses it).
    private static func byteMultiplier(lowered suffix: some Sequence<UInt8>) -> Double? {
        var bytes = suffix.makeIterator()
        guard let first = bytes.next() else { return 1 }
        let second = bytes.next(), third = bytes.next()
        guard bytes.next() == nil else { return nil }
        if first == UInt8(ascii: "b") { return second == nil ? 1 : nil }
        guard let power = binaryPrefixes.firstIndex(of: first) else { return nil }
        switch (second, third) {
        case (nil, nil), (UInt8(ascii: "b")?, nil), (UInt8(ascii: "i")?, UInt8(ascii: "b")?):
            return Double(1 << (10 * (power + 1)))
        default:
            return nil
        }
    }

    /// Docker's size prefixes, each 1024 times the one before.
    private static let binaryPrefixes = Array("kmgtp".utf8)

    private static let kubernetesSuffixes: [String: Double] = [
        "": 1, "n": 1e-9, "u": 1e-6, "m": 1e-3, "k": 1e3, "M": 1e6, "G": 1e9, "T": 1e12, "P": 1e15, "E": 1e18,
        "Ki": 0x1p10, "Mi": 0x1p20, "Gi": 0x1p30, "Ti": 0x1p40, "Pi": 0x1p50, "Ei": 0x1p60,
    ]
}

/// Reads the number at the start of a quantity, size or duration, byte by byte: over a buffer read in
/// place for quantities and sizes, over a substring's UTF-8 view for durations.
struct NumberScanner<Bytes: Collection<UInt8>> {
    let bytes: Bytes
    private(set) var index: Bytes.Index

    init(_ bytes: Bytes) {
        self.bytes = bytes
        self.index = bytes.startIndex
    }

    var isAtEnd: Bool { index == bytes.endIndex }

    /// Consumes one byte if it matches.
    mutating func take(where matches: (UInt8) -> Bool) -> Bool {
        guard index < bytes.endIndex, matches(bytes[index]) else { return false }
        index = bytes.index(after: index)
        return true
    }

    /// Consumes a run of digits and returns how many there were.
    mutating func digits() -> Int {
        var count = 0
        while take(where: { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) { count += 1 }
        return count
    }

    /// `[+-]?digits`.
    mutating func integer(allowSign: Bool) -> Int? {
        let start = index
        if allowSign { _ = take { $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "-") } }
        guard digits() > 0 else {
            index = start
            return nil
        }
        return Int(String(decoding: bytes[start..<index], as: UTF8.self))
    }

    /// `[+-]?(digits[.digits*] | .digits)` and, when allowed, `[eE][+-]?digits`; leaves the index after it.
    /// A trailing `e` that starts no exponent is left unread.
    mutating func decimal(allowSign: Bool, allowExponent: Bool) -> Double? {
        let start = index
        if allowSign { _ = take { $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "-") } }
        var count = digits()
        if take(where: { $0 == UInt8(ascii: ".") }) { count += digits() }
        guard count > 0 else {
            index = start
            return nil
        }
        if allowExponent {
            let mantissaEnd = index
            if !(take { $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") } && integer(allowSign: true) != nil) {
                index = mantissaEnd
            }
        }
        // The shape is checked above, which is what `DecimalNumber` requires (`.5`, `5.`, `+5` included).
        return DecimalNumber.value(of: bytes[start..<index])
    }

    /// What follows the number.
    var remainder: Bytes.SubSequence { bytes[index...] }
}
