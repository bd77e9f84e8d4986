import Diagnostics
import Foundation
import Reporting
import Testing

/// `--format json`: one object with `diagnostics` (file, line, column, endLine, endColumn, severity,
/// rule, message, path, notes) and `summary`, checked through an independent parser.
struct JSONReporterTests {
    static func run(_ reports: [FileReport]) -> String {
        Fixture.output(of: JSONReporter(), for: reports)
    }

    static func parse(_ text: String) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    static func diagnostics(_ object: [String: Any]) throws -> [[String: Any]] {
        try #require(object["diagnostics"] as? [[String: Any]])
    }

    @Test func emptyRunIsExact() {
        #expect(Self.run([]) == """
        {
          "diagnostics": [],
          "summary": {
            "files": 0,
            "errors": 0,
            "warnings": 0,
            "infos": 0
          }
        }

        """)
    }

    @Test func oneFindingIsExact() {
        #expect(Self.run([Fixture.report("a.yaml", [Fixture.duplicateKey])]) == """
        {
          "diagnostics": [
            {
              "file": "a.yaml",
              "line": 4,
              "column": 3,
              "endLine": 4,
              "endColumn": 8,
              "severity": "error",
              "rule": "duplicate-key",
              "message": "duplicate key 'image'",
              "path": "web.image",
              "notes": [
                {
                  "message": "first defined here",
                  "line": 3,
                  "column": 3
                }
              ]
            }
          ],
          "summary": {
            "files": 1,
            "errors": 1,
            "warnings": 0,
            "infos": 0
          }
        }

        """)
    }

    @Test func everyField() throws {
        let object = try Self.parse(Self.run([
            Fixture.report("dir/b.yaml", [Fixture.portRange, Fixture.unsetWarning]),
            Fixture.report("clean.yaml", []),
            Fixture.report("x.yml", [Fixture.unreadable]),
        ]))
        let items = try Self.diagnostics(object)
        #expect(items.count == 3)

        let warning = items[0]   // 2:12 sorts before 12:7 in dir/b.yaml
        #expect(warning["file"] as? String == "dir/b.yaml")
        #expect(warning["line"] as? Int == 2)
        #expect(warning["column"] as? Int == 12)
        #expect(warning["endLine"] as? Int == 2)
        #expect(warning["endColumn"] as? Int == 18)
        #expect(warning["severity"] as? String == "warning")
        #expect(warning["rule"] as? String == "unset-variable")
        #expect(warning["message"] as? String == "variable 'TAG' is not set")
        #expect(warning["path"] as? String == #"labels["aliyun.scale"]"#)
        #expect((warning["notes"] as? [Any])?.isEmpty == true)

        let error = items[1]
        #expect(error["file"] as? String == "dir/b.yaml")
        #expect(error["line"] as? Int == 12)
        #expect(error["column"] as? Int == 7)
        #expect(error["endLine"] as? Int == 12)
        #expect(error["endColumn"] as? Int == 18)
        #expect(error["severity"] as? String == "error")
        #expect(error["rule"] as? String == "port-range")
        #expect(error["message"] as? String == "port 70000 is out of range 1–65535")
        #expect(error["path"] as? String == "services.web.ports[0]")

        let unplaced = items[2]
        #expect(unplaced["file"] as? String == "x.yml")
        for key in ["line", "column", "endLine", "endColumn", "path"] {
            #expect(unplaced[key] is NSNull, "\(key) is null for a finding without a position")
        }
        #expect(unplaced["severity"] as? String == "error")
        #expect(unplaced["rule"] as? String == "unreadable-input")
        #expect(Set(unplaced.keys) == ["file", "line", "column", "endLine", "endColumn", "severity", "rule", "message", "path", "notes"])

        let summary = try #require(object["summary"] as? [String: Int])
        #expect(summary == ["files": 3, "errors": 2, "warnings": 1, "infos": 0])
        #expect(Set(object.keys) == ["diagnostics", "summary"])
    }

    @Test func notesWithAndWithoutPosition() throws {
        var diagnostic = Fixture.duplicateKey
        diagnostic.notes.append(Diagnostic.Note(message: "and elsewhere", range: nil))
        let items = try Self.diagnostics(Self.parse(Self.run([Fixture.report("a.yaml", [diagnostic])])))
        let notes = try #require(items.first?["notes"] as? [[String: Any]])
        #expect(notes.count == 2)
        #expect(notes[0]["message"] as? String == "first defined here")
        #expect(notes[0]["line"] as? Int == 3)
        #expect(notes[0]["column"] as? Int == 3)
        #expect(notes[1]["message"] as? String == "and elsewhere")
        #expect(notes[1]["line"] is NSNull)
        #expect(notes[1]["column"] is NSNull)
    }

    @Test func infosAreCounted() throws {
        let object = try Self.parse(Self.run([Fixture.report("k.yaml", [Fixture.kindInfo]), Fixture.report("w.yaml", [Fixture.unsetWarning])]))
        #expect(object["summary"] as? [String: Int] == ["files": 2, "errors": 0, "warnings": 1, "infos": 1])
        #expect(try Self.diagnostics(object).map { $0["severity"] as? String } == ["info", "warning"])
    }

    @Test func hostileTextSurvivesAsData() throws {
        let message = "quote \" backslash \\ esc \u{1B}[31m nul \u{0} nl \n emoji 😀 ls \u{2028}"
        let path = "dir/we\"ird\\name\n.yaml"
        let diagnostic = Diagnostic(rule: "r", severity: .error, message: message, range: Fixture.range(1, 1, 1, 2),
                                    path: NodePath([.key("a\"b")]))
        let text = Self.run([Fixture.report(path, [diagnostic])])
        #expect(!text.contains("\u{1B}"), "no raw escape character in the JSON text")
        let item = try #require(try Self.diagnostics(Self.parse(text)).first)
        #expect(item["message"] as? String == message)
        #expect(item["file"] as? String == path)
        #expect(item["path"] as? String == #"["a\"b"]"#)
    }

    @Test func reportReturnsNothingUntilFinish() {
        var reporter = JSONReporter()
        #expect(reporter.report(Fixture.report("a.yaml", [Fixture.portRange])) == "")
        #expect(reporter.finish(Summary()).hasSuffix("}\n"))
    }
}
