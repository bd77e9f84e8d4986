import Foundation
import Model
import Submit
import Testing
import TestSupport

/// The aliyun cluster API's lifecycle verbs against the emulator, in-process: project kill and redeploy,
/// the services API (list, get, start, stop, kill, scale), volumes, and `--wait` after start, stop,
/// redeploy and delete — success, absence, conflicts, server errors and what is (not) retried.
@Suite struct AliyunLifecycleTests {
    private static let shop = #"[{"name": "shop", "template": "web:\n  image: nginx"}]"#
    private static let web = #"[{"project": "shop", "name": "web"}, {"project": "shop", "name": "db", "current_state": "stopped"}]"#
    /// How far past `--timeout` a timed-out wait may end (a busy machine).
    private let slack = 1.5

    private func project(_ emulator: Emulator, _ operation: PlatformOperation, name: String = "shop",
                         _ configure: (inout OperationJob) -> Void = { _ in }) -> FlowRun {
        operationFlow(operation, .aliyunProject) { job in
            emulator.cluster(&job.access)
            job.arguments.name = name
            configure(&job)
        }
    }

    private func service(_ emulator: Emulator, _ operation: PlatformOperation, name: String? = "web",
                         _ configure: (inout OperationJob) -> Void = { _ in }) -> FlowRun {
        operationFlow(operation, .aliyunScale) { job in
            emulator.cluster(&job.access)
            (job.arguments.project, job.arguments.name) = (operation == .list ? nil : "shop", name)
            configure(&job)
        }
    }

    private func state(_ emulator: Emulator, _ path: String) throws -> String? {
        let run = operationFlow(.get, path.hasPrefix("/services") ? .aliyunScale : .aliyunProject) { job in
            emulator.cluster(&job.access)
            job.format = .json
            let parts = path.split(separator: "/").last.map(String.init) ?? ""
            if path.hasPrefix("/services") {
                (job.arguments.project, job.arguments.name) = (String(parts.split(separator: "_")[0]), String(parts.split(separator: "_")[1]))
            } else {
                job.arguments.name = parts
            }
        }
        let object = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
        return object?["current_state"] as? String
    }

    private func sent(_ emulator: Emulator) throws -> String {
        let last = try #require(try emulator.requests().last)
        return "\(last.method) \(last.path)" + (last.query.isEmpty ? "" : "?\(last.query)")
    }

    // MARK: kill

    @Test func killNeedsYesThenSendsTheSignal() throws {
        let emulator = try Emulator(projects: Self.shop)
        let refused = project(emulator, .kill)
        #expect(refused.result == .usage("kill needs --yes: it sends a signal to every container of aliyun-project shop (KILL unless --signal) (--dry-run shows the request without sending it)"))
        #expect(try emulator.requests().isEmpty)

        let hangUp = project(emulator, .kill) { ($0.confirmed, $0.arguments.signal) = (true, "HUP") }
        #expect(hangUp.status == 0, "\(hangUp.stderr)")
        #expect(hangUp.stdout.hasPrefix("stackc: killed aliyun-project shop: done (HTTP 200"), "\(hangUp.stdout)")
        #expect(try sent(emulator) == "POST /projects/shop/kill?signal=HUP")
        #expect(try state(emulator, "/projects/shop") == "running")

        // Without --signal the platform's default, KILL, stops the containers.
        #expect(project(emulator, .kill) { $0.confirmed = true }.status == 0)
        #expect(try emulator.requests().last { $0.method == "POST" }?.query == "")
        #expect(try state(emulator, "/projects/shop") == "stopped")
    }

    @Test func killAndRedeployOfAnAbsentProjectExitOne() throws {
        let emulator = try Emulator()
        let killed = project(emulator, .kill, name: "gone") { $0.confirmed = true }
        #expect(killed.status == 1)
        #expect(killed.stderr.contains("HTTP 404: project gone not found"), "\(killed.stderr)")
        let redeployed = project(emulator, .redeploy, name: "gone")
        #expect(redeployed.status == 1)
        #expect(try emulator.count("POST", "/projects/gone/redeploy") == 1)
    }

    @Test(arguments: [PlatformOperation.kill, .redeploy])
    func aKillOrRedeployWhoseAnswerWasLostIsNotRepeated(operation: PlatformOperation) throws {
        // The gateway answers 504 after the cluster acted: a second attempt would act twice.
        let path = "/projects/shop/\(operation.rawValue)"
        let emulator = try Emulator(faults: #"[{"method": "POST", "path": "\#(path)", "kind": "lost-answer", "status": 504}]"#, projects: Self.shop)
        let run = project(emulator, operation) { $0.confirmed = true }
        #expect(run.status == 3)
        #expect(run.stderr.contains("POST \(path) failed (HTTP 504) and was not repeated: it may have reached the server"), "\(run.stderr)")
        #expect(try emulator.count("POST", path) == 1)
    }

    @Test(arguments: [PlatformOperation.kill, .redeploy])
    func aKillOrRedeployTurnedAwayAtTheDoorIsRepeated(operation: PlatformOperation) throws {
        // 429 and a refused connection mean nothing was carried out.
        let path = "/projects/shop/\(operation.rawValue)"
        let emulator = try Emulator(faults: #"[{"method": "POST", "path": "\#(path)", "status": 429, "retry_after": "0"}]"#, projects: Self.shop)
        let run = project(emulator, operation) { $0.confirmed = true }
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try emulator.count("POST", path) == 2)
    }

    // MARK: redeploy

    @Test func redeployWaitsUntilTheProjectRunsAgain() throws {
        let emulator = try Emulator(projects: Self.shop, arguments: ["--polls-to-settle", "3"])
        let run = project(emulator, .redeploy) { ($0.wait, $0.format) = (WaitOptions(interval: 0.1), .json) }
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains(#""action":"redeployed","target":"aliyun-project","name":"shop","status":200"#), "\(run.stdout)")
        #expect(run.stdout.contains(#""state":"running""#), "\(run.stdout)")
        #expect(run.stderr.contains("stackc: aliyun-project shop: updating (want running)"), "\(run.stderr)")
        #expect(try emulator.count("GET", "/projects/shop") == 3)
    }

    @Test func redeployDuringAnUnconfirmedBlueGreenUpdateIsAConflict() throws {
        let pending = #"[{"name": "shop", "template": "a", "version": "1", "pending": {"version": "2"}}]"#
        let emulator = try Emulator(projects: pending)
        let run = project(emulator, .redeploy)
        #expect(run.status == 1)
        #expect(run.stderr.contains("HTTP 409: Conflicts with unconfirmed updates for operation"), "\(run.stderr)")
    }

    @Test func aRedeployThatEndsFailedExitsOne() throws {
        let emulator = try Emulator(projects: Self.shop, arguments: ["--polls-to-settle", "2", "--final-state", "failed"])
        let run = project(emulator, .redeploy) { $0.wait = WaitOptions(interval: 0.1) }
        #expect(run.status == 1)
        #expect(run.stderr.contains("aliyun-project shop ended in state failed (wanted running)"), "\(run.stderr)")
    }

    // MARK: --wait after start, stop and delete

    @Test func stopAndStartWaitForTheirStates() throws {
        let emulator = try Emulator(projects: Self.shop, arguments: ["--polls-to-settle", "3"])
        let stopped = project(emulator, .stop) { $0.wait = WaitOptions(interval: 0.1) }
        #expect(stopped.status == 0, "\(stopped.stderr)")
        #expect(stopped.stderr.contains("stackc: aliyun-project shop: stopping (want stopped)"), "\(stopped.stderr)")
        #expect(stopped.stdout.contains("state stopped"), "\(stopped.stdout)")
        let started = project(emulator, .start) { $0.wait = WaitOptions(interval: 0.1) }
        #expect(started.status == 0, "\(started.stderr)")
        #expect(started.stderr.contains("stackc: aliyun-project shop: starting (want running)"), "\(started.stderr)")
        #expect(started.stdout.contains("state running"), "\(started.stdout)")
    }

    @Test func deleteWaitsUntilTheProjectIsGone() throws {
        let emulator = try Emulator(projects: Self.shop, arguments: ["--polls-to-settle", "3"])
        let run = project(emulator, .delete) { ($0.confirmed, $0.wait) = (true, WaitOptions(interval: 0.1)) }
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("stackc: aliyun-project shop: deleting (want gone)"), "\(run.stderr)")
        #expect(run.stdout.contains("state gone"), "\(run.stdout)")
        #expect(project(emulator, .get).status == 1)
    }

    @Test func aWaitThatOutlastsTheTimeoutExitsThreeWithTheLastState() throws {
        let emulator = try Emulator(projects: Self.shop, arguments: ["--polls-to-settle", "100000"])
        let run = project(emulator, .stop) { ($0.wait, $0.access.connection.timeout) = (WaitOptions(interval: 0.3), 1.5) }
        #expect(run.status == 3, "\(run.stderr)")
        #expect(run.seconds >= 1.2 && run.seconds < 1.5 + slack, "took \(run.seconds) s")
        #expect(run.stderr.contains("(--timeout 1.5 s) waiting for aliyun-project shop to be stopped; last state: stopping"), "\(run.stderr)")
    }

    @Test func waitIsRefusedWhereNoStateIsDocumented() throws {
        let emulator = try Emulator(projects: Self.shop)
        let kill = project(emulator, .kill) { ($0.confirmed, $0.wait) = (true, WaitOptions(interval: 1)) }
        #expect(kill.result == .usage("--wait does not apply to kill --target aliyun-project: its documented GET shows no state for 'kill' (it does after: start, stop, redeploy, delete)"))
        #expect(try emulator.requests().isEmpty)
    }

    // MARK: services

    @Test func servicesAreListedWithTheDocumentedQueryAndShown() throws {
        let emulator = try Emulator(projects: Self.shop, arguments: ["--services", Self.web])
        let all = service(emulator, .list, name: nil)
        #expect(all.status == 0, "\(all.stderr)")
        #expect(all.stdout == "NAME  STATE\nweb   running\ndb    stopped\n")
        let filtered = service(emulator, .list, name: "we") { ($0.arguments.containers, $0.format) = (false, .json) }
        #expect(try sent(emulator) == "GET /services/?q=we&containers=false")
        let listed = try #require(try JSONSerialization.jsonObject(with: Data(filtered.stdout.utf8)) as? [[String: Any]])
        #expect(listed.map { $0["id"] as? String } == ["shop_web"])
        #expect(listed.first?["containers"] == nil)

        let shown = service(emulator, .get)
        #expect(shown.status == 0, "\(shown.stderr)")
        #expect(try sent(emulator) == "GET /services/shop_web")
        #expect(shown.stdout.contains("id: shop_web\n") && shown.stdout.contains("project: shop\n"), "\(shown.stdout)")
        let absent = service(emulator, .get, name: "cache")
        #expect(absent.status == 1)
        #expect(absent.stderr.contains("aliyun-scale shop/cache does not exist"), "\(absent.stderr)")
    }

    @Test func scaleSendsTheBodyTheTemplateLoweringSends() throws {
        let emulator = try Emulator(projects: Self.shop, arguments: ["--services", Self.web])
        let template = try composeTemplate("services:\n  web:\n    image: nginx\n    labels:\n      aliyun.scale: '3'\n")
        let lowered = submitFlow(template, .aliyunScale, [.project: "shop", .service: "web"]) { emulator.cluster(&$0) }
        #expect(lowered.status == 0, "\(lowered.stderr)")
        let scaled = service(emulator, .scale) { $0.arguments.scale = .manual(replicas: 3) }
        #expect(scaled.status == 0, "\(scaled.stderr)")
        #expect(scaled.stdout.hasPrefix("stackc: scaled aliyun-scale shop/web: done (HTTP 200"), "\(scaled.stdout)")
        let bodies = try emulator.requests().filter { $0.path == "/services/shop_web/scale" }
        #expect(bodies.count == 2)
        #expect(bodies.map(\.body) == [#"{"type":"scale_to","value":3}"#, #"{"type":"scale_to","value":3}"#])
        #expect(bodies.last?.headers["Content-Type"] == "application/json")

        #expect(service(emulator, .scale) { $0.arguments.scale = .manual(replicas: 0) }.status == 0)
        let shown = service(emulator, .get) { $0.format = .json }
        let object = try #require(try JSONSerialization.jsonObject(with: Data(shown.stdout.utf8)) as? [String: Any])
        #expect((object["extensions"] as? [String: Any])?["scale"] as? Int == 0)
    }

    @Test func scaleIsRepeatedAfterAGatewayErrorAndRefusedWhileAnUpdateIsPending() throws {
        // Scaling to a count twice leaves the same count: repeated even when the first attempt may have arrived.
        let emulator = try Emulator(faults: #"[{"path": "/services/shop_web/scale", "kind": "lost-answer", "status": 502}]"#,
                                    projects: Self.shop, arguments: ["--services", Self.web])
        let retried = service(emulator, .scale) { $0.arguments.scale = .manual(replicas: 2) }
        #expect(retried.status == 0, "\(retried.stderr)")
        #expect(try emulator.count("POST", "/services/shop_web/scale") == 2)

        let pending = try Emulator(projects: #"[{"name": "shop", "template": "a", "pending": {"version": "2"}}]"#, arguments: ["--services", Self.web])
        let conflict = service(pending, .scale) { $0.arguments.scale = .manual(replicas: 2) }
        #expect(conflict.status == 1)
        #expect(conflict.stderr.contains("HTTP 409: Conflicts with unconfirmed updates for operation"), "\(conflict.stderr)")
        let absent = service(pending, .scale, name: "cache") { $0.arguments.scale = .manual(replicas: 2) }
        #expect(absent.status == 1)
        #expect(absent.stderr.contains("HTTP 404: service shop_cache not found"), "\(absent.stderr)")
    }

    @Test func serviceStopStartAndKillChangeItsState() throws {
        let emulator = try Emulator(projects: Self.shop, arguments: ["--services", Self.web, "--polls-to-settle", "2"])
        let stopped = service(emulator, .stop) { ($0.arguments.stopTimeout, $0.wait) = (5, WaitOptions(interval: 0.1)) }
        #expect(stopped.status == 0, "\(stopped.stderr)")
        #expect(try emulator.requests().first { $0.method == "POST" }.map { "\($0.path)?\($0.query)" } == "/services/shop_web/stop?t=5")
        #expect(stopped.stdout.contains("state stopped"), "\(stopped.stdout)")
        let started = service(emulator, .start) { $0.wait = WaitOptions(interval: 0.1) }
        #expect(started.status == 0, "\(started.stderr)")
        #expect(started.stderr.contains("stackc: aliyun-scale shop/web: starting (want running)"), "\(started.stderr)")
        #expect(service(emulator, .kill).status == 2)
        let killed = service(emulator, .kill) { ($0.confirmed, $0.arguments.signal) = (true, "TERM") }
        #expect(killed.status == 0, "\(killed.stderr)")
        #expect(try sent(emulator) == "POST /services/shop_web/kill?signal=TERM")
        #expect(try state(emulator, "/services/shop_web") == "stopped")
    }

    @Test func aServerErrorOnAServiceIsNotRetriedAndExitsThree() throws {
        let emulator = try Emulator(faults: #"[{"path": "/services/shop_web/start", "status": 500, "body": "agent down"}]"#, arguments: ["--services", Self.web])
        let run = service(emulator, .start)
        #expect(run.status == 3)
        #expect(run.stderr.contains("HTTP 500: agent down"), "\(run.stderr)")
        #expect(try emulator.count("POST", "/services/shop_web/start") == 1)
    }

    // MARK: volumes

    @Test func aVolumeDeleteWaitsForItsAbsenceAndIsRetriedAfter503() throws {
        let emulator = try Emulator(faults: #"[{"method": "DELETE", "path": "/volumes/", "status": 503, "retry_after": "0"}]"#)
        #expect(submitFlow(sample("aliyun-volume/valid.yaml"), .aliyunVolume) { emulator.cluster(&$0) }.status == 0)
        let volume = { (operation: PlatformOperation, configure: (inout OperationJob) -> Void) in
            operationFlow(operation, .aliyunVolume) { job in
                emulator.cluster(&job.access)
                (job.arguments.name, job.confirmed) = ("shared-uploads", true)
                configure(&job)
            }
        }
        let deleted = volume(.delete) { ($0.wait, $0.format) = (WaitOptions(interval: 0.1), .json) }
        #expect(deleted.status == 0, "\(deleted.stderr)")
        #expect(deleted.stdout.contains(#""action":"deleted""#) && deleted.stdout.contains(#""state":"gone""#), "\(deleted.stdout)")
        // After the submit's lookup and create: the DELETE answered 503, repeated, then one poll finds it gone.
        let sent = try emulator.requests().map { "\($0.method) \($0.path)" }.suffix(3)
        #expect(sent == ["DELETE /volumes/shared-uploads", "DELETE /volumes/shared-uploads", "GET /volumes/shared-uploads"], "\(sent)")
        let absent = volume(.get) { _ in }
        #expect(absent.status == 1)
        #expect(absent.stderr.contains("aliyun-volume shared-uploads does not exist"), "\(absent.stderr)")
    }

    // MARK: what each target supports

    @Test func targetsWithoutAVerbListWhatTheySupport() {
        let redeploy = operationFlow(.redeploy, .aliyunScale) { ($0.arguments.project, $0.arguments.name) = ("shop", "web") }
        #expect(redeploy.result == .usage("aliyun-scale has no documented 'redeploy'; it supports: get, list, start, stop, kill, scale"))
        let scale = operationFlow(.scale, .aliyunProject) { ($0.arguments.name, $0.arguments.scale) = ("shop", .manual(replicas: 2)) }
        #expect(scale.result == .usage("aliyun-project has no documented 'scale'; it supports: get, list, start, stop, kill, redeploy, delete"))
        let kill = operationFlow(.kill, .aliyunVolume) { ($0.arguments.name, $0.confirmed) = ("data", true) }
        #expect(kill.result == .usage("aliyun-volume has no documented 'kill'; it supports: get, list, delete"))
        let noCount = operationFlow(.scale, .aliyunScale) { ($0.arguments.project, $0.arguments.name) = ("shop", "web") }
        #expect(noCount.result == .usage("scale --target aliyun-scale needs --replicas"))
        let stray = operationFlow(.start, .aliyunScale) { ($0.arguments.project, $0.arguments.name, $0.arguments.scale) = ("shop", "web", .manual(replicas: 2)) }
        #expect(stray.result == .usage("--replicas does not apply to start --target aliyun-scale"))
        let signal = operationFlow(.redeploy, .aliyunProject) { ($0.arguments.name, $0.arguments.signal) = ("shop", "HUP") }
        #expect(signal.result == .usage("--signal does not apply to redeploy --target aliyun-project"))
    }

    @Test func aDryRunOfScaleShowsItsBody() throws {
        let emulator = try Emulator()
        let run = service(emulator, .scale) { ($0.dryRun, $0.arguments.scale) = (true, .manual(replicas: 4)) }
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("# scale aliyun-scale shop/web\nPOST \(emulator.clusterURL)/services/shop_web/scale\n"), "\(run.stdout)")
        #expect(run.stdout.contains(#""value": 4"#) || run.stdout.contains(#""value":4"#), "\(run.stdout)")
        #expect(try emulator.requests().isEmpty)
    }
}
