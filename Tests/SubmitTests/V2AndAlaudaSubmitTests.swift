import Foundation
import Model
import Submit
import Testing
import TestSupport

/// `stackc submit` for the v2 and Alauda APIs, token-authenticated, against the emulator: each kind end
/// to end through the binary, the rest of the flow in-process.
@Suite struct V2AndAlaudaSubmitTests {
    private let token = ["STACKC_TOKEN": "test-token"]

    private func submit(_ emulator: Emulator, _ arguments: [String], environment: [String: String]? = nil) throws -> StackcRun {
        try stackc(["submit"] + arguments + emulator.apiArguments, environment: environment ?? token)
    }

    private func flow(_ emulator: Emulator, _ file: String, _ target: TargetID, _ values: [RequestField: String], environment: [String: String]? = nil,
                      _ configure: (inout SubmitOptions) -> Void = { _ in }) -> FlowRun {
        submitFlow(sample(file), target, values, environment: environment ?? token) { options in
            emulator.api(&options)
            configure(&options)
        }
    }

    @Test(arguments: [
        (["pod/valid.yaml", "--target", "v2-podstack", "--project", "team", "--name", "web"], "/v2/podstack/team"),
        (["compose/valid.yaml", "--target", "v2-compose", "--project", "team", "--name", "shop"], "/v2/composes/team"),
        (["application/valid.yaml", "--target", "v2-application", "--project", "team"], "/v2/applications/team"),
        (["configmap/valid.yaml", "--target", "v2-configmap", "--project", "team"], "/v2/configmaps/team"),
        (["secret/valid.yaml", "--target", "v2-secret", "--project", "team"], "/v2/secrets/team"),
        (["alauda-service/valid.yaml", "--target", "alauda-service", "--project", "team"], "/v1/services/team"),
    ])
    func createsEachKindWithTheToken(arguments: [String], path: String) throws {
        let emulator = try Emulator()
        let run = try submit(emulator, [sample(arguments[0])] + arguments.dropFirst() + ["--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains(#""action":"created""#))
        let sent = try #require(try emulator.requests().first { $0.method == "POST" })
        #expect(sent.path == path)
        let scheme = path.hasPrefix("/v1/") ? "Token" : "Bearer"
        #expect(sent.headers["Authorization"] == "\(scheme) test-token")
        // The body the emulator received is the one `stackc build` prints.
        let built = try stackc(["build", sample(arguments[0])] + arguments.dropFirst() + ["--compact"])
        #expect(sent.body + "\n" == built.stdout)
    }

    @Test func podstackUpdateGoesToTheAppWithItsID() throws {
        let emulator = try Emulator()
        #expect(flow(emulator, "pod/valid.yaml", .v2Podstack, [.project: "team", .name: "web"]).status == 0)
        let run = flow(emulator, "pod/valid.yaml", .v2PodstackUpdate, [.project: "team", .name: "web", .appID: "42"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("stackc: updated v2 podstack web"))
        #expect(try emulator.requests().last?.query == "app_id=42")
    }

    @Test func aNonZeroCodeIsAFailureShowingTheMessage() throws {
        // Created by someone else between the lookup and the create.
        let emulator = try Emulator(faults: #"[{"method": "POST", "path": "/v2/", "status": 200, "body": "{\"Code\": 1002, \"Message\": \"configmaps app-config already exists\"}"}]"#)
        let again = flow(emulator, "configmap/valid.yaml", .v2ConfigMap, [.project: "team"])
        #expect(again.status == 1)
        #expect(again.stderr.contains("the server refused: Code 1002: configmaps app-config already exists"))
    }

    @Test func alaudaConflictShowsTheServersMessage() throws {
        let conflict = #"{\"errors\": [{\"code\": \"resource_already_exist\", \"message\": \"service web already exists\"}]}"#
        let emulator = try Emulator(faults: #"[{"method": "POST", "path": "/v1/services/", "status": 409, "body": "\#(conflict)"}]"#)
        let run = flow(emulator, "alauda-service/valid.yaml", .alaudaService, [.project: "team"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("HTTP 409: service web already exists"), "\(run.stderr)")
    }

    @Test func reSubmittingAnUnchangedServiceSendsNothing() throws {
        let emulator = try Emulator()
        #expect(flow(emulator, "alauda-service/valid.yaml", .alaudaService, [.project: "team"]).status == 0)
        let again = flow(emulator, "alauda-service/valid.yaml", .alaudaService, [.project: "team"])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.hasPrefix("stackc: unchanged alauda service web: deployed as the template says; nothing sent"), "\(again.stdout)")
        #expect(try emulator.requests().map(\.method) == ["GET", "POST", "GET"])
    }

    @Test func aWrongTokenIsRejectedWithExitOne() throws {
        let emulator = try Emulator()
        let folder = try TemporaryDirectory()
        let tokenFile = try folder.write("token", "not-the-token\n")
        let run = flow(emulator, "configmap/valid.yaml", .v2ConfigMap, [.project: "team"], environment: [:]) { $0.access.tokenFile = tokenFile }
        #expect(run.status == 1)
        #expect(run.stderr.contains("HTTP 401: invalid token"))
        #expect(try emulator.requests().first?.headers["Authorization"] == "Bearer not-the-token")
    }

    @Test func anEmptyOrMissingTokenFileIsAUsageError() throws {
        let folder = try TemporaryDirectory()
        let empty = try folder.write("token", "\n")
        let endpoint = { (options: inout SubmitOptions) in options.access.endpoint = "https://127.0.0.1:1" }
        let configMap = sample("configmap/valid.yaml")
        #expect(submitFlow(configMap, .v2ConfigMap, [.project: "team"]) { endpoint(&$0); $0.access.tokenFile = empty }.result == .usage("--token-file \(empty) is empty"))
        let missing = submitFlow(configMap, .v2ConfigMap, [.project: "team"]) { endpoint(&$0); $0.access.tokenFile = folder.path + "/absent" }
        guard case .usage(let message) = missing.result else { Issue.record("not a usage error: \(missing.result)"); return }
        #expect(message.hasPrefix("--token-file \(folder.path)/absent: "))
    }

    @Test func extraHeadersAreSent() throws {
        let emulator = try Emulator()
        let run = flow(emulator, "configmap/valid.yaml", .v2ConfigMap, [.project: "team"]) { $0.access.headers = [("X-Tenant", "blue")] }
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try emulator.requests().first?.headers["X-Tenant"] == "blue")
    }

    @Test func aMalformedAnswerIsNotTakenForSuccess() throws {
        let emulator = try Emulator(faults: #"[{"path": "/v2/", "kind": "malformed"}]"#)
        let run = flow(emulator, "pod/valid.yaml", .v2Podstack, [.project: "team", .name: "web"])
        #expect(run.status == 3)
        #expect(run.stderr.contains("the server's answer is not JSON"))
        #expect(run.stderr.contains("may or may not have been carried out"))
    }

    @Test func aCreateWithoutALookupIsNotRepeatedAfterA503() throws {
        // A podstack has no documented GET to tell whether the first attempt went through: one attempt only.
        let emulator = try Emulator(faults: #"[{"path": "/v2/", "status": 503}]"#)
        let run = flow(emulator, "pod/valid.yaml", .v2Podstack, [.project: "team", .name: "web"])
        #expect(run.status == 3)
        #expect(run.stderr.contains("was not repeated"))
        #expect(try emulator.count("POST", "/v2/podstack/team") == 1)
    }

    @Test func aComposeCreateIsRepeatedAfterTheLookupFindsNothing() throws {
        let emulator = try Emulator(faults: #"[{"method": "POST", "path": "/v2/", "status": 503}]"#)
        let run = flow(emulator, "compose/valid.yaml", .v2Compose, [.project: "team", .name: "shop"])
        #expect(run.status == 0, "\(run.stderr)")
        let sequence = try emulator.requests().map { "\($0.method) \($0.path)" }
        #expect(sequence == ["GET /v2/composes/team/shop", "POST /v2/composes/team", "GET /v2/composes/team/shop", "POST /v2/composes/team"])
    }
}
