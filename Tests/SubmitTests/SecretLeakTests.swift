import Foundation
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

    /// `$` doubled by the aliyun template, quotes and backslashes escaped by YAML and JSON, a tab,
    /// non-ASCII (which YAML escapes beyond the Basic Multilingual Plane): in `--dry-run` and in
    /// `--verbose` traces of an aliyun and a v2 submission.
    @Test(arguments: ["Dollar$ecret-42", #""Dq\"back\\slash"#, "Tab\tsecret-7", "Ünïcødé-pässwörd", "Key🔑-$ecret"])
    func escapedFormsAreRedacted(secret: String) throws {
        let emulator = try Emulator()
        let environment = ["DB_PASSWORD": secret, "STACKC_TOKEN": "test-token"]
        let compose = try composeTemplate("web:\n  image: nginx\n  environment:\n    DB_PASSWORD: ${DB_PASSWORD}\n    DSN: \"pg://u:${DB_PASSWORD}@db\"\n")
        let pod = try composeTemplate("containers:\n- image: nginx\n  name: web\n  env:\n  - {name: DB_PASSWORD, value: \"${DB_PASSWORD}\"}\n")
        let runs: [(String, [String])] = [
            ("aliyun dry run", ["submit", compose, "--target", "aliyun-project", "--name", "shop", "--dry-run"]),
            ("aliyun verbose", ["submit", compose, "--target", "aliyun-project", "--name", "shop", "--verbose"] + emulator.clusterArguments),
            ("v2 dry run", ["submit", pod, "--target", "v2-podstack", "--project", "team", "--name", "web", "--dry-run"]),
            ("v2 verbose", ["submit", pod, "--target", "v2-podstack", "--project", "team", "--name", "web", "--verbose"] + emulator.apiArguments),
        ]
        for (label, arguments) in runs {
            let run = try stackc(arguments, environment: environment)
            #expect(run.status == 0, "\(label): \(run.stderr)")
            #expect(leakedForms(of: secret, in: run.stdout + run.stderr).isEmpty, "\(label): \(run.stdout)\(run.stderr)")
            #expect((run.stdout + run.stderr).contains("<redacted>"), "\(label)")
        }
        #expect(try emulator.requests().filter { $0.method == "POST" }.count == 2, "both submissions reached the server")
    }

    /// A careless server quotes what it refused: the trigger's secret (as text and as the query it
    /// received), the token, the AccessKey secret.
    @Test func serverEchoesOfSecretsAreRedacted() throws {
        let accessKeySecret = #"Ak$"\sec/+=ret-é"#
        let emulator = try Emulator(arguments: ["--echo-secrets", "--access-key-secret", accessKeySecret])
        let wrongTrigger = "tr1g\"s3cret/+=é%x"
        let wrongToken = "t0ken$\"'\\-wrong"
        let url = "\(emulator.apiURL)/hook/trigger?triggerUrl=t&secret=" + wrongTrigger.addingPercentEncoding(withAllowedCharacters: unreserved)!
        let trigger = try stackc(["trigger", url, "--verbose", "--ca", emulator.certificates + "/ca.pem"])
        #expect(trigger.status == 1, "\(trigger.stderr)")
        let v2 = try stackc(["submit", sample("configmap/valid.yaml"), "--target", "v2-configmap", "--project", "team", "--verbose"] + emulator.apiArguments,
                            environment: ["STACKC_TOKEN": wrongToken])
        #expect(v2.status == 1, "\(v2.stderr)")
        let openapi = try stackc(["submit", try composeTemplate(), "--target", "aliyun-project", "--name", "shop", "--cluster-id", "c-test", "--verbose",
                                  "--openapi", emulator.apiURL, "--openapi-ca", emulator.certificates + "/ca.pem"],
                                 environment: ["ALIBABA_CLOUD_ACCESS_KEY_ID": "another-key-id", "ALIBABA_CLOUD_ACCESS_KEY_SECRET": accessKeySecret])
        #expect(openapi.status == 1, "\(openapi.stderr)")
        for (run, secret) in [(trigger, wrongTrigger), (v2, wrongToken), (openapi, accessKeySecret)] {
            #expect(leakedForms(of: secret, in: run.stdout + run.stderr).isEmpty, "\(run.stderr)")
        }
        // The servers did quote them: the test would prove nothing otherwise.
        #expect(trigger.stderr.contains("HTTP 403: trigger secret <redacted> does not match (query triggerUrl=t&secret=<redacted>)"))
        #expect(v2.stderr.contains("HTTP 401: invalid token: Bearer <redacted>"))
        #expect(openapi.stderr.contains("(signed with secret <redacted>)"))
    }

    /// `https://user:password@host`: the password is sent (libcurl's Basic authentication) but never
    /// shown, in traces, in connection errors or in warnings.
    @Test func aPasswordInTheURLNeverShows() throws {
        let emulator = try Emulator()
        let password = "pa55:w0rd$x"
        let userinfo = "deploy:" + password.addingPercentEncoding(withAllowedCharacters: unreserved)!
        let endpoint = "https://\(userinfo)@127.0.0.1:\(emulator.mutualTLSPort)"
        let runs = [
            try stackc(["submit", try composeTemplate(), "--target", "aliyun-project", "--name", "shop", "--verbose", "--endpoint", endpoint,
                        "--cert-dir", emulator.certificates]),
            try stackc(["trigger", "https://\(userinfo)@127.0.0.1:1/hook/trigger?secret=s", "--verbose", "--retries", "0", "--connect-timeout", "1"]),
            try stackc(["trigger", "http://\(userinfo)@127.0.0.1:1/hook/trigger?secret=s", "--allow-http", "--retries", "0", "--connect-timeout", "1"]),
            try stackc(["submit", try composeTemplate(), "--target", "aliyun-project", "--name", "shop", "--dry-run", "--endpoint", endpoint]),
        ]
        #expect(runs.map(\.status) == [0, 3, 3, 0], "\(runs.map(\.stderr))")
        for run in runs {
            #expect(leakedForms(of: password, in: run.stdout + run.stderr).isEmpty, "\(run.stdout)\(run.stderr)")
            #expect(!(run.stdout + run.stderr).contains("deploy:"))
        }
        #expect(runs[0].stderr.contains("> GET https://<redacted>@127.0.0.1:\(emulator.mutualTLSPort)/projects/shop"))
        #expect(runs[1].stderr.contains("could not connect to https://127.0.0.1:1"))
        #expect(runs[2].stderr.contains("warning: http://127.0.0.1:1 is plain http://"))
        #expect(try emulator.requests().first?.headers["Authorization"] == "Basic " + Data(("deploy:" + password).utf8).base64EncodedString())
    }
}
