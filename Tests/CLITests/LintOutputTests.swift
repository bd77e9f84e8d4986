import Foundation
import TestSupport
import Testing

/// Where reports go: several `--format F --output FILE` pairs in one run, atomic files, colour, the
/// name of standard input, and the GitHub Actions job summary.
struct LintOutputTests {
    static func project() throws -> TemporaryDirectory {
        let folder = try TemporaryDirectory()
        try folder.write("a.yaml", ManyFiles.contents(7))
        try folder.write("b.yaml", ManyFiles.contents(1))
        return folder
    }

    static func read(_ folder: TemporaryDirectory, _ name: String) throws -> String {
        try String(contentsOf: folder.url.appendingPathComponent(name), encoding: .utf8)
    }

    @Test func severalReportsInOneRunWithTextOnStandardOutput() throws {
        let folder = try Self.project()
        let run = try runStackc(["lint", "--format", "json", "--output", "r.json", "--format", "text", "--format", "junit", "--output", "r.xml", "."],
                                currentDirectory: folder.url)
        #expect(run.status == 1)
        #expect(run.stdout == ManyFiles.expectedText(7, shown: "a.yaml"))
        let json = try #require(JSONSerialization.jsonObject(with: Data(try Self.read(folder, "r.json").utf8)) as? [String: Any])
        #expect((json["diagnostics"] as? [Any])?.count == 1)
        #expect(try Self.read(folder, "r.xml").hasPrefix("<?xml"))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix(".") }
        #expect(leftovers.isEmpty, "no temporary files left beside the reports: \(leftovers)")
    }

    @Test func loneOutputSendsTextToTheFile() throws {
        let folder = try Self.project()
        let run = try runStackc(["lint", "--output", "r.txt", "."], currentDirectory: folder.url)
        #expect(run.status == 1)
        #expect(run.stdout == "")
        #expect(try Self.read(folder, "r.txt") == ManyFiles.expectedText(7, shown: "a.yaml"))
    }

    @Test func outputReplacesAnOldReportWhole() throws {
        let folder = try Self.project()
        try folder.write("r.json", String(repeating: "old report ", count: 10_000))
        _ = try runStackc(["lint", "--format", "json", "--output", "r.json", "b.yaml"], currentDirectory: folder.url)
        #expect(try Self.read(folder, "r.json").hasPrefix("{\n  \"diagnostics\": []"))
    }

    @Test func unwritableOutputExitsTwo() throws {
        let folder = try Self.project()
        let run = try runStackc(["lint", "--format", "sarif", "--output", "missing-folder/r.sarif", "b.yaml"], currentDirectory: folder.url)
        #expect(run.status == 2)
        #expect(run.stderr.contains("missing-folder/r.sarif"))
    }

    @Test func twoReportsForStandardOutputIsAUsageError() throws {
        let run = try runStackc(["lint", "--format", "json", "--format", "sarif", "samples/compose/valid.yaml"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("only one report can go to standard output"))
    }

    static let colourCases: [(arguments: [String], environment: [String: String], coloured: Bool)] = [
        (["--color", "always"], ["NO_COLOR": "1"], true),
        (["--color", "never"], [:], false),
        ([], [:], false),
        (["--color", "auto"], [:], false),
    ]

    @Test(arguments: colourCases)
    func colourOutsideATerminal(arguments: [String], environment: [String: String], coloured: Bool) throws {
        let folder = try Self.project()
        let run = try runStackc(["lint"] + arguments + ["a.yaml"], environment: environment, removingEnvironment: environment.isEmpty ? ["NO_COLOR"] : [],
                                currentDirectory: folder.url)
        #expect(run.stdout.contains("\u{1B}[") == coloured)
    }

    /// `auto` on a real terminal (a pseudo-terminal made by util-linux `script`): colour, unless
    /// `NO_COLOR` is set to something; `--color never` wins there too.
    @Test(arguments: [
        ("", "", true),
        ("NO_COLOR=1", "", false),
        ("NO_COLOR=", "", true),
        ("", "--color never", false),
    ])
    func colourOnATerminal(noColor: String, flag: String, coloured: Bool) throws {
        let folder = try Self.project()
        let command = "env -u NO_COLOR \(noColor) '\(stackcBinary.path)' lint \(flag) a.yaml"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        process.arguments = ["--quiet", "--return", "--command", command, "/dev/null"]
        process.currentDirectoryURL = folder.url
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 1, "\(output)")
        #expect(output.contains("duplicate key"))
        #expect(output.contains("\u{1B}[1;31merror:") == coloured, "\(output)")
    }

    @Test func standardInputTakesTheGivenName() throws {
        let text = ManyFiles.contents(7)
        let run = try runStackc(["lint", "--stdin-filename", "deploy/compose.yaml", "-"], stdin: text)
        #expect(run.status == 1)
        #expect(run.stdout == ManyFiles.expectedText(7, shown: "deploy/compose.yaml"))
        let github = try runStackc(["lint", "--format", "github", "--stdin-filename", "deploy/compose.yaml", "-"], stdin: text)
        #expect(github.stdout.hasPrefix("::error file=deploy/compose.yaml,line=4,"))
        let unnamed = try runStackc(["lint", "-"], stdin: text)
        #expect(unnamed.stdout.hasPrefix("<stdin>:4:5:"))
    }

    static let actions = ["GITHUB_ACTIONS": "true"]

    @Test func jobSummaryIsAppendedInGitHubActions() throws {
        let folder = try Self.project()
        let summary = try folder.write("summary.md", "# earlier step\n\n")
        let run = try runStackc(["lint", "--format", "github", "."], environment: Self.actions.merging(["GITHUB_STEP_SUMMARY": summary]) { $1 },
                                currentDirectory: folder.url)
        #expect(run.status == 1)
        #expect(run.stdout.hasPrefix("::error file=a.yaml,line=4,col=5,"))
        #expect(try Self.read(folder, "summary.md") == """
        # earlier step

        ### stackc lint

        1 error in 1 file \\(2 files checked\\)

        | severity | file | line:column | rule | message |
        | --- | --- | --- | --- | --- |
        | error | a\\.yaml | 4:5 | duplicate\\-key | duplicate key \\'image\\'\\; a mapping may define each key only once |


        """)
    }

    /// A job run with `working-directory: deploy` still names files from the checkout's root.
    @Test func annotationsInASubfolderOfTheCheckout() throws {
        let checkout = try TemporaryDirectory()
        try checkout.write("deploy/a.yaml", ManyFiles.contents(7))
        let subfolder = checkout.url.appendingPathComponent("deploy")
        let environment = ["GITHUB_ACTIONS": "true", "GITHUB_WORKSPACE": checkout.path]
        let run = try runStackc(["lint", "--format", "github", "--format", "sarif", "--output", "r.sarif", "a.yaml"],
                                environment: environment, removingEnvironment: ["GITHUB_STEP_SUMMARY"], currentDirectory: subfolder)
        #expect(run.stdout.hasPrefix("::error file=deploy/a.yaml,line=4,col=5,"))
        let sarif = try Self.read(checkout, "deploy/r.sarif")
        #expect(sarif.contains("\"uri\": \"deploy/a.yaml\""))
        #expect(sarif.contains("\"uri\": \"file://\(checkout.url.standardizedFileURL.path)/\""))
        let outside = try runStackc(["lint", "--format", "github", "a.yaml"], environment: ["GITHUB_ACTIONS": "true", "GITHUB_WORKSPACE": "/elsewhere"],
                                    removingEnvironment: ["GITHUB_STEP_SUMMARY"], currentDirectory: subfolder)
        #expect(outside.stdout.hasPrefix("::error file=a.yaml,"), "a workspace that does not contain the working folder is ignored")
    }

    static let withoutSummary: [(arguments: [String], environment: [String: String])] = [
        (["--format", "github"], ["GITHUB_ACTIONS": "false"]),
        (["--format", "text"], ["GITHUB_ACTIONS": "true"]),
        (["--format", "github"], [:]),
    ]

    @Test(arguments: withoutSummary)
    func noJobSummaryOutsideGitHubActionsOrWithoutGitHubFormat(arguments: [String], environment: [String: String]) throws {
        let folder = try Self.project()
        let summary = folder.path("summary.md")
        _ = try runStackc(["lint"] + arguments + ["."], environment: environment.merging(["GITHUB_STEP_SUMMARY": summary]) { $1 },
                          removingEnvironment: environment.isEmpty ? ["GITHUB_ACTIONS"] : [], currentDirectory: folder.url)
        #expect(!FileManager.default.fileExists(atPath: summary))
    }
}
