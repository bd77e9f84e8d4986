import Foundation
import Testing
import TestSupport

/// The verbs through the built binary: flags parsed, exit statuses and streams as a pipeline sees them.
@Suite struct OperationCommandTests {
    @Test func deleteWithoutYesIsAUsageErrorThatSaysSo() throws {
        let emulator = try Emulator()
        let run = try stackc(["delete", "--target", "aliyun-project", "--name", "shop"] + emulator.clusterArguments)
        #expect(run.status == 2)
        #expect(run.stderr.contains("delete needs --yes"), "\(run.stderr)")
        #expect(try emulator.requests().isEmpty)
    }

    @Test func getPrintsOneJSONLineAndListRefusesAnUndocumentedTarget() throws {
        let emulator = try Emulator(projects: #"[{"name": "shop", "template": "web:\n  image: nginx"}]"#)
        let got = try stackc(["get", "--target", "aliyun-project", "--name", "shop", "--format", "json"] + emulator.clusterArguments)
        #expect(got.status == 0, "\(got.stderr)")
        #expect(got.stdout.hasSuffix("}\n") && got.stdout.filter { $0 == "\n" }.count == 1, "\(got.stdout)")
        let object = try JSONSerialization.jsonObject(with: Data(got.stdout.utf8)) as? [String: Any]
        #expect(object?["name"] as? String == "shop")
        let listed = try stackc(["list", "--target", "v2-compose", "--project", "team"] + emulator.apiArguments)
        #expect(listed.status == 2)
        #expect(listed.stderr.contains("v2-compose has no documented 'list'; it supports: get, delete"), "\(listed.stderr)")
    }

    @Test func deleteIgnoreMissingAndStopTimeoutReachTheServer() throws {
        let emulator = try Emulator(projects: #"[{"name": "shop", "template": "a"}]"#)
        let stopped = try stackc(["stop", "--target", "aliyun-project", "--name", "shop", "--stop-timeout", "5"] + emulator.clusterArguments)
        #expect(stopped.status == 0, "\(stopped.stderr)")
        #expect(try emulator.requests().last?.query == "t=5")
        let absent = try stackc(["delete", "--target", "aliyun-project", "--name", "gone", "--yes", "--ignore-missing", "--force"] + emulator.clusterArguments)
        #expect(absent.status == 0, "\(absent.stderr)")
        #expect(absent.stdout.contains("absent aliyun-project gone"))
        #expect(try emulator.requests().last?.query == "force=true")
    }

    @Test func killScaleAndRedeployParseTheirFlags() throws {
        let emulator = try Emulator(projects: #"[{"name": "shop", "template": "a"}]"#, arguments: ["--services", #"[{"project": "shop", "name": "web"}]"#])
        let noYes = try stackc(["kill", "--target", "aliyun-project", "--name", "shop"] + emulator.clusterArguments)
        #expect(noYes.status == 2)
        #expect(noYes.stderr.contains("kill needs --yes"), "\(noYes.stderr)")
        let badSignal = try stackc(["kill", "--target", "aliyun-project", "--name", "shop", "--yes", "--signal", "HUP&x=1"] + emulator.clusterArguments)
        #expect(badSignal.status == 2)
        #expect(badSignal.stderr.contains("--signal takes a signal name or number"), "\(badSignal.stderr)")
        let negative = try stackc(["scale", "--target", "aliyun-scale", "--project", "shop", "--name", "web", "--replicas=-1"] + emulator.clusterArguments)
        // Held to the rule a template's count is held to, before anything is sent.
        #expect(negative.status == 1)
        #expect(negative.stderr.contains("[scale-bounds]"), "\(negative.stderr)")
        #expect(try emulator.requests().isEmpty)

        let scaled = try stackc(["scale", "--target", "aliyun-scale", "--project", "shop", "--name", "web", "--replicas", "2", "--format", "json"] + emulator.clusterArguments)
        #expect(scaled.status == 0, "\(scaled.stderr)")
        #expect(scaled.stdout.hasPrefix(#"{"action":"scaled","target":"aliyun-scale","name":"shop/web","status":200"#), "\(scaled.stdout)")
        let redeployed = try stackc(["redeploy", "--target", "aliyun-project", "--name", "shop", "--wait", "--poll-interval", "0.2"] + emulator.clusterArguments)
        #expect(redeployed.status == 0, "\(redeployed.stderr)")
        #expect(redeployed.stdout.contains("redeployed aliyun-project shop: done (HTTP 200"), "\(redeployed.stdout)")
        #expect(try emulator.requests().map { "\($0.method) \($0.path)" }.suffix(3) == ["POST /services/shop_web/scale", "POST /projects/shop/redeploy", "GET /projects/shop"])
    }

    @Test func certsNeedsAClusterIDAndWritesThroughTheBinary() throws {
        let emulator = try Emulator()
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("stackc-certs-cli-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: out) }
        let missing = try stackc(["certs", "--out", out])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("certs needs --cluster-id"), "\(missing.stderr)")
        let header = try stackc(["certs", "--cluster-id", "c-test", "--out", out, "--header", "X-A: b"])
        #expect(header.status == 2)
        #expect(header.stderr.contains("--token-file and --header do not apply to certs"), "\(header.stderr)")
        let written = try stackc(["certs", "--cluster-id", "c-test", "--out", out, "--openapi", emulator.apiURL, "--openapi-ca", emulator.certificates + "/ca.pem"],
                                 environment: ["ALIBABA_CLOUD_ACCESS_KEY_ID": "test-key-id", "ALIBABA_CLOUD_ACCESS_KEY_SECRET": "test-key-secret"])
        #expect(written.status == 0, "\(written.stderr)")
        let key = try FileManager.default.attributesOfItem(atPath: out + "/key.pem")
        #expect(key[.posixPermissions] as? Int == 0o600)
        // The folder works as --cert-dir for the cluster API.
        let listed = try stackc(["list", "--target", "aliyun-project", "--endpoint", emulator.clusterURL, "--cert-dir", out])
        #expect(listed.status == 0, "\(listed.stderr)")
    }

    @Test func keepRouteWeightsGoesWithConfirm() throws {
        let run = try stackc(["submit", try composeTemplate(), "--target", "aliyun-project", "--name", "shop", "--keep-route-weights", "--dry-run"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("--keep-route-weights goes with --confirm"), "\(run.stderr)")
    }

    private let token = ["STACKC_TOKEN": "test-token"]

    @Test func scaleTakesACountOrTheThreeAutoscalingBounds() throws {
        let emulator = try Emulator()
        let base = ["scale", "--target", "v2-application", "--project", "team", "--name", "web"] + emulator.apiArguments
        for (extra, message) in [(["--replicas", "2", "--auto"], "--replicas and --auto exclude each other"),
                                 ([], "scale needs --replicas N, or --auto with --min-replicas, --max-replicas and --target-cpu"),
                                 (["--auto", "--min-replicas", "1"], "--auto needs --min-replicas, --max-replicas and --target-cpu"),
                                 (["--replicas", "2", "--target-cpu", "50"], "--min-replicas, --max-replicas and --target-cpu go with --auto")] {
            let run = try stackc(base + extra, environment: token)
            #expect(run.status == 2, "\(extra)")
            #expect(run.stderr.contains(message), "\(run.stderr)")
        }
        let scaled = try stackc(base + ["--auto", "--min-replicas", "2", "--max-replicas", "6", "--target-cpu", "70", "--dry-run"], environment: token)
        #expect(scaled.status == 0, "\(scaled.stderr)")
        #expect(scaled.stdout.contains("POST \(emulator.apiURL)/v2/applications/team/web/scale?type=auto\n"), "\(scaled.stdout)")
        #expect(scaled.stdout.hasSuffix("\n{\n  \"minReplicas\": 2,\n  \"maxReplicas\": 6,\n  \"targetCPUUtilization\": 70\n}\n"), "\(scaled.stdout)")
        #expect(try emulator.requests().isEmpty)
    }

    @Test func aCloudDiskWithABadSizeIsRefusedWithTheRulesMessage() throws {
        let emulator = try Emulator()
        let run = try stackc(["create", "--target", "v2-cinder-volume", "--project", "team", "--name", "d", "--size", "0"] + emulator.apiArguments,
                             environment: token)
        #expect(run.status == 1)
        #expect(run.stderr.contains("<command line>: error: --size is 0; use a whole number of 1 or more [scale-bounds]"), "\(run.stderr)")
        #expect(try emulator.requests().isEmpty)
        let unknown = try stackc(["get", "--target", "v2-cinder"] + emulator.apiArguments)
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("- v2-cinder-volume"), "\(unknown.stderr)")
    }

    @Test func killRolloutAndKeysThroughTheBinary() throws {
        let emulator = try Emulator()
        let app = ["--target", "v2-application", "--project", "team", "--name", "web"] + emulator.apiArguments
        let unconfirmed = try stackc(["kill"] + app, environment: token)
        #expect(unconfirmed.status == 2)
        #expect(unconfirmed.stderr.contains("kill needs --yes"), "\(unconfirmed.stderr)")
        let waited = try stackc(["rollout", "--image", "web:2", "--wait"] + app, environment: token)
        #expect(waited.status == 2)
        #expect(waited.stderr.contains("--wait does not apply to rollout --target v2-application"), "\(waited.stderr)")
        let absent = try stackc(["rollout", "--image", "web:2"] + app, environment: token)
        #expect(absent.status == 1)
        #expect(try emulator.requests().map(\.path) == ["/v2/applications/team/web/rollout"])
        let key = try stackc(["get", "--target", "v2-secret", "--project", "team", "--name", "db", "--key-name", "password"] + emulator.apiArguments,
                             environment: token)
        #expect(key.status == 1)
        #expect(try emulator.requests().last?.path == "/v2/secrets/team/db/password")
    }
}
