import Foundation
import Model
import Submit
import Testing

/// `stackc plan` against the emulator for each platform — create, update, unchanged, blocked — and the
/// create-or-update `submit` that makes the same decision: what plan lists is what submit sends.
@Suite struct PlanTests {
    private static let token = ["STACKC_TOKEN": "test-token"]

    private func access(_ emulator: Emulator, _ target: TargetID) -> (inout SubmitOptions) -> Void {
        { options in target.platform == .aliyun ? emulator.cluster(&options) : emulator.api(&options) }
    }

    private func plan(_ emulator: Emulator, _ path: String, _ target: TargetID, _ values: [RequestField: String] = [:],
                      format: OutcomeFormat = .text) -> FlowRun {
        planFlow(path, target, values, environment: Self.token) { options in
            access(emulator, target)(&options)
            options.format = format
        }
    }

    private func submit(_ emulator: Emulator, _ path: String, _ target: TargetID, _ values: [RequestField: String] = [:]) -> FlowRun {
        submitFlow(path, target, values, environment: Self.token, access(emulator, target))
    }

    /// The requests sent from `start` on that are not GETs, as `METHOD path?query`.
    private func writes(_ emulator: Emulator, from start: Int = 0) throws -> [String] {
        try emulator.requests().dropFirst(start).filter { $0.method != "GET" }.map { "\($0.method) \($0.path)" + ($0.query.isEmpty ? "" : "?" + $0.query) }
    }

    // MARK: aliyun

    @Test func aliyunProjectIsCreatedThenUnchangedThenUpdatedOrBlocked() throws {
        let emulator = try Emulator()
        let first = try composeTemplate()
        let create = plan(emulator, first, .aliyunProject, [.name: "shop"])
        #expect(create.status == 4, "\(create.stderr)")
        #expect(create.stdout == "stackc: plan: create aliyun project shop: it does not exist\n  would send: POST /projects/\n")
        #expect(try writes(emulator).isEmpty)

        #expect(submit(emulator, first, .aliyunProject, [.name: "shop"]).status == 0)
        let unchanged = plan(emulator, first, .aliyunProject, [.name: "shop"])
        #expect(unchanged.status == 0, "\(unchanged.stderr)")
        #expect(unchanged.stdout == "stackc: plan: unchanged aliyun project shop: deployed as the template says, nothing to send\n")

        let changed = try composeTemplate("web:\n  image: nginx:1.26\n")
        let blocked = plan(emulator, changed, .aliyunProject, [.name: "shop"])
        #expect(blocked.status == 1)
        #expect(blocked.stdout.hasPrefix("stackc: plan: blocked aliyun project shop: version 1.0 of project shop is already deployed with different content; give a new --version, or --version auto"), "\(blocked.stdout)")

        let update = plan(emulator, changed, .aliyunProject, [.name: "shop", .version: "2"])
        #expect(update.status == 4)
        #expect(update.stdout == """
            stackc: plan: update aliyun project shop: 2 fields differ
              template: "web:\\n  image: nginx:1.25\\n" -> "web:\\n  image: nginx:1.26\\n"
              version: "1.0" -> "2"
              would send: POST /projects/shop/update
            --- a/template
            +++ b/template
            @@ -1,2 +1,2 @@
             web:
            -  image: nginx:1.25
            +  image: nginx:1.26

            """, "\(update.stdout)")
        // Only the one submit wrote; every plan only read.
        #expect(try writes(emulator) == ["POST /projects/"])
    }

    @Test func theBinaryExitsFourForChangesAndZeroWithoutAndSaysSoInItsHelp() throws {
        let emulator = try Emulator()
        let template = try composeTemplate()
        let arguments = [template, "--target", "aliyun-project", "--name", "shop"] + emulator.clusterArguments
        let before = try stackc(["plan"] + arguments)
        #expect(before.status == 4, "\(before.stderr)")
        #expect(try stackc(["submit"] + arguments).status == 0)
        let after = try stackc(["plan"] + arguments + ["--format", "json"])
        #expect(after.status == 0, "\(after.stderr)")
        #expect(after.stdout.hasPrefix(#"{"action":"unchanged","target":"aliyun-project","name":"shop","changes":[],"requests":[]"#), "\(after.stdout)")
        let help = try stackc(["plan", "--help"])
        #expect(help.stdout.contains("Exit status: 0 no changes (unchanged), 4 changes"), "\(help.stdout)")
        #expect(help.stdout.contains("--endpoint") && help.stdout.contains("--version"), "the flags of submit")
    }

    @Test func aliyunPlanAsJSONCarriesTheChangesAndTheRequests() throws {
        let emulator = try Emulator(projects: #"[{"name": "shop", "template": "web:\n  image: nginx:1.24\n", "version": "1"}]"#)
        let run = plan(emulator, try composeTemplate(), .aliyunProject, [.name: "shop", .version: "2"], format: .json)
        #expect(run.status == 4)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(object["action"] as? String == "update")
        #expect(object["target"] as? String == "aliyun-project")
        let changes = try #require(object["changes"] as? [[String: Any]])
        #expect(changes.map { $0["path"] as? String } == ["template", "version"])
        #expect(changes.last?["deployed"] as? String == "1" && changes.last?["wanted"] as? String == "2")
        #expect((object["requests"] as? [[String: String]]) == [["method": "POST", "path": "/projects/shop/update"]])
        #expect((object["diff"] as? String)?.contains("-  image: nginx:1.24\n+  image: nginx:1.25\n") == true)
    }

    @Test func aliyunVolumeIsUnchangedWhenItsDriverIsAndSaysWhatItCannotCompare() throws {
        let emulator = try Emulator()
        let volume = sample("aliyun-volume/valid.yaml")
        #expect(plan(emulator, volume, .aliyunVolume).status == 4)
        #expect(submit(emulator, volume, .aliyunVolume).status == 0)
        let again = plan(emulator, volume, .aliyunVolume)
        #expect(again.status == 0)
        #expect(again.stdout.contains("not compared (the platform's answer does not show them): driverOpts\n"), "\(again.stdout)")
        let resubmitted = submit(emulator, volume, .aliyunVolume)
        #expect(resubmitted.status == 0, "\(resubmitted.stderr)")
        #expect(resubmitted.stdout.hasPrefix("stackc: unchanged aliyun volume shared-uploads"))
        #expect(try writes(emulator) == ["POST /volumes/create"])
    }

    // MARK: Alauda

    private func alaudaService(tag: String = "1.2", level: String = "info", instances: Int = 2) -> String {
        """
        service_name: web
        namespace: team
        image_name: index.alauda.cn/team/web
        image_tag: "\(tag)"
        instance_size: S
        scaling_mode: MANUAL
        target_state: STARTED
        target_num_instances: \(instances)
        instance_envvars: {LOG_LEVEL: \(level), DB_PASSWORD: "${DB_PASSWORD}"}
        instance_ports:
          - {container_port: 80, protocol: tcp, endpoint_type: http-endpoint}
        region_name: BEIJING1

        """
    }

    @Test func alaudaServiceIsUpdatedByItsDocumentedPutWithSecretsMasked() throws {
        let emulator = try Emulator()
        let environment = Self.token.merging(["DB_PASSWORD": "first-pa55word"]) { $1 }
        let first = try composeTemplate(alaudaService(), named: "service.yaml")
        let create = planFlow(first, .alaudaService, [.project: "team"], environment: environment, access(emulator, .alaudaService))
        #expect(create.status == 4)
        #expect(create.stdout == "stackc: plan: create alauda service web: it does not exist\n  would send: POST /v1/services/team\n", "\(create.stdout)")
        #expect(submitFlow(first, .alaudaService, [.project: "team"], environment: environment, access(emulator, .alaudaService)).status == 0)
        let unchanged = planFlow(first, .alaudaService, [.project: "team"], environment: environment, access(emulator, .alaudaService))
        #expect(unchanged.status == 0, "\(unchanged.stdout)\(unchanged.stderr)")

        let changed = try composeTemplate(alaudaService(tag: "1.3"), named: "service.yaml")
        let rotated = Self.token.merging(["DB_PASSWORD": "second-pa55word"]) { $1 }
        let update = planFlow(changed, .alaudaService, [.project: "team"], environment: rotated, access(emulator, .alaudaService))
        #expect(update.status == 4)
        #expect(update.stdout == """
            stackc: plan: update alauda service web: 2 fields differ
              image_tag: "1.2" -> "1.3"
              instance_envvars.DB_PASSWORD: "<redacted>" -> "<redacted>"
              would send: PUT /v1/services/team/web/
              not compared (the platform's answer does not show them): application

            """, "\(update.stdout)")
        #expect(!update.stdout.contains("pa55word"))

        let start = try emulator.requests().count
        let submitted = submitFlow(changed, .alaudaService, [.project: "team"], environment: rotated, access(emulator, .alaudaService))
        #expect(submitted.status == 0, "\(submitted.stderr)")
        #expect(submitted.stdout.hasPrefix("stackc: updated alauda service web: changed image_tag, instance_envvars"), "\(submitted.stdout)")
        let put = try #require(try emulator.requests().last)
        #expect(put.method == "PUT" && put.path == "/v1/services/team/web/")
        #expect(put.body == #"{"service_name":"web","image_tag":"1.3","instance_envvars":{"LOG_LEVEL":"info","DB_PASSWORD":"second-pa55word"}}"#)
        #expect(try writes(emulator, from: start) == ["PUT /v1/services/team/web/"])
        #expect(planFlow(changed, .alaudaService, [.project: "team"], environment: rotated, access(emulator, .alaudaService)).status == 0)
    }

    // MARK: v2

    private func application(tag: String = "2.3.1", instances: Int = 2, command: String = "/app/server", maximum: Int = 6) -> String {
        """
        kind: application
        name: orders-api
        imageRef: docker.oa.com:8080/public/orders-api:\(tag)
        resources: {cpu: "0.5", mem: 512Mi, disk: 1Gi, gpu: "0"}
        instanceNum: \(instances)
        cmd: \(command)
        dockerEnv:
          - {name: LOG_LEVEL, value: info}
        portMappings:
          - {protocol: tcp, containerPort: 8080}
        scale: {minReplicas: 2, maxReplicas: \(maximum), targetCPUUtilization: 70}

        """
    }

    @Test func v2ApplicationIsRolledOutAndScaledOrBlockedForWhatNoCallUpdates() throws {
        let emulator = try Emulator()
        let template = { (text: String) in try composeTemplate(text, named: "app.yaml") }
        let first = try template(application())
        #expect(plan(emulator, first, .v2Application, [.project: "team"]).stdout.hasPrefix("stackc: plan: create v2-application orders-api"))
        #expect(submit(emulator, first, .v2Application, [.project: "team"]).status == 0)
        #expect(plan(emulator, first, .v2Application, [.project: "team"]).status == 0)

        let changed = try template(application(tag: "2.4.0", instances: 3))
        let update = plan(emulator, changed, .v2Application, [.project: "team"])
        #expect(update.status == 4)
        #expect(update.stdout.contains("""
              imageRef: "docker.oa.com:8080/public/orders-api:2.3.1" -> "docker.oa.com:8080/public/orders-api:2.4.0"
              instanceNum: 2 -> 3
              would send: POST /v2/applications/team/orders-api/rollout
              would send: POST /v2/applications/team/orders-api/scale?type=manual&scale=3
              not compared (the platform's answer does not show them): resources.gpu, volumes

            """), "\(update.stdout)")
        let start = try emulator.requests().count
        #expect(submit(emulator, changed, .v2Application, [.project: "team"]).status == 0)
        #expect(try writes(emulator, from: start) == ["POST /v2/applications/team/orders-api/rollout",
                                                      "POST /v2/applications/team/orders-api/scale?type=manual&scale=3"])
        #expect(try emulator.requests().last { $0.path.hasSuffix("/rollout") }?.body == #"{"image":"docker.oa.com:8080/public/orders-api:2.4.0"}"#)
        #expect(plan(emulator, changed, .v2Application, [.project: "team"]).status == 0)

        let fixed = try template(application(tag: "2.4.0", instances: 3, command: "/app/other"))
        let blocked = plan(emulator, fixed, .v2Application, [.project: "team"])
        #expect(blocked.status == 1)
        #expect(blocked.stdout.hasPrefix("stackc: plan: blocked v2-application orders-api: application orders-api differs in cmd, which no documented call updates"), "\(blocked.stdout)")
        let refused = submit(emulator, fixed, .v2Application, [.project: "team"])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("differs in cmd, which no documented call updates"))
        #expect(try writes(emulator, from: start).count == 2)
    }

    @Test func v2ConfigMapKeysAreSetAndDeletedOneByOne() throws {
        let emulator = try Emulator()
        let template = { (data: String) in try composeTemplate("kind: ConfigMap\nname: app-config\ndata:\n\(data)", named: "config.yaml") }
        let first = try template("  LOG_LEVEL: info\n  OLD_KEY: x\n")
        #expect(submit(emulator, first, .v2ConfigMap, [.project: "team"]).status == 0)
        let changed = try template("  LOG_LEVEL: debug\n  NEW_KEY: y\n")
        let update = plan(emulator, changed, .v2ConfigMap, [.project: "team"])
        #expect(update.status == 4)
        #expect(update.stdout == """
            stackc: plan: update v2-configmap app-config: 3 fields differ
              data.LOG_LEVEL: "info" -> "debug"
              data.NEW_KEY: (none) -> "y"
              data.OLD_KEY: "x" -> (none)
              would send: POST /v2/configmaps/team/app-config/LOG_LEVEL
              would send: POST /v2/configmaps/team/app-config/NEW_KEY
              would send: DELETE /v2/configmaps/team/app-config/OLD_KEY

            """, "\(update.stdout)")
        let start = try emulator.requests().count
        #expect(submit(emulator, changed, .v2ConfigMap, [.project: "team"]).status == 0)
        #expect(try writes(emulator, from: start) == ["POST /v2/configmaps/team/app-config/LOG_LEVEL", "POST /v2/configmaps/team/app-config/NEW_KEY",
                                                      "DELETE /v2/configmaps/team/app-config/OLD_KEY"])
        #expect(plan(emulator, changed, .v2ConfigMap, [.project: "team"]).status == 0)
    }

    @Test func v2SecretValuesNeverShow() throws {
        let emulator = try Emulator()
        let secret = sample("secret/valid.yaml")
        let first = Self.token.merging(["DB_PASSWORD": "first-pa55word"]) { $1 }
        #expect(submitFlow(secret, .v2Secret, [.project: "team"], environment: first, access(emulator, .v2Secret)).status == 0)
        let second = Self.token.merging(["DB_PASSWORD": "second-pa55word"]) { $1 }
        for format in [OutcomeFormat.text, .json] {
            let run = planFlow(secret, .v2Secret, [.project: "team"], environment: second) { options in
                emulator.api(&options)
                options.format = format
            }
            #expect(run.status == 4)
            #expect(run.stdout.contains("data.password"), "\(run.stdout)")
            for leak in ["pa55word", "Zmlyc3QtcGE1NXdvcmQ=", "c2Vjb25kLXBhNTV3b3Jk"] {
                #expect(!run.stdout.contains(leak), "\(leak) in \(run.stdout)")
            }
        }
    }

    @Test func v2ComposeThatExistsIsBlockedAndAPodstackCannotBeCompared() throws {
        let emulator = try Emulator()
        let compose = sample("compose/valid.yaml")
        #expect(submit(emulator, compose, .v2Compose, [.project: "team", .name: "shop"]).status == 0)
        let blocked = plan(emulator, compose, .v2Compose, [.project: "team", .name: "shop"])
        #expect(blocked.status == 1)
        #expect(blocked.stdout.contains("compose orchestration has no documented update"), "\(blocked.stdout)")

        let start = try emulator.requests().count
        let podstack = plan(emulator, sample("pod/valid.yaml"), .v2Podstack, [.project: "team", .name: "web"])
        #expect(podstack.status == 4)
        #expect(podstack.stdout.hasPrefix("stackc: plan: send v2-podstack web: v2-podstack has no documented GET"), "\(podstack.stdout)")
        #expect(try emulator.requests().count == start, "nothing to read, nothing sent")
    }

    @Test func aRefusedLookupIsExitOneAndAnUnreachableServerExitThree() throws {
        let emulator = try Emulator()
        let refused = planFlow(sample("configmap/valid.yaml"), .v2ConfigMap, [.project: "team"], environment: ["STACKC_TOKEN": "wrong"], emulator.api)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("HTTP 401"), "\(refused.stderr)")
        let unreachable = planFlow(sample("configmap/valid.yaml"), .v2ConfigMap, [.project: "team"], environment: Self.token) { options in
            options.access.endpoint = "https://127.0.0.1:1"
            options.access.connection.timeout = 5
        }
        #expect(unreachable.status == 3, "\(unreachable.stderr)")
    }
}
