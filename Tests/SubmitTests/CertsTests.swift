import Driver
import Foundation
import Submit
import Testing
import TestSupport

/// `stackc certs --cluster-id ID --out DIR` against the emulator's signed OpenAPI: the Docker-style
/// folder, its modes, what is never printed, and the failures that write nothing.
@Suite struct CertsTests {
    private let accessKey = ["ALIBABA_CLOUD_ACCESS_KEY_ID": "test-key-id", "ALIBABA_CLOUD_ACCESS_KEY_SECRET": "test-key-secret"]

    private func certs(_ emulator: Emulator, cluster: String = "c-test", out: String, environment: [String: String]? = nil,
                       verbose: Bool = false) -> FlowRun {
        var access = PlatformAccess()
        var options = ClusterOptions(clusterID: cluster)
        (options.openapi, options.openapiCA) = (emulator.apiURL, emulator.certificates + "/ca.pem")
        access.cluster = options
        access.connection.verbose = verbose
        return certsFlow(CertsJob(access: access, folder: out), environment: environment ?? accessKey)
    }

    private func scratch() throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("stackc-certs-test-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }

    private func mode(_ path: String) throws -> Int {
        try #require(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
    }

    @Test func writesTheThreeFilesPrivatelyIntoANewFolder() throws {
        let emulator = try Emulator()
        let root = try scratch()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let out = root + "/docker/aliyun/c-test"
        let run = certs(emulator, out: out, verbose: true)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == "stackc: wrote ca.pem, cert.pem, key.pem of cluster c-test to \(out)/ (mode 0600); use them with --cert-dir \(out)/ and the cluster's master_url as --endpoint\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: out).sorted() == ["ca.pem", "cert.pem", "key.pem"])
        for name in ["ca.pem", "cert.pem", "key.pem"] {
            #expect(try String(contentsOfFile: out + "/" + name, encoding: .utf8) == String(contentsOfFile: emulator.certificates + "/" + name, encoding: .utf8))
            #expect(try mode(out + "/" + name) == 0o600, "\(name)")
        }
        #expect(try mode(out) == 0o700)
        #expect(try mode(root + "/docker") == 0o700)
        #expect(try emulator.requests().map { "\($0.method) \($0.path)" } == ["GET /clusters/c-test/certs"])
        // The key's body is in the --verbose trace of the answer: hidden there, and nowhere else.
        let key = try String(contentsOfFile: emulator.certificates + "/key.pem", encoding: .utf8)
        let keyLine = try #require(key.split(separator: "\n").dropFirst().first)
        #expect(run.stderr.contains("< HTTP 200"), "\(run.stderr)")
        #expect(!(run.stdout + run.stderr).contains(keyLine))
        #expect(!(run.stdout + run.stderr).contains("test-key-secret"))
    }

    @Test func replacesOldFilesAndLeavesAnExistingFoldersModeAlone() throws {
        let emulator = try Emulator()
        let out = try scratch()
        defer { try? FileManager.default.removeItem(atPath: out) }
        try FileManager.default.setAttributes([.posixPermissions: 0o750], ofItemAtPath: out)
        try "old key".write(toFile: out + "/key.pem", atomically: false, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: out + "/key.pem")
        let run = certs(emulator, out: out)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try String(contentsOfFile: out + "/key.pem", encoding: .utf8) == String(contentsOfFile: emulator.certificates + "/key.pem", encoding: .utf8))
        #expect(try mode(out + "/key.pem") == 0o600)
        #expect(try mode(out) == 0o750)
        #expect(try FileManager.default.contentsOfDirectory(atPath: out).sorted() == ["ca.pem", "cert.pem", "key.pem"])
    }

    @Test func aRefusalOrAnUnusableFolderWritesNothing() throws {
        let emulator = try Emulator()
        let root = try scratch()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let unknown = certs(emulator, cluster: "c-missing", out: root + "/a")
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("HTTP 404: cluster c-missing not found"), "\(unknown.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: root + "/a").isEmpty)

        var wrong = accessKey
        wrong["ALIBABA_CLOUD_ACCESS_KEY_SECRET"] = "not-the-secret"
        let refused = certs(emulator, out: root + "/b", environment: wrong)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("HTTP 403"), "\(refused.stderr)")
        #expect(!refused.stderr.contains("not-the-secret"))

        let noKey = certs(emulator, out: root + "/c", environment: [:])
        #expect(noKey.status == 2, "\(noKey.stderr)")

        try "x".write(toFile: root + "/file", atomically: false, encoding: .utf8)
        let notAFolder = certs(emulator, out: root + "/file")
        #expect(notAFolder.status == 2)
        #expect(notAFolder.stderr == "stackc: --out \(root)/file exists and is not a folder\n")
        // Nothing is sent without an AccessKey or a usable folder: the two certificate requests are the 404's and the 403's.
        #expect(try emulator.requests().filter { $0.path.hasSuffix("/certs") }.count == 2)
    }

    @Test func unreachableOpenAPIExitsThree() throws {
        let emulator = try Emulator(faults: #"[{"path": "/clusters/c-test/certs", "status": 503, "times": -1, "retry_after": "0"}]"#)
        let out = try scratch()
        defer { try? FileManager.default.removeItem(atPath: out) }
        let run = certs(emulator, out: out)
        #expect(run.status == 3)
        #expect(run.stderr.contains("kept failing: HTTP 503 after 4 attempts"), "\(run.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: out).isEmpty)
    }
}
