import Testing
import TestSupport

/// Every command that talks to a platform, run with known secret values, including `--verbose` and
/// `--dry-run`: none of the values may appear in anything stackc prints.
@Suite struct SecretLeakTests {
    static let secrets = ["Db-Pa55word-Xyz", "tok-abcdef-123456", "trig-s3cret-999", "rawStringDataValue", "oss-AK-secret-777"]

    private func assertClean(_ run: StackcRun, _ label: String) {
        for secret in Self.secrets {
            #expect(!run.stdout.contains(secret), "\(label): stdout shows \(secret)")
            #expect(!run.stderr.contains(secret), "\(label): stderr shows \(secret)")
        }
    }

    @Test func noCommandPrintsASecret() throws {
        let emulator = try Emulator(arguments: ["--token", Self.secrets[1], "--trigger-secret", Self.secrets[2]])
        let environment = ["DB_PASSWORD": Self.secrets[0], "STACKC_TOKEN": Self.secrets[1]]
        let compose = try composeTemplate("web:\n  image: nginx\n  environment:\n    DB_PASSWORD: ${DB_PASSWORD}\n")
        let keep = try composeTemplate("web:\n  image: nginx\n  environment:\n    DB_PASSWORD: ${DB_PASSWORD}\n")
        let volume = try composeTemplate("name: oss-data\ndriver: ossfs\ndriverOpts:\n  bucket: media\n  ak_id: LTAIexample\n  ak_secret: \(Self.secrets[4])\n  url: oss-cn-hangzhou.aliyuncs.com\n  no_stat_cache: \"false\"\n  other_opts: \"\"\n")
        let secretFile = try composeTemplate("kind: Secret\nname: db\nstringData:\n  password: \(Self.secrets[3])\n  other: ${DB_PASSWORD}\n")
        let runs: [(String, [String])] = [
            ("aliyun create", ["submit", compose, "--target", "aliyun-project", "--name", "shop", "--verbose", "--wait", "--poll-interval", "0.2"] + emulator.clusterArguments),
            ("aliyun unchanged", ["submit", compose, "--target", "aliyun-project", "--name", "shop", "--verbose", "--format", "json"] + emulator.clusterArguments),
            ("aliyun keep", ["submit", keep, "--target", "aliyun-project", "--name", "kept", "--variables", "keep", "--verbose"] + emulator.clusterArguments),
            ("ossfs volume", ["submit", volume, "--target", "aliyun-volume", "--verbose"] + emulator.clusterArguments),
            ("ossfs volume dry run", ["submit", volume, "--target", "aliyun-volume", "--dry-run"] + emulator.clusterArguments),
            ("aliyun dry run", ["submit", compose, "--target", "aliyun-project", "--name", "shop", "--dry-run"] + emulator.clusterArguments),
            ("v2 secret", ["submit", secretFile, "--target", "v2-secret", "--project", "team", "--verbose"] + emulator.apiArguments),
            ("v2 secret again", ["submit", secretFile, "--target", "v2-secret", "--project", "team", "--verbose", "--format", "json"] + emulator.apiArguments),
            ("v2 dry run", ["submit", secretFile, "--target", "v2-secret", "--project", "team", "--dry-run", "--header", "X-Api-Key: \(Self.secrets[1])"] + emulator.apiArguments),
            ("trigger", ["trigger", "\(emulator.apiURL)/hook/trigger?triggerUrl=t&secret=\(Self.secrets[2])", "--verbose", "--ca", emulator.certificates + "/ca.pem"]),
            ("trigger refused", ["trigger", "\(emulator.apiURL)/hook/trigger?triggerUrl=t&secret=\(Self.secrets[2])x", "--verbose", "--format", "json", "--ca", emulator.certificates + "/ca.pem"]),
        ]
        for (label, arguments) in runs {
            let run = try stackc(arguments, environment: environment)
            #expect(run.status <= 1, "\(label): \(run.stderr)")
            assertClean(run, label)
        }
        // --cluster-id: the AccessKey secret and the cluster's private key (fetched over the OpenAPI).
        let keyLines = try String(contentsOfFile: emulator.certificates + "/key.pem", encoding: .utf8).split(separator: "\n").filter { !$0.hasPrefix("-----") }
        for arguments in [["--verbose"], ["--verbose", "--format", "json"]] {
            let run = try stackc(["submit", compose, "--target", "aliyun-project", "--name", "viaid", "--cluster-id", "c-test", "--openapi", emulator.apiURL,
                                  "--openapi-ca", emulator.certificates + "/ca.pem"] + arguments,
                                 environment: environment.merging(["ALIBABA_CLOUD_ACCESS_KEY_ID": "test-key-id", "ALIBABA_CLOUD_ACCESS_KEY_SECRET": "test-key-secret"]) { $1 })
            #expect(run.status == 0, "\(run.stderr)")
            assertClean(run, "cluster id")
            #expect(!(run.stdout + run.stderr).contains("test-key-secret"))
            #expect(!keyLines.contains { (run.stdout + run.stderr).contains($0) }, "the cluster's private key was printed")
            #expect(run.stderr.contains("GET \(emulator.apiURL)/clusters/c-test/certs"))
        }
        // The values did reach the server: the test would prove nothing if they were never sent.
        let received = try emulator.requests()
        #expect(received.contains { $0.body.contains(Self.secrets[0]) })
        #expect(received.contains { $0.headers["Authorization"] == "Bearer \(Self.secrets[1])" })
        #expect(received.contains { $0.query.contains(Self.secrets[2]) })
        #expect(received.contains { $0.body.contains(Self.secrets[4]) })
    }
}
