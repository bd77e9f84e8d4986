import Foundation
import Model
import Submit
import Testing
import TestSupport

/// Alauda v1 service operations against the emulator, in-process: scale through the documented update,
/// and `--wait` on start, stop, scale and delete, which polls the service view's `target_state`,
/// `is_deploying` and `current_num_instances` (003).
@Suite struct AlaudaOperationTests {
    private let token = ["STACKC_TOKEN": "test-token"]

    private func service(_ emulator: Emulator, _ operation: PlatformOperation, name: String? = "web",
                         _ configure: (inout OperationJob) -> Void = { _ in }) -> FlowRun {
        operationFlow(operation, .alaudaService, environment: token) { job in
            emulator.api(&job.access)
            (job.arguments.project, job.arguments.name) = ("team", name)
            configure(&job)
        }
    }

    private func deployed(faults: String? = nil, arguments: [String] = []) throws -> Emulator {
        let emulator = try Emulator(faults: faults, arguments: arguments)
        let created = submitFlow(sample("alauda-service/valid.yaml"), .alaudaService, environment: token) { emulator.api(&$0) }
        #expect(created.status == 0, "\(created.stderr)")
        return emulator
    }

    @Test func scaleSendsTheDocumentedUpdateAndWaitsForTheInstances() throws {
        let emulator = try deployed(arguments: ["--polls-to-running", "2"])
        let scaled = service(emulator, .scale) { ($0.arguments.scale, $0.wait) = (.manual(replicas: 4), WaitOptions(interval: 0.1)) }
        #expect(scaled.status == 0, "\(scaled.stderr)")
        #expect(scaled.stdout.hasPrefix("stackc: scaled alauda-service team/web: done (HTTP 204"), "\(scaled.stdout)")
        #expect(scaled.stdout.contains("state current_num_instances=4, is_deploying=false"), "\(scaled.stdout)")
        #expect(scaled.stderr.contains("stackc: alauda-service team/web: current_num_instances=2, is_deploying=true (want current_num_instances=4, is_deploying=false)"),
                "\(scaled.stderr)")
        let sent = try emulator.requests().filter { $0.method != "POST" }.map { "\($0.method) \($0.path) \($0.body)" }
        // The first GET is the submit's lookup (create-or-update).
        #expect(sent == ["GET /v1/services/team/web/ ", #"PUT /v1/services/team/web/ {"service_name":"web","target_num_instances":4}"#,
                         "GET /v1/services/team/web/ ", "GET /v1/services/team/web/ ", "GET /v1/services/team/web/ "])
        #expect(service(emulator, .get).stdout.contains("target_num_instances: 4\n"))
    }

    @Test func autoscalingIsNotTheAlaudaUpdates() throws {
        let emulator = try Emulator()
        let refused = service(emulator, .scale) { $0.arguments.scale = .auto(minReplicas: 1, maxReplicas: 2, targetCPU: 50) }
        #expect(refused.result == .usage("--auto does not apply to scale --target alauda-service"))
        #expect(try emulator.requests().isEmpty)
    }

    @Test func stopAndStartWaitUntilTheDeploymentSettles() throws {
        let emulator = try deployed(arguments: ["--polls-to-running", "3"])
        let stopped = service(emulator, .stop) { $0.wait = WaitOptions(interval: 0.1) }
        #expect(stopped.status == 0, "\(stopped.stderr)")
        #expect(stopped.stdout.contains("state is_deploying=false, target_state=STOPPED"), "\(stopped.stdout)")
        // The submit's lookup, then three polls.
        #expect(try emulator.count("GET", "/v1/services/team/web/") == 5)
        #expect(service(emulator, .get).stdout.contains("current_num_instances: 0\n"))
        let started = service(emulator, .start) { ($0.wait, $0.format) = (WaitOptions(interval: 0.1), .json) }
        #expect(started.status == 0, "\(started.stderr)")
        #expect(started.stdout.contains(#""action":"started","target":"alauda-service","name":"team/web","status":204"#), "\(started.stdout)")
        #expect(started.stdout.contains(#""state":"is_deploying=false, target_state=STARTED""#), "\(started.stdout)")
    }

    @Test func aWaitThatOutlastsTheTimeoutExitsThreeWithTheLastState() throws {
        let emulator = try deployed(arguments: ["--polls-to-running", "100000"])
        let run = service(emulator, .start) { ($0.wait, $0.access.connection.timeout) = (WaitOptions(interval: 0.2), 1.5) }
        #expect(run.status == 3)
        #expect(run.stderr.contains("waiting for alauda-service team/web to be is_deploying=false, target_state=STARTED; last state: is_deploying=true, target_state=STARTED"),
                "\(run.stderr)")
        #expect(run.seconds < 2.5)
    }

    @Test func aServiceDeletedWhileAwaitedIsAFailure() throws {
        // The start is answered, then the service's GET finds nothing.
        let emulator = try deployed(faults: #"[{"method": "GET", "path": "/v1/services/team/web/", "times": -1, "status": 404, "body": "{\"detail\": \"service not found\"}"}]"#)
        let run = service(emulator, .start) { $0.wait = WaitOptions(interval: 0.1) }
        #expect(run.status == 1)
        #expect(run.stderr.contains("alauda-service team/web no longer exists (GET answered 404) while waiting for is_deploying=false, target_state=STARTED"), "\(run.stderr)")
    }

    @Test func deleteWaitsForTheServiceToBeGoneAndStopOfAnAbsentServiceExitsOne() throws {
        let emulator = try deployed()
        let deleted = service(emulator, .delete) { ($0.confirmed, $0.wait) = (true, WaitOptions(interval: 0.1)) }
        #expect(deleted.status == 0, "\(deleted.stderr)")
        #expect(deleted.stdout.contains("state gone"), "\(deleted.stdout)")
        let absent = service(emulator, .stop) { $0.wait = WaitOptions(interval: 0.1) }
        #expect(absent.status == 1)
        #expect(absent.stderr.contains("HTTP 404"), "\(absent.stderr)")
    }

    @Test func aStartTurnedAwayWith429IsRetried() throws {
        let emulator = try deployed(faults: #"[{"method": "PUT", "path": "/v1/services/team/web/start/", "status": 429, "retry_after": "0"}]"#)
        let started = service(emulator, .start)
        #expect(started.status == 0, "\(started.stderr)")
        #expect(try emulator.count("PUT", "/v1/services/team/web/start/") == 2)
    }

    @Test func aScaleIsRetriedAfter503AndAStopAnswered500IsNot() throws {
        let emulator = try deployed(faults: #"[{"method": "PUT", "path": "/v1/services/team/web/", "times": 2, "status": 503, "retry_after": "0"}, "#
            + #"{"method": "PUT", "path": "/v1/services/team/web/stop/", "status": 500, "body": "boom"}]"#)
        let scaled = service(emulator, .scale) { $0.arguments.scale = .manual(replicas: 3) }
        #expect(scaled.status == 0, "\(scaled.stderr)")
        #expect(try emulator.count("PUT", "/v1/services/team/web/") == 3)
        let stopped = service(emulator, .stop)
        #expect(stopped.status == 3)
        #expect(stopped.stderr.contains("HTTP 500: boom"), "\(stopped.stderr)")
        #expect(try emulator.count("PUT", "/v1/services/team/web/stop/") == 1)
    }

    @Test func logsSendTheRangeAndPrintOneLinePerEntry() throws {
        let emulator = try deployed()
        let text = service(emulator, .logs) { ($0.arguments.startTime, $0.arguments.endTime) = (1_433_753_210, 1_433_753_258) }
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout == #"1433753256  a9aff249  172.31.14.54 - - [12/May/2015 08:47:36] "GET /alauda.jpg HTTP/1.1" 200 -"# + "\n", "\(text.stdout)")
        let sent = try #require(try emulator.requests().last)
        #expect("\(sent.method) \(sent.path)?\(sent.query)" == "GET /v1/services/team/web/logs/?start_time=1433753210&end_time=1433753258")
        let json = service(emulator, .logs) { ($0.arguments.startTime, $0.arguments.endTime, $0.format) = (0, 2_000_000_000, .json) }
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(entries.compactMap { $0["instance_id"] as? String } == ["a9aff249", "a9afcb38"])
        #expect(service(emulator, .logs) { $0.arguments.startTime = 0 }.result == .usage("logs --target alauda-service needs --end-time"))
        #expect(service(emulator, .logs, name: "gone") { ($0.arguments.startTime, $0.arguments.endTime) = (0, 1) }.status == 1)
    }
}
