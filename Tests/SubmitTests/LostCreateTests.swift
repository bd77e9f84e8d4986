import Model
import Submit
import Testing

/// A create the server carried out whose answer was lost or broken: the lookup decides, before the
/// answer is judged, and the report says what really came back (issue 19, item 6).
@Suite struct LostCreateTests {
    private let token = ["STACKC_TOKEN": "test-token"]

    @Test(arguments: [
        ("compose/valid.yaml", TargetID.v2Compose, [RequestField.name: "shop"], "/v2/composes/team", "shop"),
        ("application/valid.yaml", TargetID.v2Application, [:], "/v2/applications/team", "orders-api"),
        ("configmap/valid.yaml", TargetID.v2ConfigMap, [:], "/v2/configmaps/team", "app-config"),
        ("secret/valid.yaml", TargetID.v2Secret, [:], "/v2/secrets/team", "db-credentials"),
    ])
    func aV2CreateAnswered503IsCreatedWithTheRealStatus(file: String, target: TargetID, values: [RequestField: String], path: String, name: String) throws {
        let emulator = try Emulator(faults: #"[{"method": "POST", "path": "/v2/", "kind": "lost-answer", "status": 503}]"#)
        let run = submitFlow(sample(file), target, values.merging([.project: "team"]) { $1 }, environment: token) { options in
            emulator.api(&options)
            options.format = .json
        }
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains(#""action":"created""#), "\(run.stdout)")
        #expect(run.stdout.contains(#""status":503"#), "the status the server sent, not an invented 201: \(run.stdout)")
        #expect(run.stdout.contains("created, although the answer was HTTP 503: a lookup shows it exists"))
        #expect(!run.stdout.contains("not JSON") && !run.stderr.contains("not JSON"))
        #expect(try emulator.requests().map { "\($0.method) \($0.path)" } == ["GET \(path)/\(name)", "POST \(path)", "GET \(path)/\(name)"])
    }

    @Test func aV2CreateWithABrokenAnswerIsJudgedByTheLookup() throws {
        // Carried out, then answered 200 with a body that is not JSON.
        let emulator = try Emulator(faults: #"[{"method": "POST", "path": "/v2/", "kind": "lost-answer", "status": 200}]"#)
        let run = submitFlow(sample("compose/valid.yaml"), .v2Compose, [.project: "team", .name: "shop"], environment: token, emulator.api)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("stackc: created v2-compose shop: created, although the answer was not JSON (gateway timeout)"), "\(run.stdout)")
        #expect(run.stdout.contains("(HTTP 200,"))
        #expect(try emulator.count("POST", "/v2/composes/team") == 1)
    }

    @Test func aBrokenAnswerToACreateThatDidNotHappenIsAFailure() throws {
        // Not carried out (the fault answers instead of the platform): the lookup finds nothing.
        let emulator = try Emulator(faults: #"[{"method": "POST", "path": "/v2/", "kind": "malformed"}]"#)
        let run = submitFlow(sample("compose/valid.yaml"), .v2Compose, [.project: "team", .name: "shop"], environment: token, emulator.api)
        #expect(run.status == 3)
        #expect(run.stderr.contains("the server's answer is not JSON"), "\(run.stderr)")
        #expect(run.stderr.contains("a lookup does not find shop: it was not created"))
    }

    @Test func aLostAliyunProjectCreateReportsTheGatewaysStatus() throws {
        let emulator = try Emulator(faults: #"[{"method": "POST", "path": "/projects/", "kind": "lost-answer", "status": 504}]"#)
        let template = try composeTemplate()
        let run = submitFlow(template, .aliyunProject, [.name: "shop"]) { options in
            emulator.cluster(&options)
            options.format = .json
        }
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains(#""action":"created","target":"aliyun project","name":"shop","status":504"#), "\(run.stdout)")
        #expect(try emulator.count("POST", "/projects/") == 1)
    }

    @Test func aLostAlaudaCreateReportsTheGatewaysStatus() throws {
        let emulator = try Emulator(faults: #"[{"method": "POST", "path": "/v1/services/", "kind": "lost-answer", "status": 502}]"#)
        let run = submitFlow(sample("alauda-service/valid.yaml"), .alaudaService, [.project: "team"], environment: token, emulator.api)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("stackc: created alauda service web: created, although the answer was HTTP 502"), "\(run.stdout)")
        #expect(try emulator.count("POST", "/v1/services/team") == 1)
    }

    @Test func aLostCreateWithoutALookupStaysUnknown() throws {
        // A podstack has no documented GET to ask: exit 3, saying it may have been carried out, never "created".
        let emulator = try Emulator(faults: #"[{"method": "POST", "path": "/v2/", "kind": "lost-answer", "status": 503}]"#)
        let run = submitFlow(sample("pod/valid.yaml"), .v2Podstack, [.project: "team", .name: "web"], environment: token, emulator.api)
        #expect(run.status == 3)
        #expect(run.stderr.contains("was not repeated: it may have reached the server and no lookup can tell"), "\(run.stderr)")
    }
}
