import Foundation
import Testing
import TestSupport

/// `submit --cluster-id`: the endpoint and certificates come from the emulator's OpenAPI, which checks
/// the signature with its own Python implementation of ALIYUN.md §1 (never stackc's code).
@Suite struct ClusterIDSubmitTests {
    private let accessKey = ["ALIBABA_CLOUD_ACCESS_KEY_ID": "test-key-id", "ALIBABA_CLOUD_ACCESS_KEY_SECRET": "test-key-secret"]

    private func submit(_ emulator: Emulator, cluster: String = "c-test", environment: [String: String], _ extra: [String] = []) throws -> StackcRun {
        try stackc(["submit", try composeTemplate(), "--target", "aliyun-project", "--name", "shop", "--cluster-id", cluster,
                    "--openapi", emulator.apiURL, "--openapi-ca", emulator.certificates + "/ca.pem", "--region", "cn-beijing"] + extra,
                   environment: environment)
    }

    @Test func findsTheClusterThroughTheSignedOpenAPIAndSubmits() throws {
        let emulator = try Emulator()
        let run = try submit(emulator, environment: accessKey, ["--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains(#""action":"created""#))
        let sequence = try emulator.requests().map { "\($0.method) \($0.path)" }
        #expect(sequence == ["GET /clusters/c-test", "GET /clusters/c-test/certs", "GET /projects/shop", "POST /projects/"])
        let (cluster, certs) = (try emulator.requests()[0], try emulator.requests()[1])
        #expect(cluster.headers["Authorization"]?.hasPrefix("acs test-key-id:") == true)
        #expect(cluster.headers["x-acs-region-id"] == "cn-beijing")
        #expect(cluster.headers["x-acs-signature-nonce"] != certs.headers["x-acs-signature-nonce"])
    }

    @Test func aBadSignatureIsReportedWithTheStackcSignCommandThatReproducesIt() throws {
        let emulator = try Emulator()
        var wrong = accessKey
        wrong["ALIBABA_CLOUD_ACCESS_KEY_SECRET"] = "not-the-secret"
        let run = try submit(emulator, environment: wrong)
        #expect(run.status == 1)
        #expect(run.stderr.contains("HTTP 403: The request signature does not conform to Aliyun standards."))
        // The hint, run with the same key, gives exactly the Authorization the server received.
        let hint = try #require(run.stderr.components(separatedBy: "to compare signatures run: stackc ").last?.components(separatedBy: " (HTTP 403").first)
        let arguments = try #require(try runTestPython(["-c", "import shlex, sys, json; print(json.dumps(shlex.split(sys.argv[1])))", hint]).output.data(using: .utf8))
        let words = try #require(try JSONSerialization.jsonObject(with: arguments) as? [String])
        let sign = try stackc(words + ["--format", "json"], environment: wrong)
        #expect(sign.status == 0, "\(sign.stderr)")
        let received = try #require(try emulator.requests().first?.headers["Authorization"])
        #expect(sign.stdout.contains(#""authorization": "\#(received)""#))
    }

    @Test func anUnknownClusterExitsOne() throws {
        let emulator = try Emulator()
        let run = try submit(emulator, cluster: "c-missing", environment: accessKey)
        #expect(run.status == 1)
        #expect(run.stderr.contains("HTTP 404: cluster c-missing not found"))
    }

    /// The OpenAPI's CA has a flag of its own, and the TLS error names it.
    @Test func anUntrustedOpenAPIIsExplainedWithItsCAFlag() throws {
        let emulator = try Emulator()
        let run = try stackc(["submit", try composeTemplate(), "--target", "aliyun-project", "--name", "shop", "--cluster-id", "c-test",
                              "--openapi", emulator.apiURL, "--openapi-ca", emulator.certificates + "/other-ca.pem"], environment: accessKey)
        #expect(run.status == 1, "\(run.stderr)")
        #expect(run.stderr.contains("TLS: the certificate of \(emulator.apiURL) is not trusted by the CA in \(emulator.certificates)/other-ca.pem"), "\(run.stderr)")
        #expect(run.stderr.contains("give the CA that signed it with --openapi-ca FILE"), "\(run.stderr)")
        #expect(!run.stderr.contains("retrying"))
        #expect(try emulator.requests().isEmpty)
    }

    @Test func missingAccessKeyIsAUsageError() throws {
        let emulator = try Emulator()
        let run = try submit(emulator, environment: [:])
        #expect(run.status == 2)
        #expect(run.stderr.contains("ALIBABA_CLOUD_ACCESS_KEY_SECRET"))
        #expect(try emulator.requests().isEmpty)
    }
}
