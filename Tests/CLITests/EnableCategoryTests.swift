import Foundation
import Testing
import TestSupport

/// `lint --enable-category` end to end, and how `stackc rules` and `explain` show opt-in rules.
struct EnableCategoryTests {
    static let privileged = "services:\n  web:\n    image: nginx:1.27\n    privileged: true\n"

    static func lint(_ arguments: [String]) throws -> StackcRun {
        let folder = try TemporaryDirectory()
        try folder.makeDirectory(".git")
        try folder.write("compose.yaml", Self.privileged)
        return try runStackc(["lint"] + arguments + ["compose.yaml"], currentDirectory: folder.url)
    }

    @Test func theFlagTurnsTheCategoryOn() throws {
        #expect(try Self.lint([]) == StackcRun(status: 0, stdout: "", stderr: ""))
        let run = try Self.lint(["--enable-category", "security", "--enable-category", "security"])
        #expect(run.status == 0)
        #expect(run.stdout.split(separator: "\n").map { String($0.split(separator: " ").last ?? "") }
                == ["[missing-healthcheck]", "[missing-memory-limit]", "[privileged-container]"], "\(run.stdout)")
        #expect(run.stdout.contains("compose.yaml:4:17: warning: service 'web' runs privileged (privileged: true)"), "\(run.stdout)")
        #expect(try Self.lint(["--enable-category", "security", "--strict"]).status == 1, "--strict makes the policy warnings fail the run")
    }

    @Test func anUnknownCategoryIsAUsageErrorWithASuggestion() throws {
        let run = try Self.lint(["--enable-category", "securty"])
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains("unknown rule category 'securty'; did you mean 'security'? (categories: security)"), "\(run.stderr)")
    }

    @Test func rulesAndExplainSayARuleIsOffByDefault() throws {
        let listed = try runStackc(["rules", "--category", "security"])
        #expect(listed.status == 0)
        let lines = listed.stdout.split(separator: "\n")
        #expect(lines.count == 8, "\(listed.stdout)")
        #expect(lines.allSatisfy { $0.hasSuffix("(off by default; on with --enable-category security)") }, "\(listed.stdout)")
        let all = try runStackc(["rules", "--format", "json"])
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(all.stdout.utf8)) as? [[String: Any]])
        #expect(entries.filter { $0["category"] as? String == "security" }.count == 8)
        #expect(entries.first { $0["id"] as? String == "port-range" }?["category"] is NSNull)
        let explained = try runStackc(["explain", "docker-socket-mount"])
        #expect(explained.stdout.contains("containers should not mount the Docker socket (off by default; on with --enable-category security)."), "\(explained.stdout)")
        #expect(try runStackc(["rules", "--category", "secure"]).status == 2)
    }
}
