import Testing
import TestSupport

/// No credential over plain HTTP unless `--allow-http` says so: the token and the template, the signed
/// OpenAPI calls (whose answer holds the cluster's private key), a trigger's secret, a cluster's
/// `master_url`. Refused before anything is sent (exit 2), naming the flag; allowed, with a warning.
@Suite struct PlainHTTPTests {
    private let accessKey = ["ALIBABA_CLOUD_ACCESS_KEY_ID": "test-key-id", "ALIBABA_CLOUD_ACCESS_KEY_SECRET": "test-key-secret"]

    private func expectRefused(_ run: StackcRun, _ role: String) {
        #expect(run.status == 2, "\(run.stderr)")
        #expect(run.stderr.contains("\(role) http://127.0.0.1:"), "\(run.stderr)")
        #expect(run.stderr.contains("is plain http://"))
        #expect(run.stderr.contains("pass --allow-http to send it anyway"))
    }

    @Test func anEndpointWithATokenIsRefused() throws {
        let emulator = try Emulator()
        let arguments = ["submit", sample("configmap/valid.yaml"), "--target", "v2-configmap", "--project", "team",
                         "--endpoint", "http://127.0.0.1:\(emulator.tlsPort)", "--retries", "0"]
        let refused = try stackc(arguments, environment: ["STACKC_TOKEN": "test-token"])
        expectRefused(refused, "--endpoint")
        // Allowed: said out loud, and sent (to a TLS port, which cannot answer plain HTTP).
        let allowed = try stackc(arguments + ["--allow-http"], environment: ["STACKC_TOKEN": "test-token"])
        #expect(allowed.stderr.contains("stackc: warning: http://127.0.0.1:\(emulator.tlsPort) is plain http://: the template, its variable values and the credentials will travel unencrypted; use https://"), "\(allowed.stderr)")
        #expect(allowed.status == 3, "\(allowed.stderr)")
        #expect(!refused.stderr.contains("test-token") && !allowed.stderr.contains("test-token"))
    }

    @Test func aClusterEndpointIsRefused() throws {
        let emulator = try Emulator()
        let run = try stackc(["submit", try composeTemplate(), "--target", "aliyun-project", "--name", "shop",
                              "--endpoint", "http://127.0.0.1:\(emulator.mutualTLSPort)", "--cert-dir", emulator.certificates])
        expectRefused(run, "--endpoint")
        #expect(try emulator.requests().isEmpty)
    }

    @Test func anOpenAPIOverHTTPIsRefused() throws {
        let emulator = try Emulator()
        let run = try stackc(["submit", try composeTemplate(), "--target", "aliyun-project", "--name", "shop", "--cluster-id", "c-test",
                              "--openapi", "http://127.0.0.1:\(emulator.tlsPort)"], environment: accessKey)
        expectRefused(run, "--openapi")
        #expect(run.stderr.contains("the signed requests and, in the answers, the cluster's private key would travel unencrypted"))
        #expect(try emulator.requests().isEmpty)
    }

    @Test func aTriggerURLOverHTTPIsRefused() throws {
        try expectTriggerRefused("http://127.0.0.1:1/hook/trigger?triggerUrl=t&secret=plain-secret", saying:
            "stackc: the trigger URL http://127.0.0.1:1 is plain http://: the trigger's secret would travel unencrypted; use https://, or pass --allow-http",
                                 hiding: "plain-secret")
    }

    /// The OpenAPI names an http:// master_url: refused unless allowed, and never made `https://http://…`.
    @Test func anHTTPMasterURLIsRefusedUnlessAllowed() throws {
        let emulator = try Emulator(arguments: ["--master-url-form", "http"])
        let arguments = ["submit", try composeTemplate(), "--target", "aliyun-project", "--name", "shop", "--cluster-id", "c-test",
                         "--openapi", emulator.apiURL, "--openapi-ca", emulator.certificates + "/ca.pem", "--retries", "0"]
        let refused = try stackc(arguments, environment: accessKey)
        expectRefused(refused, "the master_url of cluster c-test")
        #expect(try emulator.requests().map { "\($0.method) \($0.path)" } == ["GET /clusters/c-test"], "no certificates fetched, nothing sent to the cluster")
        let allowed = try stackc(arguments + ["--allow-http"], environment: accessKey)
        #expect(allowed.stderr.contains("stackc: warning: http://127.0.0.1:\(emulator.mutualTLSPort) is plain http://"), "\(allowed.stderr)")
        #expect(!allowed.stderr.contains("https://http"))
        #expect(allowed.status == 3)
    }

    /// A master_url without scheme means https.
    @Test func aMasterURLWithoutSchemeIsHTTPS() throws {
        let emulator = try Emulator(arguments: ["--master-url-form", "bare"])
        let run = try stackc(["submit", try composeTemplate(), "--target", "aliyun-project", "--name", "shop", "--cluster-id", "c-test",
                              "--openapi", emulator.apiURL, "--openapi-ca", emulator.certificates + "/ca.pem"], environment: accessKey)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try emulator.requests().suffix(2).map { "\($0.method) \($0.path)" } == ["GET /projects/shop", "POST /projects/"])
    }
}
