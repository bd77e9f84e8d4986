import Foundation
import Testing
import TestSupport

/// The verbs through the built binary: flags parsed, exit statuses and streams as a pipeline sees them.
@Suite struct OperationCommandTests {
    @Test func deleteWithoutYesIsAUsageErrorThatSaysSo() throws {
        let emulator = try Emulator()
        let run = try stackc(["delete", "--target", "aliyun-project", "--name", "shop"] + emulator.clusterArguments)
        #expect(run.status == 2)
        #expect(run.stderr.contains("delete needs --yes"), "\(run.stderr)")
        #expect(try emulator.requests().isEmpty)
    }

    @Test func getPrintsOneJSONLineAndListRefusesAnUndocumentedTarget() throws {
        let emulator = try Emulator(projects: #"[{"name": "shop", "template": "web:\n  image: nginx"}]"#)
        let got = try stackc(["get", "--target", "aliyun-project", "--name", "shop", "--format", "json"] + emulator.clusterArguments)
        #expect(got.status == 0, "\(got.stderr)")
        #expect(got.stdout.hasSuffix("}\n") && got.stdout.filter { $0 == "\n" }.count == 1, "\(got.stdout)")
        let object = try JSONSerialization.jsonObject(with: Data(got.stdout.utf8)) as? [String: Any]
        #expect(object?["name"] as? String == "shop")
        let listed = try stackc(["list", "--target", "v2-compose", "--project", "team"] + emulator.apiArguments)
        #expect(listed.status == 2)
        #expect(listed.stderr.contains("v2-compose has no documented 'list'; it supports: get, delete"), "\(listed.stderr)")
    }

    @Test func deleteIgnoreMissingAndStopTimeoutReachTheServer() throws {
        let emulator = try Emulator(projects: #"[{"name": "shop", "template": "a"}]"#)
        let stopped = try stackc(["stop", "--target", "aliyun-project", "--name", "shop", "--stop-timeout", "5"] + emulator.clusterArguments)
        #expect(stopped.status == 0, "\(stopped.stderr)")
        #expect(try emulator.requests().last?.query == "t=5")
        let absent = try stackc(["delete", "--target", "aliyun-project", "--name", "gone", "--yes", "--ignore-missing", "--force"] + emulator.clusterArguments)
        #expect(absent.status == 0, "\(absent.stderr)")
        #expect(absent.stdout.contains("absent aliyun-project gone"))
        #expect(try emulator.requests().last?.query == "force=true")
    }
}
