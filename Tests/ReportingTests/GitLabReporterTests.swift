import Diagnostics
import Foundation
import Reporting
import Testing

/// GitLab Code Quality issues: the fields GitLab reads, and fingerprints that stay put when lines move
/// but never repeat within a run (GitLab keeps one issue per fingerprint). Validation against GitLab's
/// own schema runs end to end in `CLITests/CIFormatTests`.
struct GitLabReporterTests {
    static func issues(_ reports: [FileReport], sourceTree: SourceTree = SourceTree(workingDirectory: "/work/repo")) throws -> [[String: Any]] {
        let text = Fixture.output(of: GitLabReporter(sourceTree: sourceTree), for: reports)
        return try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
    }

    static func fingerprints(_ reports: [FileReport]) throws -> [String] {
        try issues(reports).map { try #require($0["fingerprint"] as? String) }
    }

    @Test func issueFields() throws {
        let issues = try Self.issues([Fixture.report("/work/repo/deploy/a.yaml", [Fixture.duplicateKey, Fixture.unsetWarning, Fixture.kindInfo, Fixture.unreadable])])
        #expect(issues.map { $0["check_name"] as? String } == ["unreadable-input", "unknown-kind", "unset-variable", "duplicate-key"])
        #expect(issues.map { $0["severity"] as? String } == ["major", "info", "minor", "major"])
        #expect(issues.allSatisfy { $0["type"] as? String == "issue" })
        #expect(issues.map { ($0["location"] as? [String: Any])?["path"] as? String } == Array(repeating: "deploy/a.yaml", count: 4))
        #expect(issues.map { (($0["location"] as? [String: Any])?["lines"] as? [String: Int])?["begin"] } == [1, 1, 2, 4],
                "a finding without a position is on the first line")
        #expect(issues[3]["description"] as? String == "duplicate key 'image'; note at 3:3: first defined here")
        #expect(issues.allSatisfy { ($0["fingerprint"] as? String)?.count == 64 })
    }

    @Test func emptyRunIsAnEmptyArray() throws {
        #expect(Fixture.output(of: GitLabReporter(sourceTree: SourceTree(workingDirectory: "")), for: []) == "[]\n")
    }

    @Test func fingerprintIgnoresLinesAndMessages() throws {
        var moved = Fixture.portRange
        moved.range = Fixture.range(40, 9, 40, 20)
        moved.message = "port 70001 is out of range 1–65535"
        let before = try Self.fingerprints([Fixture.report("a.yaml", [Fixture.portRange])])
        let after = try Self.fingerprints([Fixture.report("a.yaml", [Fixture.duplicateKey, moved])])
        #expect(after.last == before.first, "an edit above the finding (a new finding included) keeps its fingerprint")
    }

    @Test func fingerprintNamesRuleFileAndPath() throws {
        var otherPath = Fixture.portRange
        otherPath.path = NodePath([.key("services"), .key("db"), .key("ports"), .index(0)])
        var otherRule = Fixture.portRange
        otherRule.rule = "port-syntax"
        let prints = try Self.fingerprints([Fixture.report("a.yaml", [Fixture.portRange]), Fixture.report("b.yaml", [Fixture.portRange]),
                                            Fixture.report("c.yaml", [Fixture.portRange, otherPath, otherRule])])
        #expect(Set(prints).count == 5)
    }

    @Test func repeatedKeysGetDistinctFingerprints() throws {
        var second = Fixture.portRange
        second.range = Fixture.range(13, 7, 13, 18)
        let prints = try Self.fingerprints([Fixture.report("a.yaml", [Fixture.portRange, second])])
        #expect(prints.count == 2 && prints[0] != prints[1])
        #expect(try Self.fingerprints([Fixture.report("a.yaml", [Fixture.portRange])]) == [prints[0]], "the first occurrence keeps its fingerprint")
    }

    @Test func pathsOutsideTheCheckoutStayAbsolute() throws {
        let issue = try #require(try Self.issues([Fixture.report("/elsewhere/c.yaml", [Fixture.unreadable])]).first)
        #expect((issue["location"] as? [String: Any])?["path"] as? String == "/elsewhere/c.yaml")
    }

    @Test func descriptionIsSanitized() throws {
        var diagnostic = Fixture.portRange
        diagnostic.message = "x\u{1B}[31m\ny \"q\" <&>"
        let issue = try #require(try Self.issues([Fixture.report("a.yaml", [diagnostic])]).first)
        #expect(issue["description"] as? String == #"x\u{1b}[31m\u{a}y "q" <&>"#)
    }
}
