#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// HTTP dates in the IMF-fixdate form (RFC 9110 §5.6.7, RFC 1123 with `GMT`), e.g.
/// `Thu, 01 Jan 2015 00:00:00 GMT`: the form the SDK's `Date` header has and the server checks against
/// its clock. Names are spelled here so no locale can change them.
public enum HTTPDate {
    private static let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// The current time.
    public static func now() -> String { string(secondsSinceEpoch: time(nil)) }

    /// Whether `text` has the IMF-fixdate shape (`Wed, 16 Dec 2015 12:20:18 GMT`), names and ranges included.
    public static func isIMFFixdate(_ text: String) -> Bool {
        let parts = text.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 6, parts[0].hasSuffix(","), weekdays.contains(String(parts[0].dropLast())),
              parts[1].count == 2, let day = Int(parts[1]), (1...31).contains(day), months.contains(parts[2]),
              parts[3].count == 4, Int(parts[3]) != nil, parts[5] == "GMT" else { return false }
        let clock = parts[4].split(separator: ":", omittingEmptySubsequences: false)
        let limits = [23, 59, 60]
        return clock.count == 3 && zip(clock, limits).allSatisfy { field, limit in
            field.count == 2 && field.allSatisfy(\.isASCII) && Int(field).map { (0...limit).contains($0) } == true
        }
    }

    public static func string(secondsSinceEpoch seconds: Int) -> String {
        var time = time_t(seconds)
        var parts = tm()
        gmtime_r(&time, &parts)
        func twoDigits(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(weekdays[Int(parts.tm_wday)]), \(twoDigits(parts.tm_mday)) \(months[Int(parts.tm_mon)]) \(parts.tm_year + 1900) "
            + "\(twoDigits(parts.tm_hour)):\(twoDigits(parts.tm_min)):\(twoDigits(parts.tm_sec)) GMT"
    }
}
