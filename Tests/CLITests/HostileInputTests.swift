import Foundation
import TestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Templates arrive from pull requests: every hostile input must end quickly, within bounded memory,
/// with the exit status and message designed for it — never a crash or a hang. Docker Compose spends
/// minutes or loops forever on several of these.
///
/// `make test` points `STACKC_RELEASE_BINARY` at a release build and the bound is the 1 s of the issue;
/// against the debug binary of a plain `swift test` the bound is 3 s. Under AddressSanitizer (`make test-asan`
/// sets `STACKC_SANITIZER=address`) only the outcome is checked: its shadow memory, quarantine and 10–20×
/// slowdown say nothing about stackc's own bounds, which `make test` holds the release binary to.
@Suite(.serialized)
struct HostileInputTests {
    struct Case: Sendable, CustomStringConvertible {
        let name: String
        let bytes: @Sendable () -> [UInt8]
        let status: Int32
        let message: String
        var timeScale = 1.0
        var description: String { name }

        init(_ name: String, status: Int32, _ message: String, timeScale: Double = 1, text: @escaping @Sendable () -> String) {
            self.name = name
            self.status = status
            self.message = message
            self.timeScale = timeScale
            self.bytes = { Array(text().utf8) }
        }

        init(_ name: String, status: Int32, _ message: String, bytes: @escaping @Sendable () -> [UInt8]) {
            self.name = name
            self.status = status
            self.message = message
            self.bytes = bytes
        }
    }

    static let cases: [Case] = [
        Case("alias bomb", status: 1, "expands to more than 2000000 nodes") {
            (["a0: &a0 [x, x, x, x, x, x, x, x, x]"] + (1...9).map { level in
                "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ") + "]"
            }).joined(separator: "\n") + "\n"
        },
        Case("merge bomb", status: 1, "expands to more than 2000000 nodes") {
            (["m0: &m0 {k0: 1}"] + (1..<40).map { "m\($0): &m\($0) {<<: [*m\($0 - 1)], k\($0): 1, a\($0): *m\($0 - 1), b\($0): *m\($0 - 1)}" })
                .joined(separator: "\n") + "\n"
        },
        Case("self-referential merge", status: 1, "recursive alias") { "services:\n  base: &b {<<: *b}\n" },
        Case("200k nested flow sequences", status: 1, "nesting deeper than 256 levels") {
            String(repeating: "[", count: 200_000) + String(repeating: "]", count: 200_000)
        },
        Case("3,000 nested block mappings", status: 1, "nesting deeper than 256 levels") {
            (0..<3000).map { String(repeating: "  ", count: $0) + "k\($0):\n" }.joined() + String(repeating: "  ", count: 3000) + "v\n"
        },
        Case("30 MiB scalar", status: 1, "exceeds the limit of 8388608 bytes", timeScale: 3) {
            "a: " + String(repeating: "x", count: 30 << 20) + "\n"
        },
        Case("invalid UTF-8", status: 1, "not valid UTF-8") { "services:\n  web:\n    image: x" + "\u{FFFD}" }.withBytes { Array("services:\n  web:\n    image: x".utf8) + [0xC3, 0x28, 0x0A] },
        Case("NUL byte", status: 1, "NUL byte is not allowed") { "services:\n  web:\n    image: x\u{0}\n" },
        Case("UTF-16 with BOM is read, with true positions", status: 1, "input.yaml:4:5: error: duplicate key 'imäge'") { "" }.withBytes {
            [0xFF, 0xFE] + "services:\n  wéb:\n    imäge: nginx\n    imäge: x\n".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        },
        Case("UTF-32 is refused", status: 1, "UTF-32") { "" }.withBytes { [0xFF, 0xFE, 0, 0] + [0x61, 0, 0, 0] },
        Case("tab indentation", status: 1, "tab character") { "services:\n\tweb:\n" },
        Case("duplicate keys", status: 1, "duplicate key 'image'") { "services:\n  web:\n    image: a\n    image: b\n" },
        Case("non-scalar key", status: 1, "mapping key must be a scalar") { "services:\n  ? [a, b]\n  : {image: x}\n" },
        Case("unterminated quote", status: 1, "unterminated quoted string") { "services:\n  web:\n    image: \"nginx\n" },
        Case("empty file", status: 1, "holds no YAML document") { "" },
        Case("comment-only file", status: 1, "holds no YAML document") { "# nothing here\n" },
        Case("top-level scalar", status: 1, "must be a mapping") { "just a string\n" },
        Case("top-level sequence", status: 1, "must be a mapping") { "- a\n- b\n" },
        Case("undefined alias", status: 1, "refers to no anchor") { "services:\n  web: *nothing\n" },
        Case("5,000 nested ${A:-", status: 1, "nested deeper than 64 levels") {
            "services:\n  web:\n    image: \"" + String(repeating: "${A:-", count: 5000) + "x" + String(repeating: "}", count: 5000) + "\"\n"
        },
        Case("200k-character key", status: 1, "longer than 1024 characters") { String(repeating: "k", count: 200_000) + ": 1\n" },
        Case("integer overflow", status: 1, "cpu_shares of service 'web' is -99999") {
            let digits = String(repeating: "9", count: 5000)
            return "services:\n  web:\n    image: nginx\n    cpu_shares: -\(digits)\n    deploy: {replicas: \(digits)}\n    ports: [\"\(digits):80\"]\n"
        },
        Case("control characters in names are shown escaped", status: 1, "service name 'we\\u{1b}[2Jb' must not contain") {
            "services:\n  \"we\\e[2Jb\":\n    image: nginx\n"
        },
        Case("100 ports of 20,000 characters, each quoted in a message", status: 1, "has an invalid host port '99999") {
            "services:\n  web:\n    image: nginx\n    ports:\n" + String(repeating: "      - \"\(String(repeating: "9", count: 20_000)):80\"\n", count: 100)
        },
        Case("20,000 errors in one file", status: 1, "more findings in this file are not shown") {
            "services:\n" + (0..<20_000).map { "  s\($0):\n    image: x\n    depends_on: [missing\($0)]\n" }.joined()
        },
        Case("dependency cycle of 1,000 services", status: 1, "dependency cycle: s0 → s1") {
            "services:\n" + (0..<1000).map { "  s\($0): {image: x, depends_on: [s\(($0 + 1) % 1000)]}\n" }.joined()
        },
    ]

    @Test(arguments: cases)
    func hostileInputEndsQuicklyWithTheDesignedOutcome(_ testCase: Case) throws {
        let folder = try TemporaryDirectory()
        let path = folder.path("input.yaml")
        try Data(testCase.bytes()).write(to: URL(fileURLWithPath: path))
        let release = ProcessInfo.processInfo.environment["STACKC_RELEASE_BINARY"]
        let bound = (release == nil ? 3.0 : 1.0) * testCase.timeScale
        let started = Date()
        let run = try runStackc(["lint", path], binary: release.map(URL.init(fileURLWithPath:)), measuringPeakMemory: true)
        let elapsed = Date().timeIntervalSince(started)
        #expect(run.status == testCase.status, "\(run.stdout.prefix(500)) \(run.stderr.prefix(300))")
        #expect(run.stdout.contains(testCase.message), "\(run.stdout.prefix(500))")
        #expect(run.stdout.utf8.count < 2_000_000, "output stays bounded")
        #expect(!(run.stdout + run.stderr).contains("\u{1B}"), "no escape sequence from the input reaches the terminal")
        guard ProcessInfo.processInfo.environment["STACKC_SANITIZER"] != "address" else { return }
        #expect(elapsed < bound, "took \(elapsed) s")
        #expect(run.peakResidentKilobytes > 0 && run.peakResidentKilobytes < 128 * 1024,
                "peak RSS: \(run.peakResidentKilobytes) KB")
    }
}

extension HostileInputTests.Case {
    /// The same case with raw bytes instead of text.
    func withBytes(_ bytes: @escaping @Sendable () -> [UInt8]) -> Self {
        Self(name, status: status, message, bytes: bytes)
    }
}
