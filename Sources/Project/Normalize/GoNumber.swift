/// Numbers written as Go writes them, for output that must equal Docker Compose's byte for byte: the
/// shortest digits that read back as the same value (Swift's `description` finds them too, only
/// laid out differently), placed as `fmt.Sprint` (`%v`) or `encoding/json` place them.
enum GoNumber {
    /// `fmt.Sprint` of a float64: `%g` with the shortest digits, an exponent (`1e+06`, `1.23456789e+08`,
    /// `1e-05`) when the decimal exponent is below -4 or at least 6.
    static func formatG(_ value: Double) -> String {
        guard value.isFinite else { return value.isNaN ? "NaN" : (value < 0 ? "-Inf" : "+Inf") }
        let (negative, digits, point) = shortest(value.description)
        let exponent = point - 1
        let sign = negative ? "-" : ""
        if exponent < -4 || exponent >= 6 { return sign + scientific(digits, exponent: exponent, minimumExponentDigits: 2) }
        return sign + fixed(digits, point: point)
    }

    /// `encoding/json` of a float: plain decimals from 1e-6 up to 1e21, an exponent outside
    /// (`1e-7`, `1e+21`). `bits` is the Go type's size: a float32 field is written with the digits of a
    /// 32-bit float (0.1, not 0.10000000149011612).
    static func formatJSON(_ value: Double, bits: Int = 64) -> String {
        guard value != 0 else { return "0" }
        let (negative, digits, point) = shortest(bits == 32 ? Float(value).description : value.description)
        let magnitude = abs(value)
        let sign = negative ? "-" : ""
        if magnitude < 1e-6 || magnitude >= 1e21 { return sign + scientific(digits, exponent: point - 1, minimumExponentDigits: 1) }
        return sign + fixed(digits, point: point)
    }

    /// The significant digits of Swift's shortest description (`1.5e-07`, `1234.5`, `-0.001`) and where
    /// the decimal point falls among them (`digits` × 10^(point − count)).
    private static func shortest(_ description: String) -> (negative: Bool, digits: [Character], point: Int) {
        var text = Substring(description)
        let negative = text.first == "-"
        if negative { text = text.dropFirst() }
        let parts = text.split(separator: "e", maxSplits: 1)
        let exponent = parts.count > 1 ? Int(parts[1]) ?? 0 : 0
        let mantissa = parts[0]
        let whole = mantissa.prefix { $0 != "." }
        let fraction = mantissa.dropFirst(whole.count + 1)
        var digits = Array(whole + fraction)
        var point = whole.count + exponent
        while digits.count > 1, digits.first == "0" {
            digits.removeFirst()
            point -= 1
        }
        while digits.count > 1, digits.last == "0" { digits.removeLast() }
        return (negative, digits, point)
    }

    private static func fixed(_ digits: [Character], point: Int) -> String {
        if point <= 0 { return "0." + String(repeating: "0", count: -point) + String(digits) }
        if point >= digits.count { return String(digits) + String(repeating: "0", count: point - digits.count) }
        return String(digits[..<point]) + "." + String(digits[point...])
    }

    private static func scientific(_ digits: [Character], exponent: Int, minimumExponentDigits: Int) -> String {
        let mantissa = digits.count == 1 ? String(digits) : String(digits[0]) + "." + String(digits[1...])
        let magnitude = String(abs(exponent))
        let padded = String(repeating: "0", count: max(0, minimumExponentDigits - magnitude.count)) + magnitude
        return mantissa + "e" + (exponent < 0 ? "-" : "+") + padded
    }
}
