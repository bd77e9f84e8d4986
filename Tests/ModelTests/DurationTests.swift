import Model
import Testing

/// Durations in Go's `time.ParseDuration` syntax, and in the syntax Docker Compose reads health checks,
/// grace periods and update delays with (Go's plus `d` and `w`). The Compose cases are what Docker
/// Compose v2.40.3 accepts and refuses for `stop_grace_period`.
struct DurationTests {
    @Test(arguments: [
        ("0", Duration.zero), ("-0", .zero), ("0s", .zero), ("1m30s", .seconds(90)), ("10s", .seconds(10)), ("1h", .seconds(3600)),
        ("500ms", .milliseconds(500)), ("1.5s", .milliseconds(1500)), ("2\u{B5}s", .microseconds(2)), ("2\u{3BC}s", .microseconds(2)),
        ("3us", .microseconds(3)), ("4ns", .nanoseconds(4)), ("-5s", .seconds(-5)), ("+5s", .seconds(5)), (".5s", .milliseconds(500)),
        ("5.s", .seconds(5)), ("1h2m3s4ms5us6ns", .nanoseconds(3_723_004_005_006)), ("2562047h", .seconds(2_562_047 * 3600)),
    ])
    func goDurations(text: String, expected: Duration) {
        #expect(Duration(goSyntax: Substring(text)) == expected)
    }

    @Test(arguments: ["", "30", "10 s", "1 minute", "5sec", "s", ".s", "-", "+", "1d", "1m 30s", "2562048h", "1.5", "1S", "1e3s", " 1s", "1s "])
    func notGoDurations(text: String) {
        #expect(Duration(goSyntax: Substring(text)) == nil)
    }

    @Test(arguments: [
        ("1d", Duration.seconds(86_400)), ("1w", .seconds(604_800)), ("1.5d", .seconds(129_600)), ("1d2h", .seconds(93_600)),
        ("1h1d", .seconds(90_000)), (".5d", .seconds(43_200)), ("0.5w", .seconds(302_400)), ("1w2d", .seconds(777_600)),
        ("1d.5h", .seconds(88_200)), ("-1d", .seconds(-86_400)), ("+1d", .seconds(86_400)), ("0d", .zero), ("-0", .zero),
        ("1m30s", .seconds(90)), ("1\u{B5}s", .microseconds(1)), ("1\u{3BC}s", .microseconds(1)), ("106751d", .seconds(106_751 * 86_400)),
        ("15250w", .seconds(15_250 * 604_800)), ("9223372036854775807ns", .nanoseconds(Int64.max)),
        ("-9223372036854775807ns", .nanoseconds(-Int64.max)),
    ])
    func composeDurations(text: String, expected: Duration) {
        #expect(Duration(composeSyntax: Substring(text)) == expected)
    }

    @Test(arguments: ["", "1", "2D", "1W", "1y", "1d ", "1 d", "1dd", "d", "1d1", "106752d", "15251w", "2562048h", "2562047h48m",
                      "-9223372036854775808ns", "5sec"])
    func notComposeDurations(text: String) {
        #expect(Duration(composeSyntax: Substring(text)) == nil)
    }
}
