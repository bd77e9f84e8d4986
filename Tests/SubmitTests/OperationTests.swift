import Foundation
import Model
import Submit
import Testing
import TestSupport

/// `stackc get|list|start|stop|delete` against the emulator, in-process: each documented operation's
/// success, absence, server errors and retries, the delete safety rules, and secret masking.
@Suite struct OperationTests {
    private let token = ["STACKC_TOKEN": "test-token"]
    private static let shop = #"[{"name": "shop", "template": "web:\n  image: nginx", "environment": {"DB_PASSWORD": "hunter22-secret"}}]"#

    private func aliyun(_ emulator: Emulator, _ operation: PlatformOperation, name: String? = "shop",
                        _ configure: (inout OperationJob) -> Void = { _ in }) -> FlowRun {
        operationFlow(operation, .aliyunProject) { job in
            emulator.cluster(&job.access)
            job.arguments.name = name
            configure(&job)
        }
    }

    private func api(_ emulator: Emulator, _ operation: PlatformOperation, _ target: TargetID, name: String?,
                     _ configure: (inout OperationJob) -> Void = { _ in }) -> FlowRun {
        operationFlow(operation, target, environment: token) { job in
            emulator.api(&job.access)
            (job.arguments.project, job.arguments.name) = ("team", name)
            configure(&job)
        }
    }

    private func create(_ emulator: Emulator, _ file: String, _ target: TargetID, _ values: [RequestField: String] = [:],
                        environment: [String: String] = [:]) {
        let run = submitFlow(sample(file), target, [.project: "team"].merging(values) { $1 }, environment: token.merging(environment) { $1 }) { emulator.api(&$0) }
        #expect(run.status == 0, "\(run.stderr)")
    }

    // MARK: aliyun projects

    @Test func getShowsTheProjectWithItsEnvironmentValuesMasked() throws {
        let emulator = try Emulator(projects: Self.shop)
        let text = aliyun(emulator, .get)
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.contains("name: shop\n"), "\(text.stdout)")
        #expect(text.stdout.contains("current_state: running\n"))
        #expect(text.stdout.contains(#""DB_PASSWORD":"<redacted>""#), "\(text.stdout)")
        let json = aliyun(emulator, .get) { $0.format = .json }
        #expect(json.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["name"] as? String == "shop")
        #expect((object["environment"] as? [String: String])?["DB_PASSWORD"] == "<redacted>")
        #expect(!(text.stdout + json.stdout + text.stderr + json.stderr).contains("hunter22"))
    }

    @Test func listSendsTheDocumentedQueryAndPrintsATable() throws {
        let emulator = try Emulator(projects: #"[{"name": "shop", "template": "a"}, {"name": "blog", "template": "b", "current_state": "stopped"}]"#)
        let filtered = aliyun(emulator, .list) { ($0.arguments.services, $0.arguments.containers) = (true, false) }
        #expect(filtered.status == 0, "\(filtered.stderr)")
        #expect(try emulator.requests().last?.query == "q=shop&services=true&containers=false")
        #expect(filtered.stdout == "NAME  STATE\nshop  running\n")
        let all = aliyun(emulator, .list, name: nil) { $0.format = .json }
        #expect(try emulator.requests().last?.query == "")
        let listed = try #require(try JSONSerialization.jsonObject(with: Data(all.stdout.utf8)) as? [[String: Any]])
        #expect(listed.compactMap { $0["name"] as? String }.sorted() == ["blog", "shop"])
    }

    @Test func getOfAnAbsentProjectExitsOne() throws {
        let emulator = try Emulator()
        let run = aliyun(emulator, .get, name: "nope")
        #expect(run.status == 1)
        #expect(run.stderr.contains("aliyun-project nope does not exist: could not get aliyun-project nope: HTTP 404: project nope not found"), "\(run.stderr)")
        #expect(run.stdout.isEmpty)
    }

    @Test func deleteNeedsYesAndSendsForceAndVolumes() throws {
        let emulator = try Emulator(projects: Self.shop)
        let refused = aliyun(emulator, .delete)
        #expect(refused.result == .usage("delete needs --yes: it removes aliyun-project shop for good (--dry-run shows the request without sending it)"))
        #expect(try emulator.requests().isEmpty)
        let run = aliyun(emulator, .delete) { ($0.confirmed, $0.arguments.force, $0.arguments.volumes, $0.format) = (true, true, true, .json) }
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains(#""action":"deleted","target":"aliyun-project","name":"shop","status":200"#), "\(run.stdout)")
        let sent = try #require(try emulator.requests().last)
        #expect("\(sent.method) \(sent.path)?\(sent.query)" == "DELETE /projects/shop?force=true&v=true")
        #expect(aliyun(emulator, .get).status == 1)
    }

    @Test func deleteWaitsUntilTheProjectsGETAnswers404() throws {
        let emulator = try Emulator(projects: Self.shop)
        let run = aliyun(emulator, .delete) { ($0.confirmed, $0.wait) = (true, WaitOptions(interval: 0.1)) }
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("stackc: aliyun-project shop: gone (want gone)"), "\(run.stderr)")
        #expect(try emulator.requests().map { "\($0.method) \($0.path)" } == ["DELETE /projects/shop", "GET /projects/shop"])
    }

    @Test func deletingAnAbsentProjectFailsUnlessIgnoreMissing() throws {
        let emulator = try Emulator()
        let absent = aliyun(emulator, .delete, name: "gone") { $0.confirmed = true }
        #expect(absent.status == 1)
        #expect(absent.stderr.contains("aliyun-project gone does not exist, nothing was deleted (--ignore-missing makes this exit 0)"), "\(absent.stderr)")
        let ignored = aliyun(emulator, .delete, name: "gone") { ($0.confirmed, $0.ignoreMissing) = (true, true) }
        #expect(ignored.status == 0, "\(ignored.stderr)")
        #expect(ignored.stdout.hasPrefix("stackc: absent aliyun-project gone: it does not exist, nothing to delete (--ignore-missing)"), "\(ignored.stdout)")
    }

    @Test func aDeleteWhoseAnswerWasLostCountsAsDoneWhenTheRepeatFindsNothing() throws {
        // The gateway answers 504 after the project was deleted: the repeated DELETE's 404 is that deletion.
        let emulator = try Emulator(faults: #"[{"method": "DELETE", "path": "/projects/shop", "kind": "lost-answer", "status": 504}]"#, projects: Self.shop)
        let run = aliyun(emulator, .delete) { $0.confirmed = true }
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("stackc: deleted aliyun-project shop: gone: an earlier attempt whose answer was lost deleted it"), "\(run.stdout)")
        #expect(try emulator.count("DELETE", "/projects/shop") == 2)
    }

    @Test func aDeleteTurnedAwayWith429ThenAnswered404WasAbsent() throws {
        // A 429 turns the request away at the door: the 404 after it is first-hand.
        let emulator = try Emulator(faults: #"[{"method": "DELETE", "path": "/projects/", "status": 429, "retry_after": "0"}]"#)
        let run = aliyun(emulator, .delete, name: "gone") { $0.confirmed = true }
        #expect(run.status == 1)
        #expect(run.stderr.contains("does not exist, nothing was deleted"), "\(run.stderr)")
        #expect(try emulator.count("DELETE", "/projects/gone") == 2)
    }

    @Test func readsAreRetriedAfter503AndGiveUpWithExitThree() throws {
        let emulator = try Emulator(faults: #"[{"method": "GET", "path": "/projects/shop", "times": 2, "status": 503, "retry_after": "0"}]"#, projects: Self.shop)
        let retried = aliyun(emulator, .get)
        #expect(retried.status == 0, "\(retried.stderr)")
        #expect(try emulator.count("GET", "/projects/shop") == 3)
        #expect(retried.stderr.contains("HTTP 503; retrying"))

        let failing = try Emulator(faults: #"[{"path": "/projects/", "times": -1, "status": 503, "retry_after": "0"}]"#, projects: Self.shop)
        let exhausted = aliyun(failing, .delete) { ($0.confirmed, $0.access.connection.retries) = (true, 1) }
        #expect(exhausted.status == 3)
        #expect(exhausted.stderr.contains("DELETE /projects/shop kept failing: HTTP 503 after 2 attempts"), "\(exhausted.stderr)")
    }

    @Test func aServerErrorIsNotRetriedAndExitsThree() throws {
        let emulator = try Emulator(faults: #"[{"path": "/projects/shop", "status": 500, "body": "boom"}]"#, projects: Self.shop)
        let run = aliyun(emulator, .stop)
        #expect(run.status == 3)
        #expect(run.stderr.contains("HTTP 500: boom"), "\(run.stderr)")
        #expect(try emulator.count("POST", "/projects/shop/stop") == 1)
    }

    @Test func stopAndStartChangeTheProjectsState() throws {
        let emulator = try Emulator(projects: Self.shop)
        let stopped = aliyun(emulator, .stop) { $0.arguments.stopTimeout = 30 }
        #expect(stopped.status == 0, "\(stopped.stderr)")
        #expect(stopped.stdout.hasPrefix("stackc: stopped aliyun-project shop: done (HTTP 200"), "\(stopped.stdout)")
        #expect(try emulator.requests().last?.query == "t=30")
        #expect(aliyun(emulator, .get).stdout.contains("current_state: stopped\n"))
        #expect(aliyun(emulator, .start).status == 0)
        #expect(aliyun(emulator, .get).stdout.contains("current_state: running\n"))
        #expect(aliyun(emulator, .start, name: "nope").status == 1)
    }

    // MARK: aliyun volumes

    @Test func volumesAreListedShownAndDeleted() throws {
        let emulator = try Emulator()
        let created = submitFlow(sample("aliyun-volume/valid.yaml"), .aliyunVolume) { emulator.cluster(&$0) }
        #expect(created.status == 0, "\(created.stderr)")
        let volume = { (operation: PlatformOperation) in
            operationFlow(operation, .aliyunVolume) { job in
                emulator.cluster(&job.access)
                (job.arguments.name, job.confirmed) = (operation == .list ? nil : "shared-uploads", true)
            }
        }
        #expect(volume(.list).stdout == "NAME            STATE\nshared-uploads  -\n")
        #expect(volume(.get).stdout.contains("Driver: nas\n"))
        let deleted = volume(.delete)
        #expect(deleted.status == 0, "\(deleted.stderr)")
        #expect(deleted.stdout.hasPrefix("stackc: deleted aliyun-volume shared-uploads: done (HTTP 204"))
        #expect(volume(.delete).status == 1)
    }

    // MARK: v2

    @Test func getOfASecretMasksEveryValueAndKeepsTheKeys() throws {
        let emulator = try Emulator()
        create(emulator, "secret/valid.yaml", .v2Secret, environment: ["DB_PASSWORD": "s3cret-pa55word"])
        for format in [OutcomeFormat.text, .json] {
            let run = api(emulator, .get, .v2Secret, name: "db-credentials") { $0.format = format }
            #expect(run.status == 0, "\(run.stderr)")
            #expect(run.stdout.contains("username") && run.stdout.contains("password"), "\(run.stdout)")
            #expect(run.stdout.contains(#""username":"<redacted>""#), "\(run.stdout)")
            // Neither the base64 values the server holds nor the plain ones.
            for leak in ["YWRtaW4=", "admin", "s3cret-pa55word", "czNjcmV0LXBhNTV3b3Jk"] {
                #expect(!(run.stdout + run.stderr).contains(leak), "\(leak) in \(run.stdout)")
            }
        }
    }

    @Test func getOfAConfigMapShowsItsData() throws {
        let emulator = try Emulator()
        create(emulator, "configmap/valid.yaml", .v2ConfigMap)
        let run = api(emulator, .get, .v2ConfigMap, name: "app-config") { $0.format = .json }
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains(#""LOG_LEVEL":"info""#), "\(run.stdout)")
        #expect(run.stdout.contains(#""app.properties":"cache.size=64\ncache.ttl=300\n""#), "\(run.stdout)")
    }

    @Test func v2KindsAreDeletedThenAbsent() throws {
        let emulator = try Emulator()
        create(emulator, "compose/valid.yaml", .v2Compose, [.name: "shop"])
        create(emulator, "application/valid.yaml", .v2Application)
        for (target, name) in [(TargetID.v2Compose, "shop"), (.v2Application, "orders-api")] {
            #expect(api(emulator, .get, target, name: name).status == 0)
            let deleted = api(emulator, .delete, target, name: name) { ($0.confirmed, $0.arguments.appID) = (true, target == .v2Application ? "7" : nil) }
            #expect(deleted.status == 0, "\(deleted.stderr)")
            #expect(deleted.stdout.hasPrefix("stackc: deleted \(target.rawValue) team/\(name): done (HTTP 200"), "\(deleted.stdout)")
            let absent = api(emulator, .get, target, name: name)
            #expect(absent.status == 1)
            #expect(absent.stderr.contains("\(target.rawValue) team/\(name) does not exist"), "\(absent.stderr)")
        }
        let delete = try #require(try emulator.requests().first { $0.method == "DELETE" && $0.path == "/v2/applications/team/orders-api" })
        #expect(delete.query == "app_id=7")
        #expect(delete.headers["Authorization"] == "Bearer test-token")
    }

    @Test func anApplicationIsStartedWithItsAppID() throws {
        let emulator = try Emulator()
        create(emulator, "application/valid.yaml", .v2Application)
        #expect(api(emulator, .start, .v2Application, name: "orders-api").result == .usage("start --target v2-application needs --app-id"))
        let run = api(emulator, .start, .v2Application, name: "orders-api") { $0.arguments.appID = "42" }
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("stackc: started v2-application team/orders-api: done (HTTP 200"), "\(run.stdout)")
        let sent = try #require(try emulator.requests().last)
        #expect("\(sent.method) \(sent.path)?\(sent.query)" == "POST /v2/applications/team/orders-api/start?app_id=42")
    }

    @Test func aNonZeroCodeOnDeleteIsARefusal() throws {
        let emulator = try Emulator(faults: #"[{"method": "DELETE", "path": "/v2/", "status": 200, "body": "{\"Code\": 1005, \"Message\": \"key in use by app web\"}"}]"#)
        let run = api(emulator, .delete, .v2ConfigMap, name: "app-config") { $0.confirmed = true }
        #expect(run.status == 1)
        #expect(run.stderr.contains("the server refused: Code 1005: key in use by app web"), "\(run.stderr)")
    }

    // MARK: Alauda

    @Test func alaudaServicesAreListedStoppedStartedAndDeleted() throws {
        let emulator = try Emulator()
        create(emulator, "alauda-service/valid.yaml", .alaudaService)
        let service = { (operation: PlatformOperation) in
            api(emulator, operation, .alaudaService, name: operation == .list ? nil : "web") { $0.confirmed = true }
        }
        #expect(service(.stop).status == 0)
        #expect(service(.list).stdout == "NAME  STATE\nweb   STOPPED\n")
        #expect(service(.start).status == 0)
        #expect(service(.get).stdout.contains("target_state: STARTED\n"))
        #expect(service(.delete).status == 0)
        #expect(service(.list).stdout == "NAME  STATE\n")
        let sequence = try emulator.requests().filter { $0.method != "POST" }.map { "\($0.method) \($0.path)" }
        // The submit's lookup first (create-or-update), then the operations.
        #expect(sequence == ["GET /v1/services/team/web/", "PUT /v1/services/team/web/stop/", "GET /v1/services/team", "PUT /v1/services/team/web/start/",
                             "GET /v1/services/team/web/", "DELETE /v1/services/team/web/", "GET /v1/services/team"])
    }

    // MARK: what is refused before anything is sent

    @Test func aTargetWithoutTheOperationSaysWhatItSupports() {
        let unsupported = operationFlow(.delete, .v2Podstack) { $0.confirmed = true }
        #expect(unsupported.result == .usage("v2-podstack has no documented 'delete'; it supports no operation besides submit"))
        #expect(operationFlow(.list, .v2Compose) { _ in }.result == .usage("v2-compose has no documented 'list'; it supports: get, delete"))
        #expect(operationFlow(.list, .v2Secret) { _ in }.result == .usage("list --target v2-secret needs --key-name (it is documented for one key)"))
        #expect(operationFlow(.get, .v2Secret) { $0.arguments.name = "db" }.result == .usage("get --target v2-secret needs --project"))
        // A flag the documented request does not take is refused, not silently dropped.
        let stray = operationFlow(.get, .aliyunProject) { ($0.arguments.name, $0.arguments.appID) = ("shop", "7") }
        #expect(stray.result == .usage("--app-id does not apply to get --target aliyun-project"))
        let project = operationFlow(.list, .aliyunVolume) { $0.arguments.project = "team" }
        #expect(project.result == .usage("--project does not apply to list --target aliyun-volume"))
    }

    @Test func aDryRunShowsTheRequestSendsNothingAndNeedsNoYes() throws {
        let emulator = try Emulator()
        let run = api(emulator, .delete, .v2Application, name: "web app") { ($0.dryRun, $0.arguments.appID) = (true, "a&b") }
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == "# delete v2-application team/web app\nDELETE \(emulator.apiURL)/v2/applications/team/web%20app?app_id=a%26b\nAuthorization: <redacted>\n")
        #expect(try emulator.requests().isEmpty)
    }
}
