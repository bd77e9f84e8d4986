/// Go's `time.Duration.String`, which Compose prints durations with: `1m30s`, `24h0m0s`, `1.5s`,
/// `500ms`, `0s`.
enum GoDuration {
    static func string(_ nanoseconds: Int64) -> String {
        guard nanoseconds != 0 else { return "0s" }
        let sign = nanoseconds < 0 ? "-" : ""
        let magnitude = nanoseconds.magnitude
        if magnitude < 1_000 { return sign + "\(magnitude)ns" }
        if magnitude < 1_000_000 { return sign + fraction(magnitude, digits: 3) + "\u{B5}s" }
        if magnitude < 1_000_000_000 { return sign + fraction(magnitude, digits: 6) + "ms" }
        let seconds = magnitude / 1_000_000_000
        var text = "\(seconds % 60)" + fraction(magnitude % 1_000_000_000, digits: 9, wholeShown: false) + "s"
        let minutes = seconds / 60
        if minutes > 0 {
            text = "\(minutes % 60)m" + text
            let hours = minutes / 60
            if hours > 0 { text = "\(hours)h" + text }
        }
        return sign + text
    }

    /// `value` divided by 10^digits, written with its fraction and no trailing zeros (`1.5`, `2`);
    /// with `wholeShown` false, only the fraction (`.5`, or nothing).
    private static func fraction(_ value: UInt64, digits: Int, wholeShown: Bool = true) -> String {
        var scale: UInt64 = 1
        for _ in 0..<digits { scale *= 10 }
        let whole = value / scale
        var decimals = String(value % scale)
        decimals = String(repeating: "0", count: digits - decimals.count) + decimals
        while decimals.last == "0" { decimals.removeLast() }
        let fractional = decimals.isEmpty ? "" : "." + decimals
        return wholeShown ? "\(whole)" + fractional : fractional
    }
}
