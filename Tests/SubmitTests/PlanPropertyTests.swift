import Foundation
import Model
import Submit
import Testing

/// Over random sequences of template edits (image tag, environment values, replicas, labels, command),
/// on each platform: `plan` says "unchanged" exactly when the `submit` that follows sends no write,
/// the writes `submit` sends are the requests `plan` listed, "blocked" is exactly a refused submit, and
/// after a successful submit `plan` says "unchanged" (the comparison sees what the update set).
@Suite struct PlanPropertyTests {
    private static let token = ["STACKC_TOKEN": "test-token"]

    /// One platform's template, drawn from a few values per field so that edits repeat and revert.
    private struct Subject: Sendable {
        let target: TargetID
        let values: [RequestField: String]
        let file: String
        let choices: [[String]]
        let render: @Sendable ([String]) -> String
    }

    private static let subjects = [
        Subject(target: .alaudaService, values: [.project: "team"], file: "service.yaml",
                choices: [["1.2", "1.3"], ["info", "debug"], ["1", "2", "3"]]) { pick in
            """
            service_name: web
            namespace: team
            image_name: index.alauda.cn/team/web
            image_tag: "\(pick[0])"
            instance_size: S
            scaling_mode: MANUAL
            target_num_instances: \(pick[2])
            instance_envvars: {LOG_LEVEL: \(pick[1])}
            region_name: BEIJING1

            """
        },
        Subject(target: .v2Application, values: [.project: "team"], file: "app.yaml",
                choices: [["2.3.1", "2.4.0"], ["2", "3"], ["6", "8"], ["/app/server", "/app/server", "/app/other"]]) { pick in
            """
            kind: application
            name: orders-api
            imageRef: docker.oa.com:8080/public/orders-api:\(pick[0])
            resources: {cpu: "0.5", mem: 512Mi, disk: 1Gi, gpu: "0"}
            instanceNum: \(pick[1])
            cmd: \(pick[3])
            scale: {minReplicas: 2, maxReplicas: \(pick[2]), targetCPUUtilization: 70}

            """
        },
        Subject(target: .v2ConfigMap, values: [.project: "team"], file: "config.yaml",
                choices: [["info", "debug"], ["", "  EXTRA: on\n"], ["10", "20"]]) { pick in
            "kind: ConfigMap\nname: app-config\ndata:\n  LOG_LEVEL: \(pick[0])\n\(pick[1])  POOL: \"\(pick[2])\"\n"
        },
        Subject(target: .aliyunProject, values: [.name: "shop", .version: "auto"], file: "compose.yaml",
                choices: [["1.25", "1.26"], ["info", "debug"], ["web", "edge"]]) { pick in
            "web:\n  image: nginx:\(pick[0])\n  environment:\n    LEVEL: \(pick[1])\n  labels:\n    tier: \(pick[2])\n"
        },
    ]

    @Test(arguments: 0..<subjects.count)
    func planIsUnchangedExactlyWhenSubmitSendsNothing(subject index: Int) throws {
        let subject = Self.subjects[index]
        let emulator = try Emulator()
        let access = { (options: inout SubmitOptions) in
            subject.target.platform == .aliyun ? emulator.cluster(&options) : emulator.api(&options)
        }
        var generator = SplitMix64(seed: 0x5EED_0000 + UInt64(index))
        var pick = subject.choices.map { $0[0] }
        var seen: Set<String> = []
        var edited: Set<Int> = []
        for step in 0..<16 {
            // Each step changes no field, one, or several (a draw may also give back the same value).
            for field in subject.choices.indices where Bool.random(using: &generator) {
                let value = subject.choices[field].randomElement(using: &generator)!
                if value != pick[field] { edited.insert(field) }
                pick[field] = value
            }
            let template = try composeTemplate(subject.render(pick), named: subject.file)
            let beforePlan = try emulator.requests().count
            let planned = planFlow(template, subject.target, subject.values, environment: Self.token) { options in
                access(&options)
                options.format = .json
            }
            let label = "\(subject.target.rawValue) step \(step) \(pick): \(planned.stdout)\(planned.stderr)"
            let object = try #require(try JSONSerialization.jsonObject(with: Data(planned.stdout.utf8)) as? [String: Any], "\(label)")
            let action = try #require(object["action"] as? String)
            let listed = (object["requests"] as? [[String: String]] ?? []).map { "\($0["method"] ?? "") \($0["path"] ?? "")" }
            seen.insert(action)

            let start = try emulator.requests().count
            #expect(try emulator.requests()[beforePlan...].allSatisfy { $0.method == "GET" }, "plan only reads")
            let submitted = submitFlow(template, subject.target, subject.values, environment: Self.token, access)
            let sent = try emulator.requests().dropFirst(start).filter { $0.method != "GET" }
                .map { "\($0.method) \($0.path)" + ($0.query.isEmpty ? "" : "?" + $0.query) }

            #expect((action == "unchanged") == (sent.isEmpty && submitted.status == 0), "\(label)")
            #expect(sent == listed, "\(label) submit sent \(sent)")
            #expect((action == "blocked") == (submitted.status == 1), "\(label) \(submitted.stderr)")
            if submitted.status == 0 {
                let after = planFlow(template, subject.target, subject.values, environment: Self.token, access)
                #expect(after.status == 0, "\(label) then: \(after.stdout)")
            }
        }
        // The sequence edited every field and saw both answers that matter (the seed is fixed: deterministic).
        #expect(edited == Set(subject.choices.indices), "\(edited)")
        #expect(seen.isSuperset(of: ["create", "update", "unchanged"]), "\(seen)")
    }
}
