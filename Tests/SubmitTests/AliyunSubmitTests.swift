import Foundation
import Testing
import TestSupport

/// `stackc submit` against the emulator's aliyun cluster API over mutual TLS.
@Suite struct AliyunSubmitTests {
    private func submit(_ emulator: Emulator, _ template: String, _ extra: [String]) throws -> StackcRun {
        try stackc(["submit", template, "--target", "aliyun-project", "--name", "shop"] + emulator.clusterArguments + extra)
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
        #expect(again.stdout.contains(#""status":409"#))

        let updated = try submit(emulator, template, ["--version", "2"])
        #expect(updated.status == 0, "\(updated.stderr)")
        #expect(updated.stdout.hasPrefix("stackc: updated aliyun project shop"))
        let update = try emulator.requests().last { $0.path == "/projects/shop/update" }
        #expect(update?.body.contains(#""version":"2""#) == true)
    }

    @Test func sameVersionWithDifferentContentIsAClearError() throws {
        let emulator = try Emulator(projects: #"[{"name": "shop", "template": "web:\n  image: nginx:1.24\n", "version": "1.0"}]"#)
        let template = try composeTemplate()
        let run = try submit(emulator, template, [])
        #expect(run.status == 1)
        #expect(run.stderr.contains("version 1.0 of project shop is already deployed with different content"))
        #expect(run.stderr.contains("--version auto"))
    }

    @Test func versionAutoDerivesANewVersionForNewContent() throws {
        let emulator = try Emulator(projects: #"[{"name": "shop", "template": "web:\n  image: nginx:1.24\n", "version": "1.0"}]"#)
        let template = try composeTemplate()
        let run = try submit(emulator, template, ["--version", "auto"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("updated"))
        #expect(try emulator.count("POST", "/projects/") == 0)
    }

    @Test func blueGreenPendingUpdateNamesBothWaysOutAndConfirmFinishesIt() throws {
        let emulator = try Emulator(projects: #"[{"name": "shop", "template": "old: {image: a}\n", "version": "1"}]"#)
        let template = try composeTemplate()
        let started = try submit(emulator, template, ["--blue-green", "--version", "2"])
        #expect(started.status == 0, "\(started.stderr)")
        #expect(started.stdout.contains("--confirm"))
        #expect(try emulator.requests().last { $0.path == "/projects/shop/update" }?.body.contains(#""update_method":"blue-green""#) == true)

        let blocked = try submit(emulator, template, ["--blue-green", "--version", "3"])
        #expect(blocked.status == 1)
        #expect(blocked.stderr.contains("unconfirmed blue-green update"))
        #expect(blocked.stderr.contains("--confirm") && blocked.stderr.contains("--rollback"))

        let confirmed = try submit(emulator, template, ["--confirm", "--format", "json"])
        #expect(confirmed.status == 0, "\(confirmed.stderr)")
        #expect(confirmed.stdout.contains(#""action":"confirmed""#))
        let confirm = try emulator.requests().last { $0.path == "/projects/shop/confirm-update" }
        #expect(confirm?.query == "force=true")
        // Confirmed, version 2 is live: the same submission is now unchanged.
        #expect(try submit(emulator, template, ["--version", "2"]).stdout.contains("unchanged"))
    }

    @Test func rollbackAbandonsThePendingUpdate() throws {
        let emulator = try Emulator(projects: #"[{"name": "shop", "template": "old: {image: a}\n", "version": "1"}]"#)
        let template = try composeTemplate()
        #expect(try submit(emulator, template, ["--blue-green", "--version", "2"]).status == 0)
        let rolledBack = try submit(emulator, template, ["--rollback"])
        #expect(rolledBack.status == 0, "\(rolledBack.stderr)")
        #expect(rolledBack.stdout.hasPrefix("stackc: rolled-back aliyun project shop"))
        #expect(try emulator.count("POST", "/projects/shop/rollback-update") == 1)
        let nothingPending = try submit(emulator, template, ["--rollback"])
        #expect(nothingPending.status == 1)
        #expect(nothingPending.stderr.contains("no unconfirmed update"))
    }

    @Test func waitPollsUntilRunning() throws {
        let emulator = try Emulator(arguments: ["--polls-to-running", "3"])
        let template = try composeTemplate()
        let run = try submit(emulator, template, ["--wait", "--poll-interval", "0.2", "--timeout", "60", "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains(#""state":"running""#))
        #expect(run.stderr.contains("stackc: project shop: starting (want running)"))
        #expect(try emulator.count("GET", "/projects/shop") == 4)  // the lookup, then three polls
    }

    @Test func waitTimingOutExitsThreeWithTheLastState() throws {
        let emulator = try Emulator(arguments: ["--polls-to-running", "100000"])
        let template = try composeTemplate()
        let run = try submit(emulator, template, ["--wait", "--poll-interval", "0.5", "--timeout", "2", "--format", "json"])
        #expect(run.status == 3)
        #expect(run.stdout.contains(#""action":"failed""#))
        #expect(run.stdout.contains(#""state":"starting""#))
        #expect(run.stdout.contains("last state: starting"))
    }

    @Test func aFailedDeploymentExitsOne() throws {
        let emulator = try Emulator(arguments: ["--polls-to-running", "1", "--final-state", "failed"])
        let template = try composeTemplate()
        let run = try submit(emulator, template, ["--wait", "--poll-interval", "0.2"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("ended in state failed"))
    }

    @Test func dryRunSendsNothingAndShowsBothRequests() throws {
        let emulator = try Emulator()
        let template = try composeTemplate()
        let run = try submit(emulator, template, ["--dry-run"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("POST \(emulator.clusterURL)/projects/\n"))
        #expect(run.stdout.contains("POST \(emulator.clusterURL)/projects/shop/update\n"))
        #expect(try emulator.requests().isEmpty)
    }

    @Test func volumeCreateIsRepeatedOnlyAfterTheLookupAndAConflictIsExitOne() throws {
        let emulator = try Emulator(faults: #"[{"method": "POST", "path": "/volumes/create", "kind": "lost-answer", "status": 502}]"#)
        let arguments = ["submit", sample("aliyun-volume/valid.yaml"), "--target", "aliyun-volume"] + emulator.clusterArguments
        let run = try stackc(arguments + ["--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains(#""action":"created","target":"aliyun volume","name":"shared-uploads""#))
        #expect(try emulator.requests().map { "\($0.method) \($0.path)" } == ["POST /volumes/create", "GET /volumes/shared-uploads"])
        let again = try stackc(arguments)
        #expect(again.status == 1)
        #expect(again.stderr.contains("HTTP 409: volume shared-uploads already exists"))
    }

    @Test(arguments: [["--wait"], ["--confirm"], ["--blue-green"]])
    func aliyunProjectFlagsAreUsageErrorsElsewhere(flag: [String]) throws {
        let run = try stackc(["submit", sample("configmap/valid.yaml"), "--target", "v2-configmap", "--project", "team",
                              "--endpoint", "https://127.0.0.1:1"] + flag)
        #expect(run.status == 2)
        #expect(run.stderr.contains("are for aliyun projects"))
    }
}
