/// Decimal text to `Double` without the C library for the common case. `strtod` costs about a
/// thousand instructions per call; a number with at most 15 significant digits and a power of ten
/// within ±22 (nearly every number a template holds: `0.5`, `256`, `1.25e3`) is converted exactly by
/// one IEEE operation on two exactly representable operands (Clinger's fast path), which gives the
/// same correctly rounded result. Anything else goes to the standard parser.
public enum DecimalNumber {
    /// The value of `bytes`, which must already match `[+-]?(digits[.digits*] | .digits)([eE][+-]?digits)?`.
    // Inlinable so callers in other modules get it specialised for their collection: a generic call
    // would cost more per byte than the parsing.
    @inlinable
    public static func value(of bytes: some Collection<UInt8>) -> Double? {
        fastValue(of: bytes) ?? Double(String(decoding: bytes, as: UTF8.self))
    }

    @usableFromInline
    static let powersOfTen: [Double] = (0...22).map { exponent in
        (0..<exponent).reduce(1.0) { product, _ in product * 10 }
    }

    @inlinable
    static func fastValue(of bytes: some Collection<UInt8>) -> Double? {
        var mantissa: UInt64 = 0
        var digits = 0
        var exponent = 0
        var negative = false
        var seenPoint = false
        var index = bytes.startIndex
        if index < bytes.endIndex, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
            negative = bytes[index] == UInt8(ascii: "-")
            index = bytes.index(after: index)
        }
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte &- UInt8(ascii: "0") < 10 {
                // Leading zeros are not significant digits.
                if mantissa != 0 || byte != UInt8(ascii: "0") { digits += 1 }
                guard digits <= 15 else { return nil }
                mantissa = mantissa * 10 + UInt64(byte &- UInt8(ascii: "0"))
                if seenPoint { exponent -= 1 }
            } else if byte == UInt8(ascii: "."), !seenPoint {
                seenPoint = true
            } else if byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") {
                guard let written = smallExponent(bytes[bytes.index(after: index)...]) else { return nil }
                exponent += written
                break
            } else {
                return nil
            }
            index = bytes.index(after: index)
        }
        guard exponent >= -22, exponent <= 22 else { return nil }
        let magnitude = exponent < 0 ? Double(mantissa) / powersOfTen[-exponent] : Double(mantissa) * powersOfTen[exponent]
        return negative ? -magnitude : magnitude
    }

    /// `[+-]?digits` when it is within ±99; nil otherwise (the slow path takes it).
    @inlinable
    static func smallExponent(_ bytes: some Collection<UInt8>) -> Int? {
        var value = 0
        var negative = false
        var index = bytes.startIndex
        if index < bytes.endIndex, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
            negative = bytes[index] == UInt8(ascii: "-")
            index = bytes.index(after: index)
        }
        guard index < bytes.endIndex else { return nil }
        while index < bytes.endIndex {
            let digit = bytes[index] &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            value = value * 10 + Int(digit)
            guard value <= 99 else { return nil }
            index = bytes.index(after: index)
        }
        return negative ? -value : value
    }
}
