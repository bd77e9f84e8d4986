import Foundation
import Testing
import TestSupport
@testable import Submit

/// TLS failures explained from what the TLS layer said, against the emulator over real HTTPS with
/// certificates made by openssl, pinned to TLS 1.2 and to TLS 1.3. Each case runs ten times: with TLS 1.3
/// the server's refusal races its close, and every run must still say the same thing, make one attempt
/// (retries are on) and give the same exit status.
@Suite struct TLSFailureTests {
    /// Ten sessions, each sending one GET with three retries allowed: every one must fail after exactly one
    /// attempt with a message containing each of `expected`.
    private func expectFailure(_ url: String, _ tls: TLSOptions, kind: TransportError.Kind, exitCode: Int32, saying expected: [String]) {
        for run in 1...10 {
            let client = HTTPClient(tls: tls, connectTimeout: 5, totalTimeout: 10)
            let session = Session(options: SessionOptions(endpoint: url, client: client, retry: RetryPolicy(retries: 3, baseDelay: 0.001, maxDelay: 0.001)))
            guard case .failure(let failure) = session.send("GET", "/projects/shop") else {
                Issue.record("run \(run): the request succeeded")
                continue
            }
            #expect(session.attempts == 1, "run \(run): \(failure.message)")
            #expect(failure.exitCode == exitCode, "run \(run): \(failure.message)")
            for text in expected {
                #expect(failure.message.contains(text), "run \(run): \(failure.message)")
            }
            if case .failure(let error) = client.send(HTTPRequest(method: "GET", url: url + "/projects/shop")) {
                #expect(error.kind == kind && !error.isTransient, "run \(run): \(error.message)")
            }
        }
    }

    @Test(arguments: ["1.2", "1.3"])
    func missingClientCertificateIsNamedWithTheFlagsThatGiveOne(version: String) throws {
        let emulator = try Emulator(arguments: ["--tls-version", version])
        expectFailure(emulator.clusterURL, TLSOptions(caFile: emulator.certificates + "/ca.pem"), kind: .clientCertificate, exitCode: 1, saying: [
            "TLS: \(emulator.clusterURL) requires a client certificate and none was given (",
            "); pass --cert-dir DIR with cert.pem and key.pem, or --cert FILE --key FILE",
        ])
    }

    @Test(arguments: ["1.2", "1.3"])
    func clientCertificateFromAnotherCAIsRefusedByTheServer(version: String) throws {
        let emulator = try Emulator(arguments: ["--tls-version", version])
        let certs = emulator.certificates
        let tls = TLSOptions(caFile: certs + "/ca.pem", clientCertificate: certs + "/other-cert.pem", clientKey: certs + "/other-key.pem")
        expectFailure(emulator.clusterURL, tls, kind: .clientCertificate, exitCode: 1, saying: [
            "TLS: \(emulator.clusterURL) refused the client certificate \(certs)/other-cert.pem (",
            "): the server does not trust your client certificate's CA; use a certificate signed by a CA it trusts",
        ])
    }

    @Test(arguments: ["1.2", "1.3"])
    func serverCertificateFromAnUnknownCANamesTheCAFlag(version: String) throws {
        let emulator = try Emulator(arguments: ["--tls-version", version])
        let certs = emulator.certificates
        expectFailure(emulator.apiURL, TLSOptions(caFile: certs + "/other-ca.pem"), kind: .serverCertificate, exitCode: 1, saying: [
            "TLS: the certificate of \(emulator.apiURL) is not trusted by the CA in \(certs)/other-ca.pem "
                + "(issued by \"stackc test cluster CA\": unable to get local issuer certificate); give the CA that signed it with --ca FILE or --cert-dir DIR",
        ])
        // The signed OpenAPI's CA has a flag of its own.
        expectFailure(emulator.apiURL, TLSOptions(caFile: certs + "/other-ca.pem", caFlag: "--openapi-ca FILE"), kind: .serverCertificate, exitCode: 1,
                      saying: ["; give the CA that signed it with --openapi-ca FILE"])
    }

    @Test(arguments: ["1.2", "1.3"])
    func hostNameMismatchListsTheNamesInTheCertificate(version: String) throws {
        let emulator = try Emulator(arguments: ["--tls-version", version, "--server-cert", "other-host-server"])
        expectFailure(emulator.apiURL, TLSOptions(caFile: emulator.certificates + "/ca.pem"), kind: .serverCertificate, exitCode: 1, saying: [
            "TLS: the certificate of \(emulator.apiURL) is for other.example, www.other.example, not 127.0.0.1; "
                + "use one of those names in the URL, or the server needs a certificate for 127.0.0.1",
        ])
    }

    @Test(arguments: ["1.2", "1.3"])
    func expiredServerCertificateGivesItsDate(version: String) throws {
        let emulator = try Emulator(arguments: ["--tls-version", version, "--server-cert", "expired-server"])
        expectFailure(emulator.apiURL, TLSOptions(caFile: emulator.certificates + "/ca.pem"), kind: .serverCertificate, exitCode: 1, saying: [
            "TLS: the certificate of \(emulator.apiURL) expired on 2020-01-02 00:00:00 UTC (this machine's clock says 20",
            "); the server needs a renewed certificate",
        ])
    }

    @Test(arguments: ["1.2", "1.3"])
    func notYetValidServerCertificateGivesItsDate(version: String) throws {
        let emulator = try Emulator(arguments: ["--tls-version", version, "--server-cert", "future-server"])
        expectFailure(emulator.apiURL, TLSOptions(caFile: emulator.certificates + "/ca.pem"), kind: .serverCertificate, exitCode: 1, saying: [
            "TLS: the certificate of \(emulator.apiURL) is not valid before 2090-01-01 00:00:00 UTC (this machine's clock says 20",
            "); check this machine's clock",
        ])
    }

    /// A server presenting its CA's own certificate: self-signed, trusted only if given itself.
    @Test func selfSignedServerCertificateAsksForItself() throws {
        let emulator = try Emulator(arguments: ["--server-cert", "ca"])
        let certs = emulator.certificates
        expectFailure(emulator.apiURL, TLSOptions(caFile: certs + "/other-ca.pem"), kind: .serverCertificate, exitCode: 1, saying: [
            "TLS: the certificate of \(emulator.apiURL) is not trusted by the CA in \(certs)/other-ca.pem: it is self-signed (\"stackc test cluster CA\"); "
                + "give that certificate itself with --ca FILE or --cert-dir DIR",
        ])
    }

    /// With a libcurl built on GnuTLS nothing can be recorded: the message is libcurl's own account and says
    /// so. (`libcurl.so.4` in a folder on LD_LIBRARY_PATH is the GnuTLS build, which stackc then opens.)
    @Test func anotherTLSBackendFallsBackToLibcurlsAccount() throws {
        let folders = (try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib")) ?? []
        let gnutls = try #require(folders.map { "/usr/lib/\($0)/libcurl-gnutls.so.4" }.first { FileManager.default.fileExists(atPath: $0) },
                                  "libcurl3-gnutls is missing (scripts/install-test-tools.sh installs it)")
        let library = try TemporaryDirectory()
        try FileManager.default.createSymbolicLink(atPath: library.path + "/libcurl.so.4", withDestinationPath: gnutls)
        let emulator = try Emulator()
        let certs = emulator.certificates
        let run = try stackc(["submit", try composeTemplate(), "--target", "aliyun-project", "--name", "shop", "--endpoint", emulator.apiURL,
                              "--ca", certs + "/other-ca.pem"], environment: ["LD_LIBRARY_PATH": library.path])
        #expect(run.status == 1, "\(run.stderr)")
        #expect(run.stderr.contains("TLS: the certificate of \(emulator.apiURL) is not trusted by the CA in \(certs)/other-ca.pem ("), "\(run.stderr)")
        #expect(run.stderr.contains(" (libcurl uses GnuTLS/"), "\(run.stderr)")
        #expect(run.stderr.contains("; stackc reads TLS alerts only from OpenSSL); give the CA that signed it with --ca FILE or --cert-dir DIR"))
    }

    /// The right certificates still work on both versions, so the failures above are the certificates' doing.
    @Test(arguments: ["1.2", "1.3"])
    func theRightCertificatesAreAccepted(version: String) throws {
        let emulator = try Emulator(arguments: ["--tls-version", version])
        let certs = emulator.certificates
        let tls = TLSOptions(caFile: certs + "/ca.pem", clientCertificate: certs + "/cert.pem", clientKey: certs + "/key.pem")
        let answer = HTTPClient(tls: tls).send(HTTPRequest(method: "GET", url: emulator.clusterURL + "/projects/shop"))
        #expect(answer.map(\.status) == .success(404))
    }
}

/// What the emulator cannot provoke (libcurl offers both versions; OpenSSL's own server sends no
/// unrecognized_name), from reports as `tls_observer.h` fills them.
@Suite struct TLSReportMessageTests {
    private func message(_ report: TLSReport, verificationFailed: Bool = false, brokeBeforeAnswer: Bool = true) -> String? {
        let tls = TLSOptions(caFile: "/certs/ca.pem", clientCertificate: "/certs/cert.pem", clientKey: "/certs/key.pem")
        return TLSFailure(report: report, tls: tls, url: "https://deploy.example:8443/projects", verificationFailed: verificationFailed,
                          brokeBeforeAnswer: brokeBeforeAnswer, now: 1_796_613_600).error?.message
    }

    @Test func alertsNameWhatTheServerObjectsTo() {
        #expect(message(TLSReport(alert: 70))?.hasPrefix("TLS: https://deploy.example:8443 and stackc (") == true)
        #expect(message(TLSReport(alert: 70))?.hasSuffix(") have no TLS version or cipher in common (alert protocol_version); the server must offer TLS 1.2 or 1.3 with a current cipher") == true)
        #expect(message(TLSReport(alert: 112)) == "TLS: https://deploy.example:8443 does not serve the name deploy.example (alert unrecognized_name); check the host in the URL")
        #expect(message(TLSReport(alert: 45, certificateRequested: true, certificateSent: true))
                == "TLS: https://deploy.example:8443 refused the client certificate /certs/cert.pem (alert certificate_expired): it has expired; renew it")
        #expect(message(TLSReport(alert: 80)) == "TLS: https://deploy.example:8443 ended the handshake (alert internal_error)")
    }

    @Test func anExpiredIssuerIsNamed() {
        let issuer = TLSReport.Certificate(commonName: "Deploy Intermediate", issuer: "Deploy Root", names: [], notBefore: "2020-01-01 00:00:00 UTC",
                                           notAfter: "2026-01-01 00:00:00 UTC")
        let report = TLSReport(verifyError: 10, verifyText: "certificate has expired", verifyDepth: 1, failing: issuer)
        #expect(message(report, verificationFailed: true)
                == "TLS: the certificate of https://deploy.example:8443 is signed by \"Deploy Intermediate\", whose certificate expired on 2026-01-01 00:00:00 UTC (this machine's clock says 2026-12-07 03:20:00 UTC); the server needs a renewed certificate")
    }

    /// A broken connection is a refused certificate only with TLS 1.3, after a certificate request, before any
    /// answer or session ticket; a verification error OpenSSL noted under --insecure decides nothing.
    @Test func aBrokenConnectionIsARefusalOnlyWhenTheTLSLayerSaysSo() {
        #expect(message(TLSReport(verifyError: 10), verificationFailed: false, brokeBeforeAnswer: true) == nil)
        #expect(message(TLSReport(certificateRequested: true, tls13: true), brokeBeforeAnswer: false) == nil)
        #expect(message(TLSReport(certificateRequested: true, ticketReceived: true, tls13: true)) == nil)
        #expect(message(TLSReport(certificateRequested: true, tls13: false)) == nil)
        #expect(message(TLSReport(certificateRequested: true, tls13: true))?.contains("requires a client certificate and none was given (it asked for one and closed the connection without an answer)") == true)
    }
}
