import Diagnostics
import Foundation
import Reporting
import TestSupport
import Testing

/// JUnit XML, read back by an independent parser (Python's `xml.etree.ElementTree`): the structure
/// (a suite per file, a case per file and rule, failures carrying every finding) and that template text
/// cannot break out of the markup.
struct JUnitReporterTests {
    static func xml(_ reports: [FileReport]) -> String {
        Fixture.output(of: JUnitReporter(), for: reports)
    }

    /// Parses the XML with Python and prints suites, cases and failures as JSON.
    static func parsed(_ xml: String) throws -> [[String: Any]] {
        let folder = try TemporaryDirectory()
        let path = try folder.write("junit.xml", xml)
        let run = try runTestPython(["-c", """
            import json, sys, xml.etree.ElementTree as ET
            root = ET.parse(sys.argv[1]).getroot()
            assert root.tag == "testsuites", root.tag
            print(json.dumps([{"name": s.get("name"), "tests": s.get("tests"), "failures": s.get("failures"),
                               "cases": [{"classname": c.get("classname"), "name": c.get("name"),
                                          "failures": [{"type": f.get("type"), "message": f.get("message"), "text": f.text}
                                                       for f in c.findall("failure")]}
                                         for c in s.findall("testcase")]}
                              for s in root.findall("testsuite")]))
            """, path])
        #expect(run.status == 0, "\(run.output)")
        return try #require(JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [[String: Any]])
    }

    @Test func suitePerFileCasePerRule() throws {
        var second = Fixture.portRange
        second.range = Fixture.range(14, 7, 14, 9)
        second.message = "port 0 is out of range 1–65535"
        let suites = try Self.parsed(Self.xml([
            Fixture.report("a.yaml", [Fixture.portRange, Fixture.duplicateKey, second]),
            Fixture.report("clean.yaml", []),
        ]))
        #expect(suites.count == 2)
        #expect(suites[0]["name"] as? String == "a.yaml")
        #expect(suites[0]["tests"] as? String == "2" && suites[0]["failures"] as? String == "2")
        let cases = try #require(suites[0]["cases"] as? [[String: Any]])
        #expect(cases.map { $0["name"] as? String } == ["duplicate-key", "port-range"], "rules in the order of their first finding")
        #expect(cases.allSatisfy { $0["classname"] as? String == "a.yaml" })
        let duplicate = try #require((cases[0]["failures"] as? [[String: Any]])?.first)
        #expect(duplicate["type"] as? String == "error")
        #expect(duplicate["message"] as? String == "duplicate key 'image'")
        #expect(duplicate["text"] as? String == "4:3: error: duplicate key 'image'\n  3:3: note: first defined here")
        let ports = try #require(cases[1]["failures"] as? [[String: Any]])
        #expect(ports.count == 1, "one failure element per test case")
        #expect(ports[0]["message"] as? String == "2 findings")
        #expect(ports[0]["text"] as? String == "12:7: error: port 70000 is out of range 1–65535\n14:7: error: port 0 is out of range 1–65535")
        #expect(suites[1]["tests"] as? String == "1" && suites[1]["failures"] as? String == "0")
        let clean = try #require(suites[1]["cases"] as? [[String: Any]])
        #expect(clean.count == 1 && (clean[0]["failures"] as? [Any])?.isEmpty == true, "a clean file is one passing case")
    }

    @Test func emptyRunIsAValidDocument() throws {
        #expect(try Self.parsed(Self.xml([])).isEmpty)
    }

    @Test func worstSeverityIsTheFailureType() throws {
        var warning = Fixture.unsetWarning
        warning.rule = "r"
        var info = Fixture.kindInfo
        info.rule = "r"
        let suites = try Self.parsed(Self.xml([Fixture.report("w.yaml", [warning, info])]))
        let failure = try #require(((suites[0]["cases"] as? [[String: Any]])?[0]["failures"] as? [[String: Any]])?.first)
        #expect(failure["type"] as? String == "warning")
    }

    @Test func templateTextCannotBreakTheMarkup() throws {
        let hostile = "a</failure></testcase><testcase name=\"forged\"/>&amp;\"'\u{1B}[31m\u{0}\u{FFFE}\nnext"
        var diagnostic = Fixture.portRange
        diagnostic.message = hostile
        diagnostic.rule = RuleID("rule<&>")
        let suites = try Self.parsed(Self.xml([Fixture.report("f\"<&>.yaml", [diagnostic])]))
        #expect(suites.count == 1 && suites[0]["name"] as? String == "f\"<&>.yaml")
        let cases = try #require(suites[0]["cases"] as? [[String: Any]])
        #expect(cases.count == 1 && cases[0]["name"] as? String == "rule<&>")
        let failure = try #require((cases[0]["failures"] as? [[String: Any]])?.first)
        let shown = #"a</failure></testcase><testcase name="forged"/>&amp;"'\u{1b}[31m\u{0}\u{fffe}\u{a}next"#
        #expect(failure["message"] as? String == shown, "the text survives, control characters as visible escapes")
        #expect(failure["text"] as? String == "12:7: error: " + shown)
    }
}
