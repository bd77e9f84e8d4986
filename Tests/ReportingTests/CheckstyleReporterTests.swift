import Diagnostics
import Foundation
import Reporting
import TestSupport
import Testing

/// Checkstyle XML, read back by Python's `xml.etree.ElementTree` the way reviewdog's checkstyle parser
/// reads it (`checkstyle > file[name] > error[line, column, severity, message, source]`).
struct CheckstyleReporterTests {
    static func parsed(_ reports: [FileReport]) throws -> [[String: Any]] {
        let folder = try TemporaryDirectory()
        let path = try folder.write("checkstyle.xml", Fixture.output(of: CheckstyleReporter(), for: reports))
        let run = try runTestPython(["-c", """
            import json, sys, xml.etree.ElementTree as ET
            root = ET.parse(sys.argv[1]).getroot()
            assert root.tag == "checkstyle" and root.get("version"), root.attrib
            print(json.dumps([{"name": f.get("name"), "errors": [dict(e.attrib) for e in f.findall("error")]} for f in root.findall("file")]))
            """, path])
        #expect(run.status == 0, "\(run.output)")
        return try #require(JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [[String: Any]])
    }

    @Test func filePerReportErrorPerFinding() throws {
        let files = try Self.parsed([
            Fixture.report("a.yaml", [Fixture.portRange, Fixture.duplicateKey, Fixture.unsetWarning, Fixture.kindInfo]),
            Fixture.report("sub/clean.yaml", []),
        ])
        #expect(files.map { $0["name"] as? String } == ["a.yaml", "sub/clean.yaml"])
        let errors = try #require(files[0]["errors"] as? [[String: String]])
        #expect(errors == [
            ["line": "1", "column": "1", "severity": "info", "message": "not a template", "source": "unknown-kind"],
            ["line": "2", "column": "12", "severity": "warning", "message": "variable 'TAG' is not set", "source": "unset-variable"],
            ["line": "4", "column": "3", "severity": "error", "message": "duplicate key 'image'; note at 3:3: first defined here", "source": "duplicate-key"],
            ["line": "12", "column": "7", "severity": "error", "message": "port 70000 is out of range 1–65535", "source": "port-range"],
        ])
        #expect((files[1]["errors"] as? [Any])?.isEmpty == true, "a clean file is listed, without errors")
    }

    @Test func emptyRunIsAValidDocument() throws {
        #expect(try Self.parsed([]).isEmpty)
    }

    @Test func aFindingWithoutPositionIsOnLineZero() throws {
        let errors = try #require(try Self.parsed([Fixture.report("a.yaml", [Fixture.unreadable])]).first?["errors"] as? [[String: String]])
        #expect(errors == [["line": "0", "severity": "error", "message": "cannot read: Permission denied", "source": "unreadable-input"]])
    }

    @Test func templateTextCannotBreakTheMarkup() throws {
        var diagnostic = Fixture.portRange
        diagnostic.message = "a\"/><error line=\"1\" message=\"forged\"/>&amp;'\u{1B}[31m\u{0}\u{FFFE}\nnext ü"
        diagnostic.rule = RuleID("rule<&>")
        let files = try Self.parsed([Fixture.report("d\"<&>/f.yaml", [diagnostic])])
        #expect(files.count == 1 && files[0]["name"] as? String == "d\"<&>/f.yaml")
        let errors = try #require(files[0]["errors"] as? [[String: String]])
        #expect(errors.count == 1)
        #expect(errors.first?["message"] == #"a"/><error line="1" message="forged"/>&amp;'\u{1b}[31m\u{0}\u{fffe}\u{a}next ü"#)
        #expect(errors.first?["source"] == "rule<&>")
    }
}
