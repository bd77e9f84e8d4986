import Foundation
import Glibc
import Testing
import TestSupport

/// TLS, connection and server failures: each a clear message and the right exit status, and retries
/// that never create twice.
@Suite struct TransportFailureTests {
    private func submit(_ emulator: Emulator, _ extra: [String], connection: [String]? = nil) throws -> StackcRun {
        let template = try composeTemplate()
        return try stackc(["submit", template, "--target", "aliyun-project", "--name", "shop"] + (connection ?? emulator.clusterArguments) + extra)
    }

    /// `--endpoint` of the cluster with the named files of the certificate folder.
    private func files(_ emulator: Emulator, ca: String, cert: String, key: String) -> [String] {
        let certs = emulator.certificates
        return ["--endpoint", emulator.clusterURL, "--ca", "\(certs)/\(ca)", "--cert", "\(certs)/\(cert)", "--key", "\(certs)/\(key)"]
    }

    /// TLS refusals are the user's to fix (exit 1) and are not retried (TLSFailureTests has every case, in process).
    @Test func wrongCAIsAClearTLSError() throws {
        let emulator = try Emulator()
        let certs = emulator.certificates
        let run = try submit(emulator, [], connection: files(emulator, ca: "other-ca.pem", cert: "cert.pem", key: "key.pem"))
        #expect(run.status == 1)
        #expect(run.stderr.contains("TLS: the certificate of \(emulator.clusterURL) is not trusted by the CA in \(certs)/other-ca.pem"))
        #expect(!run.stderr.contains("retrying"))
        #expect(try emulator.requests().isEmpty)
    }

    @Test func insecureSkipsVerificationAndWarns() throws {
        let emulator = try Emulator()
        let certs = emulator.certificates
        let run = try submit(emulator, [], connection: ["--endpoint", emulator.clusterURL, "--insecure", "--cert", certs + "/cert.pem", "--key", certs + "/key.pem"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("warning: --insecure"))
    }

    @Test func missingClientCertificateIsAClearError() throws {
        let emulator = try Emulator()
        let run = try submit(emulator, [], connection: ["--endpoint", emulator.clusterURL, "--ca", emulator.certificates + "/ca.pem"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("requires a client certificate and none was given"), "\(run.stderr)")
        #expect(run.stderr.contains("--cert-dir"))
        #expect(!run.stderr.contains("retrying"))
    }

    @Test func clientCertificateFromAnotherCAIsRefusedClearly() throws {
        let emulator = try Emulator()
        let certs = emulator.certificates
        let run = try submit(emulator, [], connection: files(emulator, ca: "ca.pem", cert: "other-cert.pem", key: "other-key.pem"))
        #expect(run.status == 1)
        #expect(run.stderr.contains("refused the client certificate \(certs)/other-cert.pem"), "\(run.stderr)")
        #expect(run.stderr.contains("the server does not trust your client certificate's CA"))
        #expect(!run.stderr.contains("retrying"))
    }

    /// A certificate, key or CA file the flags name that cannot be used is a usage error naming the file.
    @Test func unusableCertificateFilesAreNamed() throws {
        let emulator = try Emulator()
        let certs = emulator.certificates
        let cases: [(ca: String, cert: String, key: String, message: String)] = [
            ("ca.pem", "cert.pem", "missing-key.pem", "the client key \(certs)/missing-key.pem: cannot read: No such file or directory; pass --cert-dir DIR with cert.pem and key.pem, or --cert FILE --key FILE"),
            ("ca.pem", "missing-cert.pem", "key.pem", "the client certificate \(certs)/missing-cert.pem: cannot read: No such file or directory"),
            ("ca.pem", "cert.pem", "other-key.pem", "the client key \(certs)/other-key.pem does not belong to the client certificate \(certs)/cert.pem"),
            ("ca.pem", "key.pem", "key.pem", "the client certificate \(certs)/key.pem is not a PEM certificate"),
            ("ca.pem", "cert.pem", "cert.pem", "the client key \(certs)/cert.pem is not a PEM private key"),
            ("missing-ca.pem", "cert.pem", "key.pem", "the CA file \(certs)/missing-ca.pem: cannot read: No such file or directory; give the CA with --ca FILE or --cert-dir DIR"),
            ("key.pem", "cert.pem", "key.pem", "the CA file \(certs)/key.pem holds no PEM certificate"),
        ]
        for (ca, cert, key, message) in cases {
            let run = try submit(emulator, [], connection: files(emulator, ca: ca, cert: cert, key: key))
            #expect(run.status == 2, "\(run.stderr)")
            #expect(run.stderr.contains(message), "\(run.stderr)")
            #expect(!run.stderr.contains("retrying"))
        }
        #expect(try emulator.requests().isEmpty)
    }

    @Test func connectionRefusedExitsThree() throws {
        // A port that was free a moment ago: bind, read the number, close.
        let emulator = try Emulator()
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in(sin_family: sa_family_t(AF_INET), sin_port: 0, sin_addr: in_addr(s_addr: UInt32(0x7F000001).bigEndian), sin_zero: (0, 0, 0, 0, 0, 0, 0, 0))
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.bind(socket, $0, length) } }
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socket, $0, &length) } }
        close(socket)
        let port = Int(UInt16(bigEndian: address.sin_port))
        let run = try submit(emulator, ["--retries", "1"], connection: ["--endpoint", "https://127.0.0.1:\(port)", "--cert-dir", emulator.certificates])
        #expect(run.status == 3)
        #expect(run.stderr.contains("could not connect to https://127.0.0.1:\(port)"))
        #expect(run.stderr.contains("retrying in"))
    }

    @Test func retriesAfter503sWithoutADuplicateCreate() throws {
        let emulator = try Emulator(faults: #"[{"method": "POST", "path": "/projects/", "status": 503, "times": 2}]"#)
        let run = try submit(emulator, ["--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains(#""action":"created""#))
        // Three creates were sent, each retry only after a lookup answered 404; the server made one project.
        let sequence = try emulator.requests().map { "\($0.method) \($0.path)" }
        #expect(sequence == ["GET /projects/shop", "POST /projects/", "GET /projects/shop", "POST /projects/", "GET /projects/shop", "POST /projects/"])
    }

    @Test func aCreateThatWentThroughIsNotRepeated() throws {
        // The server creates the project but a gateway answers 504: the lookup finds it, no second create.
        let emulator = try Emulator(faults: #"[{"method": "POST", "path": "/projects/", "kind": "lost-answer", "status": 504}]"#)
        let run = try submit(emulator, ["--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains(#""action":"created""#))
        #expect(try emulator.count("POST", "/projects/") == 1)
    }

    @Test func aCreateThatWentThroughOnTheLastAttemptIsStillFound() throws {
        let emulator = try Emulator(faults: #"[{"method": "POST", "path": "/projects/", "kind": "lost-answer", "status": 504}]"#)
        let run = try submit(emulator, ["--retries", "0", "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains(#""action":"created""#))
        #expect(try emulator.requests().map { "\($0.method) \($0.path)" } == ["GET /projects/shop", "POST /projects/", "GET /projects/shop"])
    }

    @Test func keptFailingExitsThree() throws {
        let emulator = try Emulator(faults: #"[{"method": "GET", "path": "/projects/", "status": 502, "times": -1}]"#)
        let run = try submit(emulator, ["--retries", "2"])
        #expect(run.status == 3)
        #expect(run.stderr.contains("kept failing: HTTP 502 after 3 attempts"))
        #expect(try emulator.count("GET", "/projects/shop") == 3)
    }

    @Test func honoursRetryAfterOn429() throws {
        let emulator = try Emulator(faults: #"[{"method": "GET", "path": "/projects/", "status": 429, "retry_after": "2"}]"#)
        let run = try submit(emulator, ["--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("HTTP 429; retrying in 2.0 s"))
        let elapsed = try #require(run.stdout.split(separator: ",").first { $0.hasPrefix(#""elapsedMs":"#) }.flatMap { Int($0.dropFirst(12)) })
        #expect(elapsed >= 2000)
    }

    /// `--timeout` end to end, for `submit` and `trigger` alike (the deadline itself: DeadlineTests).
    @Test func theTimeoutFlagBoundsSubmitAndTrigger() throws {
        // A trigger is repeated only after a 429 (it is not idempotent), a lookup after a 503 too.
        let emulator = try Emulator(faults: #"[{"path": "/hook/", "status": 429, "retry_after": "30", "times": -1}, {"path": "/", "status": 503, "retry_after": "30", "times": -1}]"#)
        let submitted = try submit(emulator, ["--timeout", "2"])
        #expect(submitted.status == 3)
        #expect(submitted.stderr.contains("the server asked to retry after 30.0 s, but --timeout 2.0 s leaves"), "\(submitted.stderr)")
        let triggered = try stackc(["trigger", "\(emulator.apiURL)/hook/trigger?triggerUrl=t&secret=trigger-secret", "--ca", emulator.certificates + "/ca.pem",
                                    "--timeout", "2"])
        #expect(triggered.status == 3)
        #expect(triggered.stderr.contains("the server asked to retry after 30.0 s, but --timeout 2.0 s leaves"), "\(triggered.stderr)")
        let refused = try stackc(["trigger", "\(emulator.apiURL)/hook/trigger", "--timeout", "0"])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("--timeout, --connect-timeout and --request-timeout must be positive"))
    }

    @Test func connectionResetIsRetried() throws {
        let emulator = try Emulator(faults: #"[{"method": "GET", "path": "/projects/", "kind": "reset"}]"#)
        let run = try submit(emulator, [])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("the connection to \(emulator.clusterURL) broke"))
        #expect(try emulator.count("GET", "/projects/shop") == 2)
    }

    @Test func slowAnswerTimesOut() throws {
        let emulator = try Emulator(faults: #"[{"path": "/projects/", "kind": "slow", "seconds": 8, "times": -1}]"#)
        let run = try submit(emulator, ["--request-timeout", "1", "--retries", "0"])
        #expect(run.status == 3)
        #expect(run.stderr.contains("did not answer in time"))
    }

    @Test func oversizedAnswerIsCutOff() throws {
        let emulator = try Emulator(faults: #"[{"path": "/projects/", "kind": "huge", "bytes": 5000000}]"#)
        let run = try submit(emulator, ["--max-response-bytes", "100000"])
        #expect(run.status == 3)
        #expect(run.stderr.contains("exceeds 100000 bytes"))
    }

    /// A redirect is the user's to fix (exit 1, not "retry later"), with what to change for the command.
    @Test func redirectsAreNotFollowed() throws {
        let emulator = try Emulator(faults: #"[{"path": "/projects/", "status": 302, "location": "https://elsewhere.example/projects/shop?token=t0k3n-abc"}]"#)
        let run = try submit(emulator, [])
        #expect(run.status == 1)
        #expect(run.stderr.contains("the server redirects to https://elsewhere.example/projects/shop?token=<redacted>, and redirects are not followed (they could carry credentials elsewhere): give the final URL with --endpoint"), "\(run.stderr)")
        #expect(try emulator.requests().count == 1)
    }

    @Test func aRedirectedTriggerNamesNoEndpointFlag() throws {
        let emulator = try Emulator(faults: #"[{"path": "/hook/", "status": 301, "location": "https://elsewhere.example/hook/trigger"}]"#)
        let run = try stackc(["trigger", "\(emulator.apiURL)/hook/trigger?triggerUrl=t&secret=trigger-secret", "--ca", emulator.certificates + "/ca.pem"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("redirects are not followed (they could carry credentials elsewhere): call the trigger with the URL it redirects to, if that is the platform's"), "\(run.stderr)")
        #expect(!run.stderr.contains("--endpoint"))
        #expect(try emulator.requests().count == 1)
    }

    /// What a server says reaches a terminal or a CI log: escape sequences and line breaks are shown, not obeyed.
    @Test func serverTextIsSanitised() throws {
        let body = #"bad request\u001b]0;owned\u0007\u001b[2J\nstackc: created aliyun project shop"#
        let emulator = try Emulator(faults: #"[{"path": "/projects/", "status": 400, "body": "\#(body)"}]"#)
        let run = try submit(emulator, ["--verbose"])
        #expect(run.status == 1)
        #expect(!run.stderr.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{07}" })
        #expect(run.stderr.contains(#"HTTP 400: bad request\u{1b}]0;owned\u{7}\u{1b}[2J\u{a}stackc: created aliyun project shop"#), "\(run.stderr)")
    }

    @Test func usesTheProxyFromTheEnvironmentAsCurlDoes() throws {
        let emulator = try Emulator()
        let proxy = "http://127.0.0.1:\(emulator.proxyPort)"
        let template = try composeTemplate()
        let arguments = ["submit", template, "--target", "aliyun-project", "--name", "shop"] + emulator.clusterArguments
        let proxied = try stackc(arguments, environment: ["https_proxy": proxy, "NO_PROXY": "", "no_proxy": ""])
        #expect(proxied.status == 0, "\(proxied.stderr)")
        let tunnels = try emulator.requests().filter { $0.method == "CONNECT" }
        #expect(tunnels.count == 2)  // the lookup and the create, each through the proxy
        #expect(tunnels.allSatisfy { $0.path == "127.0.0.1:\(emulator.mutualTLSPort)" })
        // no_proxy names the host: straight there.
        let direct = try stackc(arguments + ["--version", "2"], environment: ["https_proxy": proxy, "no_proxy": "127.0.0.1"])
        #expect(direct.status == 0, "\(direct.stderr)")
        #expect(try emulator.requests().filter { $0.method == "CONNECT" }.count == 2)
    }

    /// A proxy that cannot be reached is named as the proxy (its address, never its credentials).
    @Test func anUnreachableProxyIsNamed() throws {
        let emulator = try Emulator()
        let proxied = try stackc(["submit", try composeTemplate(), "--target", "aliyun-project", "--name", "shop", "--retries", "0"] + emulator.clusterArguments,
                                 environment: ["https_proxy": "http://proxy-user:proxy-pa55@127.0.0.1:1", "NO_PROXY": "", "no_proxy": ""])
        #expect(proxied.status == 3)
        #expect(proxied.stderr.contains("could not connect to the proxy http://127.0.0.1:1 (from https_proxy) for \(emulator.clusterURL)"), "\(proxied.stderr)")
        #expect(!proxied.stderr.contains("proxy-pa55"))
    }

    /// A proxy's 407 is an authentication failure, said as such and not retried.
    @Test func aProxyRefusingCredentialsIsNotRetried() throws {
        let emulator = try Emulator(arguments: ["--proxy-auth", "deploy:proxy-pa55"])
        let proxy = "127.0.0.1:\(emulator.proxyPort)"
        let arguments = ["submit", try composeTemplate(), "--target", "aliyun-project", "--name", "shop"] + emulator.clusterArguments
        let refused = try stackc(arguments, environment: ["https_proxy": "http://deploy:wrong-pa55@\(proxy)", "NO_PROXY": "", "no_proxy": ""])
        #expect(refused.status == 3)
        #expect(refused.stderr.contains("the proxy http://\(proxy) (from https_proxy) refused to connect to \(emulator.clusterURL): proxy authentication failed (HTTP 407)"), "\(refused.stderr)")
        #expect(!refused.stderr.contains("broke") && !refused.stderr.contains("retrying") && !refused.stderr.contains("pa55"))
        #expect(try emulator.requests().filter { $0.method == "CONNECT" }.count == 1)
        // With the proxy's credentials the tunnel opens.
        let accepted = try stackc(arguments, environment: ["https_proxy": "http://deploy:proxy-pa55@\(proxy)", "NO_PROXY": "", "no_proxy": ""])
        #expect(accepted.status == 0, "\(accepted.stderr)")
    }
}
