import Foundation
import TestSupport
import Testing

/// `stackc lint` end to end: standard input, the JSON format, --strict, the walk of `.`, and the exit
/// statuses of the CLI contract (0 clean, 1 findings, 2 usage error or unreadable input).
struct LintCommandTests {
    static let invalidCompose = "samples/compose/invalid.yaml"

    @Test func standardInputIsShownAsStdin() throws {
        let text = try String(contentsOf: packageRoot.appendingPathComponent(Self.invalidCompose), encoding: .utf8)
        let expected = try String(contentsOf: packageRoot.appendingPathComponent("samples/compose/invalid.expected"), encoding: .utf8)
        let run = try runStackc(["lint", "-"], stdin: text)
        #expect(run.stdout == expected.replacingOccurrences(of: Self.invalidCompose, with: "<stdin>"))
        #expect(run.stdout.hasPrefix("<stdin>:6:5: error: duplicate key 'ports'"))
        #expect(run.status == 1)
    }

    @Test func cleanStandardInput() throws {
        let run = try runStackc(["lint", "-"], stdin: "services:\n  web:\n    image: nginx:1.25\n")
        #expect(run.status == 0)
        #expect(run.stdout == "")
        #expect(run.stderr == "")
    }

    /// Standard input has no size to read into, so its buffer grows: a finding on the last line of
    /// 100 KB proves every byte arrived.
    @Test func largeStandardInputIsReadWhole() throws {
        let services = (0..<3000).map { "  s\($0):\n    image: nginx\n" }.joined()
        let text = "services:\n" + services + "  last:\n    image: nginx\n    ports: [\"70000:80\"]\n"
        #expect(text.utf8.count > 64 * 1024)
        let run = try runStackc(["lint", "-"], stdin: text)
        #expect(run.status == 1)
        #expect(run.stdout.hasPrefix("<stdin>:6004:13: error: "))
        #expect(run.stdout.contains("[port-range]"))
    }

    @Test func jsonFormatHasTheDesignedFields() throws {
        let run = try runStackc(["lint", "--format", "json", Self.invalidCompose])
        #expect(run.status == 1)
        let object = try #require(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let diagnostics = try #require(object["diagnostics"] as? [[String: Any]])
        #expect(diagnostics.count == 2)
        for item in diagnostics {
            for key in ["file", "line", "column", "endLine", "endColumn", "severity", "rule", "message", "path"] {
                #expect(item[key] != nil, "\(key) missing")
            }
        }
        // services:\n  web:\n    image: nginx\n    ports: …\n    ports: …\n  api: example/api:2.1
        let duplicate = diagnostics[0]
        #expect(duplicate["file"] as? String == Self.invalidCompose)
        #expect(duplicate["line"] as? Int == 6)
        #expect(duplicate["column"] as? Int == 5)
        #expect(duplicate["endLine"] as? Int == 6)
        #expect(duplicate["endColumn"] as? Int == 10, "the key 'ports' spans columns 5–9")
        #expect(duplicate["severity"] as? String == "error")
        #expect(duplicate["rule"] as? String == "duplicate-key")
        #expect(duplicate["path"] as? String == "services.web.ports")
        let note = try #require((duplicate["notes"] as? [[String: Any]])?.first)
        #expect(note["line"] as? Int == 4 && note["column"] as? Int == 5)
        let structure = diagnostics[1]
        #expect(structure["line"] as? Int == 8)
        #expect(structure["column"] as? Int == 8)
        #expect(structure["endLine"] as? Int == 8)
        #expect(structure["endColumn"] as? Int == 23, "'example/api:2.1' is 15 characters from column 8")
        #expect(structure["rule"] as? String == "invalid-structure")
        #expect(structure["path"] as? String == "services.api")
        #expect(object["summary"] as? [String: Int] == ["files": 1, "errors": 2, "warnings": 0, "infos": 0])
    }

    @Test func jsonForACleanFile() throws {
        let run = try runStackc(["lint", "--format", "json", "samples/compose/valid.yaml"])
        #expect(run.status == 0)
        let object = try #require(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect((object["diagnostics"] as? [Any])?.isEmpty == true)
        #expect(object["summary"] as? [String: Int] == ["files": 1, "errors": 0, "warnings": 0, "infos": 0])
    }

    @Test func strictTurnsWarningsIntoFailure() throws {
        let folder = try TemporaryDirectory()
        let path = try folder.write("w.yaml", ManyFiles.contents(13))
        let lenient = try runStackc(["lint", path])
        #expect(lenient.status == 0)
        #expect(lenient.stdout == ManyFiles.expectedText(13, shown: path))
        #expect(lenient.stderr == "1 warning in 1 file (1 file checked)\n")
        let strict = try runStackc(["lint", "--strict", path])
        #expect(strict.status == 1)
        #expect(strict.stdout == lenient.stdout)
        let clean = try runStackc(["lint", "--strict", "samples/compose/valid.yaml"])
        #expect(clean.status == 0)
    }

    @Test func currentFolderPathsHaveNoDotSlash() throws {
        let folder = try TemporaryDirectory()
        try folder.write("a.yaml", ManyFiles.contents(0))
        try folder.write("sub/b.yaml", ManyFiles.contents(11))
        let expected = ManyFiles.expectedText(0, shown: "a.yaml") + ManyFiles.expectedText(11, shown: "sub/b.yaml")
        for arguments in [["lint"], ["lint", "."], ["lint", "./"]] {
            let run = try runStackc(arguments, currentDirectory: folder.url)
            #expect(run.stdout == expected, "\(arguments)")
            #expect(run.status == 1)
        }
        let named = try runStackc(["lint", "sub"], currentDirectory: folder.url)
        #expect(named.stdout == ManyFiles.expectedText(11, shown: "sub/b.yaml"))
    }

    @Test func missingFileExitsTwoNamingIt() throws {
        let run = try runStackc(["lint", "no-such-template.yaml"])
        #expect(run.status == 2)
        #expect(run.stdout == "")
        #expect(run.stderr.contains("no-such-template.yaml"))
        #expect(run.stderr.contains("No such file or directory"))
    }

    @Test func missingFileAmongGoodOnesStillExitsTwo() throws {
        let run = try runStackc(["lint", "samples/compose/valid.yaml", "missing.yaml", Self.invalidCompose])
        #expect(run.status == 2, "unreadable input wins over findings")
        #expect(run.stderr.contains("missing.yaml"))
        #expect(run.stdout.hasPrefix(Self.invalidCompose + ":6:5:"), "the readable inputs are still linted")
    }

    @Test func folderWithoutYAMLExitsTwo() throws {
        let folder = try TemporaryDirectory()
        try folder.write("readme.txt", "hello\n")
        try folder.write(".hidden/x.yaml", ManyFiles.contents(0))
        let run = try runStackc(["lint", folder.path])
        #expect(run.status == 2)
        #expect(run.stdout == "")
        #expect(run.stderr.contains(folder.path))
        #expect(run.stderr.contains("no YAML files"))
    }
}
