import Foundation
import TestSupport
import Testing

/// The GitLab Code Quality, rdjson and Checkstyle reports end to end, each read as its consumer reads it:
/// GitLab's and reviewdog's published schemas (vendored in `Tests/ConsumerSchemas`, see its MANIFEST.md)
/// through Python's jsonschema, Checkstyle XML through Python's xml.etree as reviewdog's parser reads it.
/// Each report must list exactly the findings of the JSON report written in the same run.
struct CIFormatTests {
    static let schemas = packageRoot.appendingPathComponent("Tests/ConsumerSchemas")

    /// The report-format project (an error with a note, a warning, an info, a clean file; one in a
    /// subfolder) plus a service whose name holds quotes, `<`, `&`, a line break and non-ASCII text, after
    /// a non-ASCII service on the same line.
    static func project() throws -> TemporaryDirectory {
        let folder = try ReportFormatTests.project()
        try folder.write("deploy/hostile.yaml", "services: {ü: {image: nginx}, \"a \\\"q\\\" <b> & c\\nd\": {image: nginx}}\n")
        try folder.makeDirectory("out")
        return folder
    }

    /// Runs lint with the given format and the JSON report beside it; returns the report's path and the
    /// JSON report's findings as `[rule, file, line, severity]`.
    static func lint(_ format: String, in folder: TemporaryDirectory) throws -> (report: String, expected: [[String]]) {
        let run = try runStackc(["lint", "--format", format, "--output", "out/report", "--format", "json", "--output", "out/r.json", "."],
                                currentDirectory: folder.url)
        #expect(run.status == 1, "\(run.stderr)")
        #expect(run.stdout == "")
        let json = try #require(JSONSerialization.jsonObject(with: Data(contentsOf: folder.url.appendingPathComponent("out/r.json"))) as? [String: Any])
        let expected = try #require(json["diagnostics"] as? [[String: Any]]).map { item in
            [item["rule"] as! String, item["file"] as! String, String(item["line"] as! Int), item["severity"] as! String]
        }
        #expect(expected.count == 5)
        return (folder.path("out/report"), expected.sorted { $0.lexicographicallyPrecedes($1) })
    }

    static func python(_ script: String, _ arguments: [String]) throws -> String {
        let run = try runTestPython(["-c", script] + arguments)
        #expect(run.status == 0, "\(run.output)")
        return run.output
    }

    static func rows(_ output: String) throws -> [[String]] {
        try #require(JSONSerialization.jsonObject(with: Data(output.utf8)) as? [[String]])
    }

    /// Validates each issue as `CodequalityReports#valid_degradation?` does, then checks what GitLab relies
    /// on beyond the schema: a unique fingerprint per issue and a severity of its scale.
    static let gitlabCheck = """
        import json, sys, jsonschema
        schema = json.load(open(sys.argv[1]))
        issues = json.load(open(sys.argv[2]))
        assert isinstance(issues, list), type(issues)
        validator = jsonschema.Draft7Validator(schema)
        errors = [e.message for issue in issues for e in validator.iter_errors(issue)]
        assert not errors, errors
        assert len({i["fingerprint"] for i in issues}) == len(issues), "fingerprints repeat"
        assert all(i["severity"] in ("blocker", "critical", "major", "minor", "info") for i in issues)
        levels = {"major": "error", "minor": "warning", "info": "info"}
        print(json.dumps(sorted([[i["check_name"], i["location"]["path"], str(i["location"]["lines"]["begin"]), levels[i["severity"]]]
                                 for i in issues])))
        """

    @Test func gitlabReportPassesGitLabsSchema() throws {
        let folder = try Self.project()
        let (report, expected) = try Self.lint("gitlab", in: folder)
        let rows = try Self.rows(try Self.python(Self.gitlabCheck, [Self.schemas.appendingPathComponent("gitlab-codeclimate.json").path, report]))
        #expect(rows == expected)
        let text = try String(contentsOfFile: report, encoding: .utf8)
        #expect(text.contains(#""description": "service name 'a \"q\" <b> & c\\u{a}d'"#), "quotes escaped, the line break a visible escape")
    }

    @Test func gitlabFingerprintsSurviveAnEditAbove() throws {
        let folder = try Self.project()
        let before = try Self.lint("gitlab", in: folder)
        let prints = { () throws -> [String] in
            try Self.python("import json, sys; print(json.dumps(sorted(i['fingerprint'] for i in json.load(open(sys.argv[1])))))", [before.report])
                .data(using: .utf8).flatMap { try JSONSerialization.jsonObject(with: $0) as? [String] } ?? []
        }
        let first = try prints()
        try folder.write("a-errors.yaml", "# moved down\n\n" + ManyFiles.contents(7))
        _ = try Self.lint("gitlab", in: folder)
        #expect(try prints() == first)
        #expect(Set(first).count == 5)
    }

    /// Inside GitLab CI a job run in a subfolder still names files from the project's root.
    @Test func gitlabPathsAreRelativeToTheProjectDirectory() throws {
        let checkout = try TemporaryDirectory()
        try checkout.write("deploy/a.yaml", ManyFiles.contents(7))
        let subfolder = checkout.url.appendingPathComponent("deploy")
        let arguments = ["lint", "--format", "gitlab", "--format", "rdjson", "--output", "r.json", "a.yaml"]
        let inside = try runStackc(arguments, environment: ["GITLAB_CI": "true", "CI_PROJECT_DIR": checkout.path],
                                   removingEnvironment: ["GITHUB_ACTIONS"], currentDirectory: subfolder)
        #expect(inside.stdout.contains(#""path": "deploy/a.yaml""#), "\(inside.stdout)")
        #expect(try String(contentsOf: subfolder.appendingPathComponent("r.json"), encoding: .utf8).contains(#""path": "deploy/a.yaml""#))
        let outside = try runStackc(arguments, environment: ["GITLAB_CI": "true", "CI_PROJECT_DIR": "/elsewhere"],
                                    removingEnvironment: ["GITHUB_ACTIONS"], currentDirectory: subfolder)
        #expect(outside.stdout.contains(#""path": "a.yaml""#), "a project folder that does not contain the working folder is ignored")
        let notGitLab = try runStackc(arguments, environment: ["CI_PROJECT_DIR": checkout.path], removingEnvironment: ["GITHUB_ACTIONS", "GITLAB_CI"],
                                      currentDirectory: subfolder)
        #expect(notGitLab.stdout.contains(#""path": "a.yaml""#))
    }

    @Test func gitlabSchemaCheckCanFail() throws {
        let folder = try Self.project()
        let (report, _) = try Self.lint("gitlab", in: folder)
        let broken = try folder.write("broken.json", try String(contentsOfFile: report, encoding: .utf8)
            .replacingOccurrences(of: "\"begin\": 4", with: "\"begin\": \"4\""))
        let run = try runTestPython(["-c", Self.gitlabCheck, Self.schemas.appendingPathComponent("gitlab-codeclimate.json").path, broken])
        #expect(run.status != 0 && run.output.contains("is not of type 'integer'"), "\(run.output)")
    }

    static let rdjsonCheck = """
        import json, sys, jsonschema
        schema = json.load(open(sys.argv[1]))
        result = json.load(open(sys.argv[2]))
        jsonschema.Draft4Validator.check_schema(schema)
        errors = [e.message for e in jsonschema.Draft4Validator(schema).iter_errors(result)]
        assert not errors, errors
        assert result["source"]["name"] == "stackc"
        print(json.dumps(sorted([[d["code"]["value"], d["location"]["path"], str(d["location"].get("range", {}).get("start", {}).get("line", 0)),
                                  d["severity"].lower()] for d in result["diagnostics"]])))
        """

    @Test func rdjsonReportPassesReviewdogsSchema() throws {
        let folder = try Self.project()
        let (report, expected) = try Self.lint("rdjson", in: folder)
        let rows = try Self.rows(try Self.python(Self.rdjsonCheck, [Self.schemas.appendingPathComponent("reviewdog-DiagnosticResult.json").path, report]))
        #expect(rows == expected)
        // The second service name starts at character 31 of its line, after 'ü' (two bytes): byte 32.
        let columns = try Self.python("""
            import json, sys
            print(sorted(d["location"]["range"]["start"]["column"] for d in json.load(open(sys.argv[1]))["diagnostics"]
                         if d["location"]["path"] == "deploy/hostile.yaml"))
            """, [report])
        #expect(columns == "[12, 32]\n")
    }

    @Test func rdjsonSchemaCheckCanFail() throws {
        let folder = try Self.project()
        let (report, _) = try Self.lint("rdjson", in: folder)
        let broken = try folder.write("broken.json", try String(contentsOfFile: report, encoding: .utf8)
            .replacingOccurrences(of: "\"severity\": \"ERROR\"", with: "\"severity\": \"FATAL\""))
        let run = try runTestPython(["-c", Self.rdjsonCheck, Self.schemas.appendingPathComponent("reviewdog-DiagnosticResult.json").path, broken])
        #expect(run.status != 0 && run.output.contains("'FATAL' is not one of"), "\(run.output)")
    }

    @Test func checkstyleReadsAsReviewdogReadsIt() throws {
        let folder = try Self.project()
        let (report, expected) = try Self.lint("checkstyle", in: folder)
        let rows = try Self.rows(try Self.python("""
            import json, sys, xml.etree.ElementTree as ET
            root = ET.parse(sys.argv[1]).getroot()
            assert root.tag == "checkstyle", root.tag
            names = [f.get("name") for f in root.findall("file")]
            assert len(names) == 5 and len(set(names)) == 5, names
            print(json.dumps(sorted([[e.get("source"), f.get("name"), str(int(e.get("line"))), e.get("severity")]
                                     for f in root.findall("file") for e in f.findall("error")
                                     if int(e.get("column", "0")) >= 0])))
            """, [report]))
        #expect(rows == expected)
        let text = try String(contentsOfFile: report, encoding: .utf8)
        #expect(text.contains(#"message="service name &apos;a &quot;q&quot; &lt;b&gt; &amp; c\u{a}d&apos;"#))
    }
}
