import Diagnostics
import Driver
import TestSupport
import Testing

/// Baselines key findings on rule, file and YAML path with a count, never on lines.
struct BaselineTests {
    static func finding(_ rule: RuleID, line: Int, path: [NodePath.Component]?) -> Diagnostic {
        let location = SourceLocation(line: line, column: 3, offset: 0)
        return Diagnostic(rule: rule, severity: .error, message: "m", range: SourceRange(at: location), path: path.map(NodePath.init))
    }

    static func report(_ file: String, _ diagnostics: [Diagnostic]) -> FileReport {
        FileReport(file: SourceFile(path: file, text: ""), diagnostics: diagnostics)
    }

    static let port = [NodePath.Component.key("services"), .key("web"), .key("ports"), .index(0)]

    @Test func movedFindingsStayHiddenAndASecondIdenticalOneIsNew() {
        var baseline = Baseline()
        baseline.record(Self.report("/w/compose.yaml", [Self.finding("port-range", line: 5, path: Self.port)]), workingDirectory: "/w")
        // The file gained lines above the finding, and the same finding appeared a second time.
        let later = Self.report("compose.yaml", [
            Self.finding("port-range", line: 9, path: Self.port),
            Self.finding("port-range", line: 12, path: Self.port),
            Self.finding("port-syntax", line: 9, path: Self.port),
        ])
        let shown = baseline.hiding(in: later, workingDirectory: "/w")
        #expect(shown.diagnostics.map(\.rule) == ["port-syntax", "port-range"])
        #expect(shown.diagnostics.last?.range?.start.line == 12, "the first is adopted, the second is new")
    }

    @Test func otherFilesAndPathsAreNotCovered() {
        var baseline = Baseline()
        baseline.record(Self.report("a.yaml", [Self.finding("r", line: 1, path: Self.port)]), workingDirectory: "/w")
        var other = Self.port
        other[3] = .index(1)
        #expect(baseline.hiding(in: Self.report("b.yaml", [Self.finding("r", line: 1, path: Self.port)]), workingDirectory: "/w").diagnostics.count == 1)
        #expect(baseline.hiding(in: Self.report("a.yaml", [Self.finding("r", line: 1, path: other)]), workingDirectory: "/w").diagnostics.count == 1)
    }

    @Test func renderedFileRoundTripsAndIsSorted() throws {
        var baseline = Baseline()
        baseline.record(Self.report("b.yaml", [Self.finding("r", line: 1, path: nil), Self.finding("r", line: 2, path: nil)]), workingDirectory: "")
        baseline.record(Self.report("a.yaml", [Self.finding("z", line: 1, path: [.key("x~/y")]), Self.finding("a", line: 1, path: [.key("x~/y")])]),
                        workingDirectory: "")
        let text = baseline.rendered()
        #expect(text == """
        {
          "version": 1,
          "findings": [
            {
              "rule": "a",
              "file": "a.yaml",
              "path": "/x~0~1y",
              "count": 1
            },
            {
              "rule": "z",
              "file": "a.yaml",
              "path": "/x~0~1y",
              "count": 1
            },
            {
              "rule": "r",
              "file": "b.yaml",
              "path": "",
              "count": 2
            }
          ]
        }

        """)
        let folder = try TemporaryDirectory()
        let path = try folder.write("baseline.json", text)
        #expect(try Baseline.load(path) == baseline)
    }

    @Test(arguments: [
        ("[]", ":1:1: expected a baseline object"),
        (#"{"version": 2, "findings": []}"#, #":1:13: unsupported baseline version '2'"#),
        (#"{"version": 1}"#, #":1:1: expected "findings""#),
        ("{\"version\": 1, \"findings\": [\n  {\"rule\": \"r\", \"file\": \"a\", \"count\": 1}]}", #":2:3: missing "path""#),
        ("{\"version\": 1, \"findings\": [\n  {\"rule\": \"r\", \"file\": \"a\", \"path\": \"\", \"count\": -1}]}", #":2:51: "count" must be a positive integer"#),
        (#"{"version": 1, "findings": [1]}"#, ":1:29: expected an object"),
        ("{\"version\": 1,\n \"findings\": [", ":2:15: "),
    ])
    func malformedFilesArePositionedErrors(text: String, message: String) throws {
        let folder = try TemporaryDirectory()
        let path = try folder.write("b.json", text)
        do {
            _ = try Baseline.load(path)
            Issue.record("\(text) must be refused")
        } catch {
            #expect(error.description.hasPrefix(path + message), "\(error.description)")
        }
    }

    @Test func missingFileNamesIt() {
        #expect(throws: Baseline.Failure.self) { try Baseline.load("/no/such/baseline.json") }
    }
}
