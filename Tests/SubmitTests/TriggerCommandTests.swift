import Testing
import TestSupport

/// `stackc trigger` against the emulator's trigger endpoint.
@Suite struct TriggerCommandTests {
    private func trigger(_ emulator: Emulator, secret: String = "trigger-secret", _ extra: [String] = []) throws -> StackcRun {
        try stackc(["trigger", "\(emulator.apiURL)/hook/trigger?triggerUrl=tok-123&secret=\(secret)", "--ca", emulator.certificates + "/ca.pem"] + extra)
    }

    @Test func redeployTrigger() throws {
        let emulator = try Emulator()
        let run = try trigger(emulator)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("triggered trigger \(emulator.apiURL)/hook/trigger?triggerUrl=<redacted>&secret=<redacted>: redeploy"))
    }

    @Test func scalingTriggerAddsTypeAndStep() throws {
        let emulator = try Emulator()
        let run = try trigger(emulator, ["--type", "scale_out", "--step", "3", "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try emulator.requests().first?.query == "triggerUrl=tok-123&secret=trigger-secret&type=scale_out&step=3")
        #expect(run.stdout.contains(#""action":"triggered""#))
    }

    @Test func aWrongSecretIsRefusedWithExitOne() throws {
        let emulator = try Emulator()
        let run = try trigger(emulator, secret: "wrong-secret-value")
        #expect(run.status == 1)
        #expect(run.stderr.contains("HTTP 403: trigger secret does not match"))
        #expect(!run.stderr.contains("wrong-secret-value"))
    }

    /// Plain http:// is allowed (test clusters) but said out loud, without the query that holds the secret.
    @Test func plainHTTPIsWarnedAbout() throws {
        let run = try stackc(["trigger", "http://127.0.0.1:1/hook/trigger?triggerUrl=t&secret=plain-secret", "--connect-timeout", "1", "--retries", "0"])
        #expect(run.stderr.contains("stackc: warning: http://127.0.0.1:1 is plain http://: the template, its credentials and signature travel unencrypted; use https://"), "\(run.stderr)")
        #expect(!run.stderr.contains("plain-secret"))
        #expect(run.status == 3)
    }

    @Test(arguments: ["0", "101"])
    func stepOutsideOneToHundredIsAUsageError(step: String) throws {
        let run = try stackc(["trigger", "https://127.0.0.1:1/hook/trigger?secret=x", "--type", "scale_in", "--step", step])
        #expect(run.status == 2)
        #expect(run.stderr.contains("--step must be 1–100"))
    }
}
