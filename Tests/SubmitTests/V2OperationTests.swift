import Foundation
import Model
import Submit
import Testing
import TestSupport

/// The v2 operations against the emulator, in-process: applications (kill, rollout, scale manual and
/// auto), configMap and secret keys, cloud disks (create, get, extend, delete), and `--wait` on deletes.
@Suite struct V2OperationTests {
    private let token = ["STACKC_TOKEN": "test-token"]

    private func run(_ emulator: Emulator, _ operation: PlatformOperation, _ target: OperationTarget, name: String? = nil,
                     _ configure: (inout OperationJob) -> Void = { _ in }) -> FlowRun {
        operationFlow(operation, target, environment: token) { job in
            emulator.api(&job.access)
            (job.arguments.project, job.arguments.name) = ("team", name)
            configure(&job)
        }
    }

    private func app(_ emulator: Emulator, _ operation: PlatformOperation, _ configure: (inout OperationJob) -> Void = { _ in }) -> FlowRun {
        run(emulator, operation, .template(.v2Application), name: "orders-api", configure)
    }

    private func create(_ emulator: Emulator, _ file: String, _ target: TargetID) {
        let created = submitFlow(sample(file), target, [.project: "team"], environment: token) { emulator.api(&$0) }
        #expect(created.status == 0, "\(created.stderr)")
    }

    /// The application as the emulator's GET shows it, as JSON.
    private func shown(_ emulator: Emulator) throws -> [String: Any] {
        let got = app(emulator, .get) { $0.format = .json }
        #expect(got.status == 0, "\(got.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(got.stdout.utf8)) as? [String: Any])
    }

    private func lastRequest(_ emulator: Emulator) throws -> String {
        let sent = try #require(try emulator.requests().last)
        return "\(sent.method) \(sent.path)?\(sent.query) \(sent.body)"
    }

    // MARK: applications

    @Test func rolloutSendsTheDocumentedBodyAndTheImageChanges() throws {
        let emulator = try Emulator()
        create(emulator, "application/valid.yaml", .v2Application)
        let rolled = app(emulator, .rollout) { $0.arguments.image = "docker.oa.com:8080/public/orders-api:2.4.0" }
        #expect(rolled.status == 0, "\(rolled.stderr)")
        #expect(rolled.stdout.hasPrefix("stackc: rolled-out v2-application team/orders-api: done (HTTP 200"), "\(rolled.stdout)")
        #expect(try lastRequest(emulator) == #"POST /v2/applications/team/orders-api/rollout? {"image":"docker.oa.com:8080/public/orders-api:2.4.0"}"#)
        #expect(try shown(emulator)["Image"] as? String == "docker.oa.com:8080/public/orders-api:2.4.0")
    }

    @Test func rolloutNeedsAnImageAndTakesNoAppID() throws {
        let emulator = try Emulator()
        #expect(app(emulator, .rollout).result == .usage("rollout --target v2-application needs --image"))
        let stray = app(emulator, .rollout) { ($0.arguments.image, $0.arguments.appID) = ("web:2", "7") }
        #expect(stray.result == .usage("--app-id does not apply to rollout --target v2-application"))
        #expect(try emulator.requests().isEmpty)
    }

    @Test func manualScaleSendsTypeAndScaleInTheQuery() throws {
        let emulator = try Emulator()
        create(emulator, "application/valid.yaml", .v2Application)
        let scaled = app(emulator, .scale) { $0.arguments.scale = .manual(replicas: 5) }
        #expect(scaled.status == 0, "\(scaled.stderr)")
        #expect(scaled.stdout.hasPrefix("stackc: scaled v2-application team/orders-api: done"), "\(scaled.stdout)")
        let sent = try lastRequest(emulator)
        #expect(sent == "POST /v2/applications/team/orders-api/scale?type=manual&scale=5 ", "\(sent)")
        #expect(try shown(emulator)["InstanceNum"] as? Int == 5)
    }

    @Test func autoScaleSendsTheBoundsInTheDocumentedOrder() throws {
        let emulator = try Emulator()
        create(emulator, "application/valid.yaml", .v2Application)
        let scaled = app(emulator, .scale) { $0.arguments.scale = .auto(minReplicas: 1, maxReplicas: 10, targetCPU: 50) }
        #expect(scaled.status == 0, "\(scaled.stderr)")
        #expect(try lastRequest(emulator)
            == #"POST /v2/applications/team/orders-api/scale?type=auto {"minReplicas":1,"maxReplicas":10,"targetCPUUtilization":50}"#)
        #expect(try shown(emulator)["scale"] as? [String: Int] == ["minReplicas": 1, "maxReplicas": 10, "targetCPUUtilization": 50])
    }

    @Test func scaleValuesAreHeldToTheTemplatesScaleBoundsBeforeAnythingIsSent() throws {
        let emulator = try Emulator()
        let negative = app(emulator, .scale) { $0.arguments.scale = .manual(replicas: -1) }
        #expect(negative.status == 1)
        #expect(negative.stderr.contains("<command line>: error: --replicas is -1; use a whole number of 0 or more [scale-bounds]"), "\(negative.stderr)")
        #expect(negative.stderr.contains("stackc: nothing was sent: fix the errors above"))
        let inverted = app(emulator, .scale) { $0.arguments.scale = .auto(minReplicas: 4, maxReplicas: 2, targetCPU: 101) }
        #expect(inverted.status == 1)
        #expect(inverted.stderr.contains("--target-cpu is 101; use a whole number from 1 to 100 [scale-bounds]"), "\(inverted.stderr)")
        #expect(inverted.stderr.contains("--max-replicas is 2, less than --min-replicas 4; make it at least 4 [scale-bounds]"), "\(inverted.stderr)")
        let overflow = app(emulator, .scale) { $0.arguments.scale = .manual(replicas: 1 << 40) }
        #expect(overflow.status == 1)
        #expect(overflow.stderr.contains("[integer-overflow]"), "\(overflow.stderr)")
        #expect(try emulator.requests().isEmpty)
    }

    @Test func killNeedsYesAndStopsTheApplication() throws {
        let emulator = try Emulator()
        create(emulator, "application/valid.yaml", .v2Application)
        #expect(app(emulator, .kill).result
            == .usage("kill needs --yes: it kills v2-application team/orders-api's running instances (--dry-run shows the request without sending it)"))
        let killed = app(emulator, .kill) { ($0.confirmed, $0.arguments.appID) = (true, "a1") }
        #expect(killed.status == 0, "\(killed.stderr)")
        #expect(killed.stdout.hasPrefix("stackc: killed v2-application team/orders-api: done (HTTP 200"), "\(killed.stdout)")
        #expect(try lastRequest(emulator) == "POST /v2/applications/team/orders-api/kill?app_id=a1 ")
        #expect(try shown(emulator)["Status"] as? String == "KILLED")
    }

    /// Unlike an aliyun kill (a signal, `AliyunLifecycleTests`), a v2 kill leaves the same state when sent twice:
    /// an attempt whose answer the gateway lost is repeated.
    @Test func aV2KillWhoseAnswerWasLostIsRepeated() throws {
        let emulator = try Emulator(faults: #"[{"method": "POST", "path": "/v2/applications/team/orders-api/kill", "kind": "lost-answer", "status": 504}]"#)
        create(emulator, "application/valid.yaml", .v2Application)
        let killed = app(emulator, .kill) { $0.confirmed = true }
        #expect(killed.status == 0, "\(killed.stderr)")
        #expect(try emulator.count("POST", "/v2/applications/team/orders-api/kill") == 2)
    }

    @Test func operationsOnAnAbsentApplicationExitOne() throws {
        let emulator = try Emulator()
        for (operation, configure) in [(PlatformOperation.rollout, { (job: inout OperationJob) in job.arguments.image = "web:2" }),
                                       (.scale, { $0.arguments.scale = .manual(replicas: 1) }), (.kill, { $0.confirmed = true })] {
            let absent = app(emulator, operation, configure)
            #expect(absent.status == 1, "\(operation)")
            #expect(absent.stderr.contains("HTTP 404: orders-api not found"), "\(absent.stderr)")
        }
    }

    @Test func aRolloutIsRetriedAfter503AndANonZeroCodeIsARefusal() throws {
        let emulator = try Emulator(faults: #"[{"method": "POST", "path": "/v2/applications/team/orders-api/rollout", "times": 2, "status": 503, "retry_after": "0"}]"#)
        create(emulator, "application/valid.yaml", .v2Application)
        let retried = app(emulator, .rollout) { $0.arguments.image = "web:2" }
        #expect(retried.status == 0, "\(retried.stderr)")
        #expect(try emulator.count("POST", "/v2/applications/team/orders-api/rollout") == 3)
        let conflict = try Emulator(faults: #"[{"method": "POST", "path": "/v2/applications/", "status": 200, "body": "{\"Code\": 1009, \"Message\": \"a rollout is in progress\"}"}]"#)
        let refused = app(conflict, .rollout) { $0.arguments.image = "web:2" }
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("Code 1009: a rollout is in progress"), "\(refused.stderr)")
        #expect(try conflict.count("POST", "/v2/applications/team/orders-api/rollout") == 1)
    }

    @Test func aServerErrorOnScaleIsNotRetried() throws {
        let emulator = try Emulator(faults: #"[{"path": "/v2/applications/", "status": 500, "body": "boom"}]"#)
        let failed = app(emulator, .scale) { $0.arguments.scale = .manual(replicas: 2) }
        #expect(failed.status == 3)
        #expect(failed.stderr.contains("HTTP 500: boom"), "\(failed.stderr)")
        #expect(try emulator.count("POST", "/v2/applications/team/orders-api/scale") == 1)
    }

    @Test func waitAppliesOnlyWhereADocumentedGETShowsTheState() throws {
        let emulator = try Emulator()
        let rollout = app(emulator, .rollout) { ($0.arguments.image, $0.wait) = ("web:2", WaitOptions(interval: 0.1)) }
        #expect(rollout.result == .usage("--wait does not apply to rollout --target v2-application: the answer of v2-application's documented GET is not documented, "
            + "so no state shows when it is done (only a delete can be watched, until GET answers 404)"))
        let create = run(emulator, .create, .v2CinderVolume, name: "d") { ($0.arguments.size, $0.wait) = (1, WaitOptions()) }
        #expect(create.status == 2)
        #expect(try emulator.requests().isEmpty)
    }

    @Test func deleteWaitsUntilTheGETAnswers404() throws {
        let emulator = try Emulator(faults: #"[{"method": "GET", "path": "/v2/composes/team/shop", "times": 2, "status": 200, "body": "{\"stackInstanceName\": \"shop\"}"}]"#)
        let deleted = run(emulator, .delete, .template(.v2Compose), name: "shop") { ($0.confirmed, $0.wait, $0.ignoreMissing) = (true, WaitOptions(interval: 0.1), true) }
        #expect(deleted.status == 0, "\(deleted.stderr)")
        #expect(deleted.stderr.contains("stackc: v2-compose team/shop: exists (want gone)"), "\(deleted.stderr)")
        #expect(deleted.stderr.contains("stackc: v2-compose team/shop: gone (want gone)"), "\(deleted.stderr)")
        #expect(try emulator.count("GET", "/v2/composes/team/shop") == 3)
    }

    @Test func aWaitThatNeverEndsStopsAtTheDeadlineWithExitThree() throws {
        let emulator = try Emulator(faults: #"[{"method": "GET", "path": "/v2/secrets/team/db", "times": -1, "status": 200, "body": "{\"name\": \"db\"}"}]"#)
        let run = run(emulator, .delete, .template(.v2Secret), name: "db") { job in
            (job.confirmed, job.ignoreMissing, job.wait, job.access.connection.timeout) = (true, true, WaitOptions(interval: 0.2), 1.5)
        }
        #expect(run.status == 3)
        #expect(run.stderr.contains("(--timeout 1.5 s) waiting for v2-secret team/db to be gone; last state: exists"), "\(run.stderr)")
        #expect(run.seconds < 2.5)
    }

    // MARK: configMap and secret keys

    @Test func aKeyIsShownAndDeletedAlone() throws {
        let emulator = try Emulator()
        create(emulator, "configmap/valid.yaml", .v2ConfigMap)
        let key = { (operation: PlatformOperation, key: String) in
            self.run(emulator, operation, .template(.v2ConfigMap), name: "app-config") { ($0.arguments.key, $0.confirmed, $0.format) = (key, true, .json) }
        }
        let got = key(.get, "LOG_LEVEL")
        #expect(got.stdout == #"{"data":"info"}"# + "\n", "\(got.stdout)")
        #expect(try emulator.requests().last?.path == "/v2/configmaps/team/app-config/LOG_LEVEL")
        let deleted = key(.delete, "LOG_LEVEL")
        #expect(deleted.status == 0, "\(deleted.stderr)")
        #expect(deleted.stdout.contains(#""action":"deleted","target":"v2-configmap","name":"team/app-config/LOG_LEVEL""#), "\(deleted.stdout)")
        let absent = key(.get, "LOG_LEVEL")
        #expect(absent.status == 1)
        #expect(absent.stdout.contains("v2-configmap team/app-config/LOG_LEVEL does not exist"), "\(absent.stdout)")
        #expect(key(.get, "MAX_CONNECTIONS").status == 0)
    }

    @Test func aSecretKeyValueIsNeverPrinted() throws {
        let emulator = try Emulator()
        let created = submitFlow(sample("secret/valid.yaml"), .v2Secret, [.project: "team"], environment: token.merging(["DB_PASSWORD": "s3cret-pa55word"]) { $1 }) {
            emulator.api(&$0)
        }
        #expect(created.status == 0, "\(created.stderr)")
        for format in [OutcomeFormat.text, .json] {
            let got = run(emulator, .get, .template(.v2Secret), name: "db-credentials") { ($0.arguments.key, $0.format) = ("password", format) }
            #expect(got.status == 0, "\(got.stderr)")
            #expect(got.stdout.contains("<redacted>"), "\(got.stdout)")
            for leak in ["s3cret-pa55word", "czNjcmV0LXBhNTV3b3Jk"] { #expect(!(got.stdout + got.stderr).contains(leak)) }
        }
    }

    @Test func aKeyInUseByAnApplicationCannotBeDeleted() throws {
        let emulator = try Emulator()
        create(emulator, "configmap/valid.yaml", .v2ConfigMap)
        create(emulator, "application/valid.yaml", .v2Application)
        let refused = run(emulator, .delete, .template(.v2ConfigMap), name: "app-config") { ($0.arguments.key, $0.confirmed) = ("LOG_LEVEL", true) }
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("the server refused: Code 1005: key LOG_LEVEL is used by orders-api"), "\(refused.stderr)")
        let whole = run(emulator, .delete, .template(.v2ConfigMap), name: "app-config") { $0.confirmed = true }
        #expect(whole.status == 1)
        #expect(whole.stderr.contains("Code 1005: configmaps app-config is used by orders-api"), "\(whole.stderr)")
    }

    @Test func theApplicationsUsingAKeyAreListed() throws {
        let emulator = try Emulator()
        create(emulator, "configmap/valid.yaml", .v2ConfigMap)
        create(emulator, "application/valid.yaml", .v2Application)
        let list = { (key: String) in
            self.run(emulator, .list, .template(.v2ConfigMap), name: "app-config") { $0.arguments.key = key }
        }
        #expect(list("app.properties").stdout == "NAME        STATE\norders-api  Volume\n", "\(list("app.properties").stdout)")
        #expect(list("LOG_LEVEL").stdout == "NAME        STATE\norders-api  Env\n")
        #expect(try emulator.requests().last?.path == "/v2/configmaps/team/app-config/LOG_LEVEL/apps")
        let json = run(emulator, .list, .template(.v2ConfigMap), name: "app-config") { ($0.arguments.key, $0.format) = ("app.properties", .json) }
        #expect(json.stdout.contains(#""appName":"orders-api","type":"Volume","mountPath":"/etc/orders""#), "\(json.stdout)")
        let absent = list("NOPE")
        #expect(absent.status == 1)
        #expect(absent.stderr.contains("app-config has no key NOPE"), "\(absent.stderr)")
    }

    @Test func aKeyIsOnlyForConfigMapsAndSecrets() {
        let refused = operationFlow(.get, .v2Compose) { ($0.arguments.project, $0.arguments.name, $0.arguments.key) = ("team", "shop", "k") }
        #expect(refused.result == .usage("--key-name does not apply to get --target v2-compose"))
    }

    // MARK: cloud disks

    private func disk(_ emulator: Emulator, _ operation: PlatformOperation, _ configure: (inout OperationJob) -> Void) -> FlowRun {
        run(emulator, operation, .v2CinderVolume, configure)
    }

    @Test func aDiskIsCreatedShownExtendedAndDeleted() throws {
        let emulator = try Emulator()
        let created = disk(emulator, .create) { ($0.arguments.name, $0.arguments.size, $0.arguments.fsType, $0.arguments.description) = ("pg-data", 20, "ext4", "for pg") }
        #expect(created.status == 0, "\(created.stderr)")
        #expect(created.stdout.hasPrefix("stackc: created v2-cinder-volume team/pg-data: done (HTTP 200"), "\(created.stdout)")
        #expect(try lastRequest(emulator)
            == #"POST /v2/cinder/team/volumes? {"size":20,"name":"pg-data","description":"for pg","snapshot_id":"","metadata":{"fs_type":"ext4"}}"#)
        // The emulator numbers disks vol-1, vol-2, … (the create answer names no id).
        let shown = disk(emulator, .get) { $0.arguments.volumeID = "vol-1" }
        #expect(shown.stdout.contains("name: pg-data\n") && shown.stdout.contains("size: 20\n"), "\(shown.stdout)")
        let extended = disk(emulator, .extend) { ($0.arguments.volumeID, $0.arguments.size) = ("vol-1", 50) }
        #expect(extended.status == 0, "\(extended.stderr)")
        #expect(try lastRequest(emulator) == #"POST /v2/cinder/team/volumes/vol-1/extend? {"new_size":50}"#)
        #expect(disk(emulator, .get) { $0.arguments.volumeID = "vol-1" }.stdout.contains("size: 50\n"))
        let deleted = disk(emulator, .delete) { ($0.arguments.volumeID, $0.confirmed, $0.wait) = ("vol-1", true, WaitOptions(interval: 0.1)) }
        #expect(deleted.status == 0, "\(deleted.stderr)")
        #expect(deleted.stdout.hasPrefix("stackc: deleted v2-cinder-volume team/vol-1: done (HTTP 200"), "\(deleted.stdout)")
        #expect(disk(emulator, .get) { $0.arguments.volumeID = "vol-1" }.status == 1)
    }

    @Test func aDiskCreateDefaultsToXFSAndIsNeverRepeatedAfterALostAnswer() throws {
        let emulator = try Emulator(faults: #"[{"method": "POST", "path": "/v2/cinder/", "kind": "lost-answer", "status": 504}]"#)
        let lost = disk(emulator, .create) { ($0.arguments.name, $0.arguments.size) = ("scratch", 5) }
        #expect(lost.status == 3)
        #expect(try emulator.count("POST", "/v2/cinder/team/volumes") == 1)
        #expect(try emulator.requests().last?.body.contains(#""metadata":{"fs_type":"xfs"}"#) == true)
        // It was created: a second create would have made a second disk.
        #expect(disk(emulator, .get) { $0.arguments.volumeID = "vol-1" }.status == 0)
    }

    @Test func diskValuesAreHeldToTheTemplatesRules() throws {
        let emulator = try Emulator()
        let bad = disk(emulator, .create) { ($0.arguments.name, $0.arguments.size, $0.arguments.fsType) = ("d", 0, "ntfs") }
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("--size is 0; use a whole number of 1 or more [scale-bounds]"), "\(bad.stderr)")
        #expect(bad.stderr.contains("--fs-type is 'ntfs'; use one of 'ext4', 'xfs' [type-mismatch]"), "\(bad.stderr)")
        #expect(disk(emulator, .create) { $0.arguments.name = "d" }.result == .usage("create --target v2-cinder-volume needs --size"))
        #expect(disk(emulator, .extend) { ($0.arguments.volumeID, $0.arguments.size, $0.arguments.fsType) = ("v", 2, "xfs") }.result
            == .usage("--fs-type does not apply to extend --target v2-cinder-volume"))
        #expect(disk(emulator, .get) { _ in }.result == .usage("get --target v2-cinder-volume needs --volume-id"))
        #expect(try emulator.requests().isEmpty)
    }

    @Test func aDiskInUseRefusesDeleteAndExtendAndAShrinkIsRefused() throws {
        let emulator = try Emulator(arguments: ["--cinder-volumes", #"[{"id": "busy", "name": "b", "size": 10, "status": "in-use"}, {"id": "free", "name": "f", "size": 10}]"#])
        let busy = disk(emulator, .delete) { ($0.arguments.volumeID, $0.confirmed) = ("busy", true) }
        #expect(busy.status == 1)
        #expect(busy.stderr.contains("Code 1005: volume busy is in use"), "\(busy.stderr)")
        let shrink = disk(emulator, .extend) { ($0.arguments.volumeID, $0.arguments.size) = ("free", 5) }
        #expect(shrink.status == 1)
        #expect(shrink.stderr.contains("Code 1001: new_size must be larger than the current size 10"), "\(shrink.stderr)")
        let absent = disk(emulator, .delete) { ($0.arguments.volumeID, $0.confirmed) = ("nope", true) }
        #expect(absent.status == 1)
        #expect(absent.stderr.contains("v2-cinder-volume team/nope does not exist, nothing was deleted"), "\(absent.stderr)")
    }

    @Test func cloudDisksHaveNoDocumentedList() {
        #expect(operationFlow(.list, .v2CinderVolume) { $0.arguments.project = "team" }.result
            == .usage("v2-cinder-volume has no documented 'list'; it supports: get, create, extend, delete"))
    }
}
