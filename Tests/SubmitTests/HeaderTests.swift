import Testing
import TestSupport

/// Headers built from the command line and the environment: a line break could add a header of its own,
/// so it is refused wherever the value comes from (as `sign` refuses it), and a usage error about a
/// header never shows it, since headers carry credentials.
@Suite struct HeaderTests {
    private func submitConfigMap(_ emulator: Emulator, _ extra: [String], token: String = "test-token") throws -> StackcRun {
        try stackc(["submit", sample("configmap/valid.yaml"), "--target", "v2-configmap", "--project", "team"] + emulator.apiArguments + extra,
                   environment: ["STACKC_TOKEN": token])
    }

    /// (A NUL, refused too, cannot be passed in a command line; `RequestArgumentsTests` covers it.)
    @Test(arguments: ["X-Trace: 1\r\nX-Injected: 1", "X-Trace: 1\nX-Injected: 1", "X-Trace: 1\rX-Injected: 1"])
    func aLineBreakInAHeaderIsRefused(header: String) throws {
        let emulator = try Emulator()
        let run = try submitConfigMap(emulator, ["--header", header])
        #expect(run.status == 2)
        #expect(run.stderr.contains("header 'X-Trace' contains a line break or NUL, which cannot be sent in a header"), "\(run.stderr)")
        #expect(try emulator.requests().isEmpty)
    }

    @Test func aLineBreakInTheTokenIsRefusedWithoutShowingIt() throws {
        let emulator = try Emulator()
        let run = try submitConfigMap(emulator, [], token: "tok-secret-123\r\nX-Injected: 1")
        #expect(run.status == 2)
        #expect(run.stderr.contains("the token (STACKC_TOKEN): header 'Authorization' contains a line break or NUL"), "\(run.stderr)")
        #expect(!run.stderr.contains("tok-secret-123"))
        #expect(try emulator.requests().isEmpty)
    }

    /// The usual mistake, a missing colon, puts the whole credential in the argument.
    @Test(arguments: ["Authorization Bearer tok-secret-123", "Bearer tok-secret-123: x"])
    func aMalformedHeaderIsNotEchoed(header: String) throws {
        let emulator = try Emulator()
        let run = try submitConfigMap(emulator, ["--header", header])
        #expect(run.status == 2)
        #expect(run.stderr.contains("--header"), "\(run.stderr)")
        #expect(run.stderr.contains("the header is not shown: it may hold a credential"))
        #expect(!run.stderr.contains("tok-secret-123"))
    }

    @Test func aTriggerURLWithALineBreakIsRefused() throws {
        try expectTriggerRefused("https://127.0.0.1:1/hook/trigger?secret=s3cret-value\r\nX-Injected: 1",
                                 saying: "the trigger URL has a space or control character at character", hiding: "s3cret-value")
    }

    @Test func headersAreSentAsGiven() throws {
        let emulator = try Emulator()
        let run = try submitConfigMap(emulator, ["--header", "X-Trace:  a:b"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try emulator.requests().first?.headers["X-Trace"] == "a:b")
    }
}
