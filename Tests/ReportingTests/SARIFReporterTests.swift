import Diagnostics
import Foundation
import Reporting
import Testing

/// The SARIF log's fields as SARIF 2.1.0 defines them (§3.27 result, §3.29 physicalLocation, §3.30
/// region, §3.49 reportingDescriptor). Schema validity and an independent reader are checked end to
/// end in `CLITests/ReportFormatTests`.
struct SARIFReporterTests {
    static let rules = [
        RuleInfo(id: .duplicateKey, severity: .error, summary: "a key may appear only once", rationale: "Parsers disagree."),
        RuleInfo(id: "port-range", severity: .error, summary: "ports are 1–65535", rationale: "TCP has 16-bit ports."),
        RuleInfo(id: "unset-variable", severity: .warning, summary: "variables should be set", rationale: "Empty values."),
        RuleInfo(id: "unknown-kind", severity: .info, summary: "kind", rationale: "Kind decides."),
    ]

    static func log(_ reports: [FileReport], sourceTree: SourceTree = SourceTree(workingDirectory: "/work/repo")) throws -> [String: Any] {
        var reporter = SARIFReporter(ReportContext(sourceTree: sourceTree, rules: rules, toolVersion: "1.2.3"))
        for report in reports { #expect(reporter.report(report) == "", "SARIF is one document, returned at the end") }
        let text = reporter.finish(Summary())
        return try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    static func run(_ log: [String: Any]) throws -> [String: Any] {
        try #require((log["runs"] as? [[String: Any]])?.first)
    }

    static func results(_ log: [String: Any]) throws -> [[String: Any]] {
        try #require(try run(log)["results"] as? [[String: Any]])
    }

    static func location(_ result: [String: Any]) throws -> [String: Any] {
        try #require(((result["locations"] as? [[String: Any]])?.first)?["physicalLocation"] as? [String: Any])
    }

    @Test func driverListsEveryRule() throws {
        let run = try Self.run(try Self.log([]))
        #expect(try Self.log([])["version"] as? String == "2.1.0")
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["name"] as? String == "stackc")
        #expect(driver["semanticVersion"] as? String == "1.2.3")
        let rules = try #require(driver["rules"] as? [[String: Any]])
        #expect(rules.map { $0["id"] as? String } == ["duplicate-key", "port-range", "unset-variable", "unknown-kind"])
        #expect((rules[1]["shortDescription"] as? [String: String])?["text"] == "ports are 1–65535")
        #expect((rules[1]["fullDescription"] as? [String: String])?["text"] == "TCP has 16-bit ports.")
        #expect((rules[1]["help"] as? [String: String])?["text"] == "TCP has 16-bit ports. Run `stackc explain port-range` for examples.")
        #expect(rules.map { ($0["defaultConfiguration"] as? [String: String])?["level"] } == ["error", "error", "warning", "note"])
        #expect(run["columnKind"] as? String == "unicodeCodePoints")
        #expect(((run["originalUriBaseIds"] as? [String: Any])?["%SRCROOT%"] as? [String: String])?["uri"] == "file:///work/repo/")
    }

    @Test func resultsCarryRuleIndexLevelAndRegion() throws {
        let results = try Self.results(try Self.log([Fixture.report("compose.yaml", [Fixture.portRange, Fixture.unsetWarning, Fixture.kindInfo])]))
        #expect(results.map { $0["ruleId"] as? String } == ["unknown-kind", "unset-variable", "port-range"])
        #expect(results.map { $0["ruleIndex"] as? Int } == [3, 2, 1])
        #expect(results.map { $0["level"] as? String } == ["note", "warning", "error"])
        let port = results[2]
        #expect((port["message"] as? [String: String])?["text"] == "port 70000 is out of range 1–65535")
        let location = try Self.location(port)
        #expect(location["artifactLocation"] as? [String: String] == ["uri": "compose.yaml", "uriBaseId": "%SRCROOT%"])
        #expect(location["region"] as? [String: Int] == ["startLine": 12, "startColumn": 7, "endLine": 12, "endColumn": 18])
        let logical = try #require(((port["locations"] as? [[String: Any]])?.first)?["logicalLocations"] as? [[String: String]])
        #expect(logical == [["fullyQualifiedName": "/services/web/ports/0"]])
    }

    @Test func notesAreRelatedLocations() throws {
        let result = try #require(try Self.results(try Self.log([Fixture.report("a.yaml", [Fixture.duplicateKey])])).first)
        let related = try #require(result["relatedLocations"] as? [[String: Any]])
        #expect(related.count == 1)
        #expect(related[0]["id"] as? Int == 1)
        #expect((related[0]["message"] as? [String: String])?["text"] == "first defined here")
        #expect((related[0]["physicalLocation"] as? [String: Any])?["region"] as? [String: Int]
            == ["startLine": 3, "startColumn": 3, "endLine": 3, "endColumn": 8])
    }

    @Test func pathsAreRelativeToTheWorkingFolderAndPercentEncoded() throws {
        let results = try Self.results(try Self.log([
            Fixture.report("/work/repo/deploy/my app#1.yaml", [Fixture.unreadable]),
            Fixture.report("./ünï/a:b%.yaml", [Fixture.unreadable]),
            Fixture.report("/elsewhere/c.yaml", [Fixture.unreadable]),
            Fixture.report("<stdin>", [Fixture.unreadable]),
        ]))
        let artifacts = try results.map { try Self.location($0)["artifactLocation"] as? [String: String] }
        #expect(artifacts == [
            ["uri": "deploy/my%20app%231.yaml", "uriBaseId": "%SRCROOT%"],
            ["uri": "%C3%BCn%C3%AF/a%3Ab%25.yaml", "uriBaseId": "%SRCROOT%"],
            ["uri": "file:///elsewhere/c.yaml"],
            ["uri": "%3Cstdin%3E", "uriBaseId": "%SRCROOT%"],
        ])
        #expect(try results.allSatisfy { try Self.location($0)["region"] == nil }, "no region without a position")
    }

    @Test func subfolderRunsAreRelativeToTheCheckout() throws {
        let log = try Self.log([Fixture.report("a.yaml", [Fixture.unreadable])], sourceTree: SourceTree(workingDirectory: "/work/repo/deploy", root: "/work/repo"))
        #expect(((try Self.run(log)["originalUriBaseIds"] as? [String: Any])?["%SRCROOT%"] as? [String: String])?["uri"] == "file:///work/repo/")
        let result = try #require(try Self.results(log).first)
        #expect(try Self.location(result)["artifactLocation"] as? [String: String] == ["uri": "deploy/a.yaml", "uriBaseId": "%SRCROOT%"])
    }

    @Test func unknownWorkingFolderKeepsPathsAsGiven() throws {
        let log = try Self.log([Fixture.report("./a.yaml", [Fixture.unreadable])], sourceTree: SourceTree(workingDirectory: ""))
        #expect(try Self.run(log)["originalUriBaseIds"] == nil)
        let result = try #require(try Self.results(log).first)
        #expect(try Self.location(result)["artifactLocation"] as? [String: String] == ["uri": "a.yaml"])
    }

    @Test func unknownRuleHasNoIndexAndTextIsSanitized() throws {
        var diagnostic = Fixture.portRange
        diagnostic.rule = "not-in-catalogue"
        diagnostic.message = "x\u{1B}[31m\ny"
        let result = try #require(try Self.results(try Self.log([Fixture.report("a.yaml", [diagnostic])])).first)
        #expect(result["ruleIndex"] == nil)
        #expect((result["message"] as? [String: String])?["text"] == #"x\u{1b}[31m\u{a}y"#)
    }

    @Test func aFixIsAReplacementInCodePointColumns() throws {
        let result = try #require(try Self.results(try Self.log([FileReport(file: Fixture.fixableFile, diagnostics: [Fixture.fixable])])).first)
        let fixes = try #require(result["fixes"] as? [[String: Any]])
        #expect(fixes.count == 1)
        #expect((fixes[0]["description"] as? [String: String])?["text"] == "rename key 'restrat' to 'restart'")
        let changes = try #require(fixes[0]["artifactChanges"] as? [[String: Any]])
        #expect(changes.count == 1)
        #expect(changes[0]["artifactLocation"] as? [String: String] == ["uri": "a.yaml", "uriBaseId": "%SRCROOT%"])
        let replacements = try #require(changes[0]["replacements"] as? [[String: Any]])
        #expect(replacements.count == 1)
        #expect(replacements[0]["deletedRegion"] as? [String: Int] == ["startLine": 2, "startColumn": 22, "endLine": 2, "endColumn": 29])
        #expect(replacements[0]["insertedContent"] as? [String: String] == ["text": "restart"])
        #expect(try Self.results(try Self.log([Fixture.report("a.yaml", [Fixture.portRange])])).first?["fixes"] == nil)
    }
}
