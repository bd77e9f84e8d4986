import Foundation
import Model
import Submit
import Testing
import TestSupport

/// The `submit --cluster-id`, `trigger` and `sign` flows run in-process: what they print, how they end,
/// and what the emulator received — no binary, no exit from inside a helper.
@Suite struct FlowTests {
    private let accessKey = ["ALIBABA_CLOUD_ACCESS_KEY_ID": "test-key-id", "ALIBABA_CLOUD_ACCESS_KEY_SECRET": "test-key-secret"]

    private func clusterFlow(_ emulator: Emulator, environment: [String: String], cluster id: String = "c-test") throws -> FlowRun {
        submitFlow(try composeTemplate(), .aliyunProject, [.name: "shop"], environment: environment) { options in
            var cluster = ClusterOptions(clusterID: id)
            (cluster.openapi, cluster.openapiCA) = (emulator.apiURL, emulator.certificates + "/ca.pem")
            options.access.cluster = cluster
        }
    }

    @Test func clusterIDFindsTheClusterAndSubmitsWithinOneDeadline() throws {
        let emulator = try Emulator()
        let run = try clusterFlow(emulator, environment: accessKey)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("stackc: created aliyun project shop: project created (HTTP 201"), "\(run.stdout)")
        #expect(try emulator.requests().map { "\($0.method) \($0.path)" } == ["GET /clusters/c-test", "GET /clusters/c-test/certs", "GET /projects/shop", "POST /projects/"])
    }

    @Test func clusterIDWithoutAnAccessKeyEndsWithExitTwoAndSendsNothing() throws {
        let emulator = try Emulator()
        let run = try clusterFlow(emulator, environment: [:])
        #expect(run.result == .exit(2))
        #expect(run.stderr.contains("stackc: ") && run.stderr.contains(Credentials.accessKeySecretVariable), "\(run.stderr)")
        #expect(try emulator.requests().isEmpty)
    }

    @Test func anUnknownClusterIsReportedAsTheOutcome() throws {
        let emulator = try Emulator()
        let run = try clusterFlow(emulator, environment: accessKey, cluster: "c-missing")
        #expect(run.result == .exit(1))
        #expect(run.stderr.hasPrefix("stackc: aliyun cluster c-missing failed: could not GET /clusters/c-missing from the OpenAPI: HTTP 404"), "\(run.stderr)")
        #expect(!run.stderr.contains("test-key-secret"))
    }

    @Test func clusterIDIsForAliyunTargetsOnly() {
        let run = submitFlow(sample("configmap/valid.yaml"), .v2ConfigMap, [.project: "team"]) { $0.access.cluster = ClusterOptions(clusterID: "c-test") }
        #expect(run.result == .usage("--cluster-id is for aliyun targets"))
    }

    @Test func aScalingTriggerIsCalledOnceWithItsCheckedValues() throws {
        let emulator = try Emulator()
        let run = triggerFlow("\(emulator.apiURL)/hook/trigger?triggerUrl=tok-123&secret=trigger-secret") { job in
            (job.type, job.step, job.format) = ("scale_out", "3", .json)
            job.connection.ca = emulator.certificates + "/ca.pem"
        }
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix(#"{"action":"triggered","target":"trigger","name":"\#(emulator.apiURL)/hook/trigger?triggerUrl=<redacted>&secret=<redacted>""#),
                "\(run.stdout)")
        #expect(try emulator.requests().map(\.query) == ["triggerUrl=tok-123&secret=trigger-secret&type=scale_out&step=3"])
    }

    @Test func aTriggerWithFindingsIsNotCalled() throws {
        let emulator = try Emulator()
        let run = triggerFlow("\(emulator.apiURL)/hook/trigger?triggerUrl=t&secret=trigger-secret") { $0.type = "scale_out" }
        #expect(run.result == .exit(1))
        #expect(run.stderr.hasSuffix("stackc: the trigger was not called: fix the errors above\n"), "\(run.stderr)")
        #expect(try emulator.requests().isEmpty)
    }

    @Test func aPlainHTTPTriggerIsRefusedNamingAllowHTTP() {
        let run = triggerFlow("http://127.0.0.1:1/hook/trigger?triggerUrl=t&secret=plain-secret")
        #expect(run.result == .exit(2))
        #expect(run.stderr.contains("--allow-http"), "\(run.stderr)")
        #expect(!run.stderr.contains("plain-secret"))
    }

    /// ALIYUN.md's example request, signed in-process with the body from a file.
    @Test func signReportsTheDocumentsSignature() throws {
        let folder = try TemporaryDirectory()
        var job = SignJob(path: "/clusters")
        job.method = "POST"
        job.query = [("param2", "value2"), ("param1", "value1")]
        job.headers = [("Content-Type", "application/json;charset=utf-8"), ("x-acs-version", "2015-12-15"),
                       ("x-acs-signature-nonce", "fbf6909a-93a5-45d3-8b1c-3e03a7916799"), ("X-Acs-Region-Id", "cn-beijing")]
        job.bodyFile = try folder.write("body.json", #"{"password": "Just$test","instance_type": "ecs.m2.medium","name": "my-test-cluster-97082734","size": 1,"network_mode": "classic","data_disk_category": "cloud","data_disk_size": 10,"ecs_image_id": "m-253llee3l"}"#)
        job.date = "Wed, 16 Dec 2015 12:20:18 GMT"
        job.format = .json
        let run = signFlow(job, environment: ["ALIBABA_CLOUD_ACCESS_KEY_ID": "access_key_id", "ALIBABA_CLOUD_ACCESS_KEY_SECRET": "access_key_secret"])
        #expect(run.result == .exit(0), "\(run.stderr)")
        #expect(run.stdout.contains(#""authorization": "acs access_key_id:pFd8Rd58Fv0jJRUptdqrOB3YS8M=""#), "\(run.stdout)")
        #expect(!run.stdout.contains("access_key_secret") && run.stderr.isEmpty)
    }

    @Test func signWithoutAnAccessKeyOrBodyIsExitTwo() throws {
        let missingKey = signFlow(SignJob(path: "/clusters"), environment: [:])
        #expect(missingKey.result == .exit(2))
        #expect(missingKey.stderr.contains(Credentials.accessKeySecretVariable))
        var job = SignJob(path: "/clusters")
        job.bodyFile = "/nonexistent/body.json"
        let missingBody = signFlow(job, environment: ["ALIBABA_CLOUD_ACCESS_KEY_ID": "id", "ALIBABA_CLOUD_ACCESS_KEY_SECRET": "secret-value"])
        #expect(missingBody.result == .exit(2))
        #expect(missingBody.stderr.hasPrefix("stackc: --body-file /nonexistent/body.json: "), "\(missingBody.stderr)")
    }
}
