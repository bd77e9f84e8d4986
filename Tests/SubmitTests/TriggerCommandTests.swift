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

    /// Plain http:// is allowed on request (test clusters) but said out loud, without the query that holds the secret.
    @Test func plainHTTPIsWarnedAbout() throws {
        let run = try stackc(["trigger", "http://127.0.0.1:1/hook/trigger?triggerUrl=t&secret=plain-secret", "--allow-http", "--connect-timeout", "1", "--retries", "0"])
        #expect(run.stderr.contains("stackc: warning: http://127.0.0.1:1 is plain http://: the trigger's secret will travel unencrypted; use https://"), "\(run.stderr)")
        #expect(!run.stderr.contains("plain-secret"))
        #expect(run.status == 3)
    }

    /// A step outside the documented 1–100 is a finding about the flag (exit 1), and nothing is sent.
    @Test(arguments: ["0", "101", "two"])
    func stepOutsideOneToHundredIsAFinding(step: String) throws {
        let emulator = try Emulator()
        let run = try trigger(emulator, ["--type", "scale_in", "--step", step])
        #expect(run.status == 1)
        #expect(run.stderr.hasPrefix("<command line>: error: --step is "), "\(run.stderr)")
        #expect(run.stderr.contains("[scale-bounds]"))
        #expect(try emulator.requests().isEmpty)
    }

    /// type and step written in the URL are held to the same rules as the flags, and never sent unchecked.
    @Test func valuesInTheURLAreChecked() throws {
        let emulator = try Emulator()
        let run = try stackc(["trigger", "\(emulator.apiURL)/hook/trigger?triggerUrl=tok-123&secret=trigger-secret&type=bogus&step=500",
                              "--ca", emulator.certificates + "/ca.pem"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("<command line>: error: type in the trigger URL is 'bogus'; use one of 'scale_out', 'scale_in' [type-mismatch]"))
        #expect(run.stderr.contains("<command line>: error: step in the trigger URL is 500; use a whole number from 1 to 100 [scale-bounds]"))
        #expect(!run.stderr.contains("trigger-secret"))
        #expect(try emulator.requests().isEmpty)
    }

    /// A scaling trigger written whole in the URL works, and the same value given again by a flag is sent once.
    @Test func valuesInTheURLAndTheSameFlagsAreSentOnce() throws {
        let emulator = try Emulator()
        let url = "\(emulator.apiURL)/hook/trigger?triggerUrl=tok-123&type=scale_out&secret=trigger-secret&step=2"
        let fromURL = try stackc(["trigger", url, "--ca", emulator.certificates + "/ca.pem"])
        #expect(fromURL.status == 0, "\(fromURL.stderr)")
        let both = try stackc(["trigger", url, "--type", "scale_out", "--step", "2", "--ca", emulator.certificates + "/ca.pem"])
        #expect(both.status == 0, "\(both.stderr)")
        let queries = try emulator.requests().map(\.query)
        #expect(queries == Array(repeating: "triggerUrl=tok-123&secret=trigger-secret&type=scale_out&step=2", count: 2))
    }

    /// Two different values for one parameter are refused rather than both sent.
    @Test func conflictingValuesAreRefused() throws {
        let emulator = try Emulator()
        let run = try stackc(["trigger", "\(emulator.apiURL)/hook/trigger?triggerUrl=tok-123&secret=trigger-secret&type=scale_in&step=2",
                              "--type", "scale_out", "--step", "2", "--ca", emulator.certificates + "/ca.pem"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("<command line>: error: the trigger's type is given more than once (--type scale_out, type=scale_in in the URL); give it once [duplicate-key]"))
        #expect(try emulator.requests().isEmpty)
    }

    @Test func typeWithoutStepIsAFinding() throws {
        let emulator = try Emulator()
        let run = try trigger(emulator, ["--type", "scale_out"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("<command line>: error: a scaling trigger needs both type and step: pass --step as well [missing-field]"))
    }
}
