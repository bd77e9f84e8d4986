import Model
import Testing

/// Durations in Go's `time.ParseDuration` syntax, which Docker Compose uses for health checks, grace
/// periods and update delays.
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
}
