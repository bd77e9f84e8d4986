import Foundation
import Model
import Submit
import Testing
import TestSupport

/// `stackc submit` against the emulator's aliyun cluster API over mutual TLS: the first test runs the
/// built binary end to end, the others the same flow in-process.
@Suite struct AliyunSubmitTests {
    private func submit(_ emulator: Emulator, _ template: String, _ extra: [String]) throws -> StackcRun {
        try stackc(["submit", template, "--target", "aliyun-project", "--name", "shop"] + emulator.clusterArguments + extra)
    }

    private func flow(_ emulator: Emulator, _ template: String, _ values: [RequestField: String] = [:],
                      _ configure: (inout SubmitOptions) -> Void = { _ in }) -> FlowRun {
        submitFlow(template, .aliyunProject, [.name: "shop"].merging(values) { $1 }) { options in
            emulator.cluster(&options)
            configure(&options)
        }
    }

    @Test func createsThenReportsUnchangedThenUpdatesWithANewVersion() throws {
        let emulator = try Emulator()
        let template = try composeTemplate()
        let created = try submit(emulator, template, ["--format", "json"])
        #expect(created.status == 0, "\(created.stderr)")
        #expect(created.stdout.contains(#""action":"created","target":"aliyun project","name":"shop","status":201"#))
        #expect(try emulator.count("POST", "/projects/") == 1)

        let again = try submit(emulator, template, ["--format", "json"])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.contains(#""action":"unchanged""#))
        #expect(try emulator.count("POST", "/projects/shop/update") == 0, "unchanged: nothing sent")

        let updated = try submit(emulator, template, ["--version", "2"])
        #expect(updated.status == 0, "\(updated.stderr)")
        #expect(updated.stdout.hasPrefix("stackc: updated aliyun project shop"))
        let update = try emulator.requests().last { $0.path == "/projects/shop/update" }
        #expect(update?.body.contains(#""version":"2""#) == true)
    }

    @Test func sameVersionWithDifferentContentIsAClearError() throws {
        let emulator = try Emulator(projects: #"[{"name": "shop", "template": "web:\n  image: nginx:1.24\n", "version": "1.0"}]"#)
        let template = try composeTemplate()
        let run = flow(emulator, template)
        #expect(run.status == 1)
        #expect(run.stderr.contains("version 1.0 of project shop is already deployed with different content"))
        #expect(run.stderr.contains("--version auto"))
    }

    @Test func versionAutoDerivesANewVersionForNewContent() throws {
        let emulator = try Emulator(projects: #"[{"name": "shop", "template": "web:\n  image: nginx:1.24\n", "version": "1.0"}]"#)
        let template = try composeTemplate()
        let run = flow(emulator, template, [.version: "auto"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("updated"))
        #expect(try emulator.count("POST", "/projects/") == 0)
    }

    @Test func blueGreenPendingUpdateNamesBothWaysOutAndConfirmFinishesIt() throws {
        let emulator = try Emulator(projects: #"[{"name": "shop", "template": "old: {image: a}\n", "version": "1"}]"#)
        let template = try composeTemplate()
        let started = flow(emulator, template, [.blueGreen: "true", .version: "2"])
        #expect(started.status == 0, "\(started.stderr)")
        #expect(started.stdout.contains("--confirm"))
        #expect(try emulator.requests().last { $0.path == "/projects/shop/update" }?.body.contains(#""update_method":"blue-green""#) == true)

        let blocked = flow(emulator, template, [.blueGreen: "true", .version: "3"])
        #expect(blocked.status == 1)
        #expect(blocked.stderr.contains("unconfirmed blue-green update"))
        #expect(blocked.stderr.contains("--confirm") && blocked.stderr.contains("--rollback"))

        let confirmed = flow(emulator, template) { ($0.operation, $0.format) = (.confirm(), .json) }
        #expect(confirmed.status == 0, "\(confirmed.stderr)")
        #expect(confirmed.stdout.contains(#""action":"confirmed""#))
        let confirm = try emulator.requests().last { $0.path == "/projects/shop/confirm-update" }
        #expect(confirm?.query == "force=true")
        // Confirmed, version 2 is live: the same submission is now unchanged.
        #expect(flow(emulator, template, [.version: "2"]).stdout.contains("unchanged"))
    }

    @Test func confirmCanKeepTheRouteWeightsTheUserSet() throws {
        let emulator = try Emulator(projects: #"[{"name": "shop", "template": "old: {image: a}\n", "version": "1"}]"#)
        let template = try composeTemplate()
        #expect(flow(emulator, template, [.blueGreen: "true", .version: "2"]).status == 0)
        let planned = flow(emulator, template) { ($0.operation, $0.dryRun) = (.confirm(keepRouteWeights: true), true) }
        #expect(planned.stdout.hasPrefix("# confirm the pending blue-green update, keeping the route weights\nPOST \(emulator.clusterURL)/projects/shop/confirm-update?force=false\n"),
                "\(planned.stdout)")
        let confirmed = flow(emulator, template) { $0.operation = .confirm(keepRouteWeights: true) }
        #expect(confirmed.status == 0, "\(confirmed.stderr)")
        #expect(confirmed.stdout.hasPrefix("stackc: confirmed aliyun project shop: blue-green update confirmed, route weights kept as set (HTTP 202"), "\(confirmed.stdout)")
        #expect(try emulator.requests().filter { $0.path == "/projects/shop/confirm-update" }.map(\.query) == ["force=false"])
    }

    @Test func rollbackAbandonsThePendingUpdate() throws {
        let emulator = try Emulator(projects: #"[{"name": "shop", "template": "old: {image: a}\n", "version": "1"}]"#)
        let template = try composeTemplate()
        #expect(flow(emulator, template, [.blueGreen: "true", .version: "2"]).status == 0)
        let rolledBack = flow(emulator, template) { $0.operation = .rollback }
        #expect(rolledBack.status == 0, "\(rolledBack.stderr)")
        #expect(rolledBack.stdout.hasPrefix("stackc: rolled-back aliyun project shop"))
        #expect(try emulator.count("POST", "/projects/shop/rollback-update") == 1)
        let nothingPending = flow(emulator, template) { $0.operation = .rollback }
        #expect(nothingPending.status == 1)
        #expect(nothingPending.stderr.contains("no unconfirmed update"))
    }

    @Test func waitPollsUntilRunning() throws {
        let emulator = try Emulator(arguments: ["--polls-to-running", "3"])
        let template = try composeTemplate()
        let run = flow(emulator, template) { ($0.wait, $0.pollInterval, $0.access.connection.timeout, $0.format) = (true, 0.2, 60, .json) }
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains(#""state":"running""#))
        #expect(run.stderr.contains("stackc: project shop: starting (want running)"))
        #expect(try emulator.count("GET", "/projects/shop") == 4)  // the lookup, then three polls
    }

    @Test func waitTimingOutExitsThreeWithTheLastState() throws {
        let emulator = try Emulator(arguments: ["--polls-to-running", "100000"])
        let template = try composeTemplate()
        let run = flow(emulator, template) { ($0.wait, $0.pollInterval, $0.access.connection.timeout, $0.format) = (true, 0.5, 2, .json) }
        #expect(run.status == 3)
        #expect(run.stdout.contains(#""action":"failed""#))
        #expect(run.stdout.contains(#""state":"starting""#))
        #expect(run.stdout.contains("(--timeout 2.0 s) waiting for project shop to be running; last state: starting"), "\(run.stdout)")
    }

    @Test func aFailedDeploymentExitsOne() throws {
        let emulator = try Emulator(arguments: ["--polls-to-running", "1", "--final-state", "failed"])
        let template = try composeTemplate()
        let run = flow(emulator, template) { ($0.wait, $0.pollInterval) = (true, 0.2) }
        #expect(run.status == 1)
        #expect(run.stderr.contains("ended in state failed"))
    }

    @Test func dryRunSendsNothingAndShowsBothRequests() throws {
        let emulator = try Emulator()
        let template = try composeTemplate()
        let run = flow(emulator, template) { $0.dryRun = true }
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("POST \(emulator.clusterURL)/projects/\n"))
        #expect(run.stdout.contains("POST \(emulator.clusterURL)/projects/shop/update\n"))
        #expect(try emulator.requests().isEmpty)
    }

    @Test func aProjectsEnvFileSecretIsSentButNeverPrinted() throws {
        let emulator = try Emulator()
        let folder = try TemporaryDirectory()
        let base = try folder.write("project/compose.yaml", "services:\n  web:\n    image: nginx:1.25\n    env_file: db.env\n")
        let override = try folder.write("project/override.yaml", "services:\n  web:\n    environment: {MODE: prod}\n")
        try folder.write("project/db.env", "DB_PASSWORD=s3cret-value\n")
        let dryRun = submitProjectFlow([base, override], .aliyunProject, [.name: "shop"]) { options in
            emulator.cluster(&options)
            options.dryRun = true
        }
        #expect(dryRun.status == 0, "\(dryRun.stderr)")
        #expect(dryRun.stdout.contains(#"DB_PASSWORD: \"<redacted>\""#) && !dryRun.stdout.contains("s3cret-value"), "\(dryRun.stdout)")
        let sent = submitProjectFlow([base, override], .aliyunProject, [.name: "shop"]) { emulator.cluster(&$0) }
        #expect(sent.status == 0 && !(sent.stdout + sent.stderr).contains("s3cret-value"), "\(sent.stderr)")
        let create = try emulator.requests().first { $0.path == "/projects/" }
        #expect(create?.body.contains(#"DB_PASSWORD: \"s3cret-value\""#) == true, "the body itself holds the value")
        #expect(create?.body.contains("env_file") == false)
    }

    @Test func volumeCreateIsRepeatedOnlyAfterTheLookupAndAResubmissionIsUnchanged() throws {
        let emulator = try Emulator(faults: #"[{"method": "POST", "path": "/volumes/create", "kind": "lost-answer", "status": 502}]"#)
        let volume = sample("aliyun-volume/valid.yaml")
        let run = submitFlow(volume, .aliyunVolume) { options in
            emulator.cluster(&options)
            options.format = .json
        }
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains(#""action":"created","target":"aliyun volume","name":"shared-uploads","status":502"#), "\(run.stdout)")
        #expect(try emulator.requests().map { "\($0.method) \($0.path)" } == ["GET /volumes/shared-uploads", "POST /volumes/create", "GET /volumes/shared-uploads"])
        let again = submitFlow(volume, .aliyunVolume, [:], emulator.cluster)
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.hasPrefix("stackc: unchanged aliyun volume shared-uploads"))
        #expect(try emulator.count("POST", "/volumes/create") == 1)
    }

    @Test func aliyunProjectFlagsAreUsageErrorsElsewhere() throws {
        let usage = CommandResult.usage("--wait, --blue-green, --confirm and --rollback are for aliyun projects (--target aliyun-project)")
        let configMap = sample("configmap/valid.yaml")
        let endpoint = { (options: inout SubmitOptions) in options.access.endpoint = "https://127.0.0.1:1" }
        #expect(submitFlow(configMap, .v2ConfigMap, [.project: "team"]) { endpoint(&$0); $0.wait = true }.result == usage)
        #expect(submitFlow(configMap, .v2ConfigMap, [.project: "team"]) { endpoint(&$0); $0.operation = .confirm() }.result == usage)
        #expect(submitFlow(configMap, .v2ConfigMap, [.project: "team", .blueGreen: "true"], endpoint).result == usage)
        // Through the binary, the usage error is the argument parser's: exit 2 with the usage.
        let run = try stackc(["submit", configMap, "--target", "v2-configmap", "--project", "team", "--endpoint", "https://127.0.0.1:1", "--wait"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("are for aliyun projects"))
    }
}
