extension Duration {
    /// Units of Go's duration syntax and their length in nanoseconds. Both micro signs are Go's: U+00B5
    /// and U+03BC.
    private static let goUnits: [Substring: UInt64] = [
        "ns": 1, "us": 1_000, "\u{B5}s": 1_000, "\u{3BC}s": 1_000, "ms": 1_000_000,
        "s": 1_000_000_000, "m": 60_000_000_000, "h": 3_600_000_000_000,
    ]

    /// Go's units and the two that Docker Compose adds: `d` (24h) and `w` (7d).
    private static let composeUnits: [Substring: UInt64] = goUnits.merging(["d": 86_400_000_000_000, "w": 604_800_000_000_000]) { $1 }

    /// Reads a duration in Go's syntax (`time.ParseDuration`): an optional sign, then one or more
    /// numbers (`10`, `1.5`, `.5`) each followed by a unit (`ns us µs ms s m h`), as in `1m30s` or
    /// `500ms`; a lone `0` needs no unit. No spaces.
    /// - Returns: nil when the text is not a duration, or is longer than Go's 64-bit nanosecond count
    ///   allows (about 292 years) — Go refuses both alike.
    public init?(goSyntax text: Substring) {
        guard let duration = Self.parse(text, units: Self.goUnits, negativeLimit: UInt64(Int64.max) + 1) else { return nil }
        self = duration
    }

    /// Reads a duration as Docker Compose does for `healthcheck.interval`, `stop_grace_period`,
    /// `deploy.update_config.delay` and its other duration fields (compose-go decodes them with
    /// `github.com/xhit/go-str2duration/v2`): Go's syntax with two more units, `d` (24h) and `w` (7d),
    /// so `1d`, `1.5d`, `1w2d` and `1d12h` are durations; units are case-sensitive (`1D` is not). Its
    /// copy of Go's parser is an older one, which also refuses a negative count of exactly 2⁶³ns.
    public init?(composeSyntax text: Substring) {
        guard let duration = Self.parse(text, units: Self.composeUnits, negativeLimit: UInt64(Int64.max)) else { return nil }
        self = duration
    }

    /// The parser both syntaxes share, with their units and the largest count of nanoseconds a
    /// negative duration may have.
    private static func parse(_ text: Substring, units: [Substring: UInt64], negativeLimit: UInt64) -> Duration? {
        var rest = text
        var negative = false
        if let sign = rest.first, sign == "-" || sign == "+" {
            negative = sign == "-"
            rest = rest.dropFirst()
        }
        if rest == "0" { return .zero }
        guard !rest.isEmpty else { return nil }
        var total: UInt64 = 0
        while !rest.isEmpty {
            var scanner = NumberScanner(rest.utf8)
            guard scanner.decimal(allowSign: false, allowExponent: false) != nil else { return nil }
            let number = rest[..<scanner.remainder.startIndex]
            rest = Substring(scanner.remainder)
            let unitEnd = rest.firstIndex { $0 == "." || $0.isASCII && $0.isNumber } ?? rest.endIndex
            guard let unit = units[rest[..<unitEnd]], let nanoseconds = Self.nanoseconds(number, unit: unit) else { return nil }
            let (sum, overflow) = total.addingReportingOverflow(nanoseconds)
            guard !overflow else { return nil }
            total = sum
            rest = rest[unitEnd...]
        }
        guard total <= (negative ? negativeLimit : UInt64(Int64.max)) else { return nil }
        return negative ? .nanoseconds(Int64(truncatingIfNeeded: 0 &- total)) : .nanoseconds(Int64(total))
    }

    /// `whole.fraction` times a unit, in nanoseconds; nil on overflow. The fraction goes through a
    /// double, as in Go.
    private static func nanoseconds(_ number: Substring, unit: UInt64) -> UInt64? {
        let parts = number.split(ascii: ".", maxSplits: 1)
        let whole = parts[0].isEmpty ? 0 : UInt64(parts[0])
        guard let whole else { return nil }
        let (product, overflow) = whole.multipliedReportingOverflow(by: unit)
        guard !overflow else { return nil }
        guard parts.count == 2, let fraction = Double("0." + parts[1]) else { return product }
        let (sum, overflowAdd) = product.addingReportingOverflow(UInt64(fraction * Double(unit)))
        return overflowAdd ? nil : sum
    }
}
