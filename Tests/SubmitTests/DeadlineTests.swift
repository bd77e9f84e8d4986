import Foundation
import Glibc
import Model
import Submit
import Testing

/// `--timeout` bounds the whole command — connections, requests, retries, back-off, `Retry-After` and
/// `--wait` polling — and is reported truthfully when reached (issue 19, items 4 and 7). Each command
/// must end within its timeout and this slack.
@Suite struct DeadlineTests {
    private let slack = 1.5

    private func submitProject(_ emulator: Emulator, timeout: Double, _ configure: (inout SubmitOptions) -> Void = { _ in }) throws -> FlowRun {
        let template = try composeTemplate()
        return submitFlow(template, .aliyunProject, [.name: "shop"]) { options in
            emulator.cluster(&options)
            options.access.connection.timeout = timeout
            configure(&options)
        }
    }

    private func expectTimedOut(_ run: FlowRun, after timeout: Double, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(run.status == 3, "\(run.stderr)", sourceLocation: sourceLocation)
        #expect(run.seconds < timeout + slack, "took \(run.seconds) s", sourceLocation: sourceLocation)
        let said = run.stdout + run.stderr
        #expect(said.contains("(--timeout \(timeout) s)") || said.contains("--timeout \(timeout) s leaves"), "\(said)", sourceLocation: sourceLocation)
    }

    @Test func aSlowServerIsCutOffAtTheTimeoutNotTheRequestTimeout() throws {
        let emulator = try Emulator(faults: #"[{"path": "/projects/", "kind": "slow", "seconds": 10, "times": -1}]"#)
        let run = try submitProject(emulator, timeout: 2)  // --request-timeout stays 60 s
        expectTimedOut(run, after: 2)
        #expect(run.seconds >= 1.9)
        #expect(run.stderr.contains("timed out after 2.0 s (--timeout 2.0 s) waiting for GET /projects/shop"), "\(run.stderr)")
    }

    @Test func aSilentServerDuringACreateSaysTheCreateMayHaveHappened() throws {
        let emulator = try Emulator(faults: #"[{"method": "POST", "path": "/v2/", "kind": "silent"}]"#)
        let run = submitFlow(sample("configmap/valid.yaml"), .v2ConfigMap, [.project: "team"], environment: ["STACKC_TOKEN": "test-token"]) { options in
            emulator.api(&options)
            options.access.connection.timeout = 1.5
        }
        expectTimedOut(run, after: 1.5)
        #expect(run.stderr.contains("POST /v2/configmaps/team may or may not have been carried out"), "\(run.stderr)")
    }

    /// A listening socket nobody accepts from: the kernel completes the TCP handshake, TLS never starts.
    /// Its URL; the socket closes when `body` returns.
    private func withSilentListener(_ body: (String) throws -> Void) throws {
        let listener = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(listener) }
        var address = sockaddr_in(sin_family: sa_family_t(AF_INET), sin_port: 0, sin_addr: in_addr(s_addr: UInt32(0x7F000001).bigEndian), sin_zero: (0, 0, 0, 0, 0, 0, 0, 0))
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.bind(listener, $0, length) } }
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &length) } }
        #expect(listen(listener, 8) == 0)
        try body("https://127.0.0.1:\(UInt16(bigEndian: address.sin_port))")
    }

    @Test func aServerThatAcceptsButNeverSpeaksTLSIsCutOff() throws {
        try withSilentListener { url in
            let run = triggerFlow(url + "/hook/trigger?triggerUrl=t&secret=s") { $0.connection.timeout = 1.5 }  // --connect-timeout stays 10 s
            expectTimedOut(run, after: 1.5)
        }
    }

    @Test func aConnectTimeoutWithinTheDeadlineIsRetriedNotTakenForIt() throws {
        // --connect-timeout 0.5 ends the first lookup with 2 s left: that is a retry, not the deadline.
        let template = try composeTemplate()
        try withSilentListener { url in
            let run = submitFlow(template, .aliyunProject, [.name: "shop"]) { options in
                options.access.endpoint = url
                (options.access.connection.timeout, options.access.connection.connectTimeout, options.access.connection.retries) = (2.5, 0.5, 1)
            }
            #expect(run.status == 3)
            #expect(run.seconds < 2.5 + slack, "took \(run.seconds) s")
            #expect(run.stderr.contains("did not answer in time"), "\(run.stderr)")
            #expect(run.stderr.contains("retrying in"), "\(run.stderr)")
            #expect(run.stderr.contains("(after 2 attempts)"), "\(run.stderr)")
        }
    }

    @Test func aRetryAfterLongerThanWhatIsLeftStopsAtOnce() throws {
        let emulator = try Emulator(faults: #"[{"method": "GET", "path": "/projects/", "status": 503, "retry_after": "30", "times": -1}]"#)
        let run = try submitProject(emulator, timeout: 3)
        expectTimedOut(run, after: 3)
        #expect(run.seconds < 1.5, "no sleeping towards a wait that cannot fit: \(run.seconds) s")
        // What is left is under 3 s, shown to a tenth: "2.9 s", or "3.0 s" when the answer came within 50 ms.
        #expect(run.stderr.range(of: #"GET /projects/shop: HTTP 503; the server asked to retry after 30\.0 s, but --timeout 3\.0 s leaves (2\.\d|3\.0) s"#,
                                 options: .regularExpression) != nil, "\(run.stderr)")
        #expect(try emulator.count("GET", "/projects/shop") == 1)
    }

    @Test func aBackOffLongerThanWhatIsLeftStopsAtOnce() throws {
        // The first back-off (0.25–0.5 s) fits in 0.8 s, the second (0.5–1 s) no longer does.
        let emulator = try Emulator(faults: #"[{"method": "GET", "path": "/projects/", "status": 502, "times": -1}]"#)
        let run = try submitProject(emulator, timeout: 0.8)
        expectTimedOut(run, after: 0.8)
        #expect(try emulator.count("GET", "/projects/shop") == 2)
        #expect(run.stderr.contains("the next attempt would start in"), "\(run.stderr)")
    }

    @Test func waitPollsUntilTheDeadlineNotJustPastTheLastInterval() throws {
        // --timeout 2, polls every 1.2 s: after the poll at 1.2 s the next one comes early, just before
        // the deadline, instead of giving up at 1.2 s because a whole interval no longer fits.
        let emulator = try Emulator(arguments: ["--polls-to-running", "100000"])
        let run = try submitProject(emulator, timeout: 2) { options in
            (options.wait, options.pollInterval, options.format) = (true, 1.2, .json)
        }
        expectTimedOut(run, after: 2)
        #expect(run.seconds >= 1.7, "gave up early, at \(run.seconds) s")
        #expect(try emulator.count("GET", "/projects/shop") >= 4)  // the lookup, then polls at 0, 1.2 and ~1.9 s
        #expect(run.stdout.contains("waiting for project shop to be running; last state: starting"), "\(run.stdout)")
        let elapsed = try #require(run.stdout.split(separator: ",").first { $0.hasPrefix(#""elapsedMs":"#) }.flatMap { Int($0.dropFirst(12)) })
        #expect(elapsed >= 1700 && elapsed <= Int((2 + slack) * 1000), "the real elapsed time: \(elapsed) ms")
    }

    @Test(arguments: [#"{"kind": "slow", "seconds": 30, "times": -1}"#, #"{"status": 503, "retry_after": "30", "times": -1}"#])
    func pollsThatHangOrSayComeBackLaterEndAtTheDeadline(fault: String) throws {
        // The lookup passes; every poll after the create hangs or answers 503 with Retry-After: 30.
        let poll = fault.replacingOccurrences(of: "{", with: #"{"method": "GET", "path": "/projects/shop", "#)
        let emulator = try Emulator(faults: #"[{"method": "GET", "path": "/projects/shop", "kind": "slow", "seconds": 0}, "# + poll + "]")
        let run = try submitProject(emulator, timeout: 2) { options in
            (options.wait, options.pollInterval) = (true, 0.5)
        }
        expectTimedOut(run, after: 2)
        #expect(run.stderr.contains("waiting for project shop to be running; last state: unknown"), "\(run.stderr)")
    }

    @Test func aTriggerStopsAtItsTimeout() throws {
        let emulator = try Emulator(faults: #"[{"path": "/hook/", "kind": "silent"}]"#)
        let run = triggerFlow("\(emulator.apiURL)/hook/trigger?triggerUrl=t&secret=trigger-secret") { job in
            job.connection.ca = emulator.certificates + "/ca.pem"
            job.connection.timeout = 1
        }
        expectTimedOut(run, after: 1)
        #expect(!run.stderr.contains("trigger-secret"))
    }
}
