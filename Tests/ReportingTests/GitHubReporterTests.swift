import Diagnostics
import Reporting
import Testing

/// GitHub workflow commands. The expected lines follow GitHub's documented syntax
/// (`::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`) and the escaping of
/// `@actions/core` (`toolkit/packages/core/src/command.ts`: `escapeData` encodes `%`, CR, LF; `escapeProperty`
/// also `:` and `,`), written out by hand here.
struct GitHubReporterTests {
    static func lines(_ reports: [FileReport], sourceTree: SourceTree = SourceTree(workingDirectory: "/work")) -> String {
        Fixture.output(of: GitHubReporter(sourceTree: sourceTree), for: reports)
    }

    @Test func oneCommandPerFindingWithPositionAndRuleTitle() {
        #expect(Self.lines([Fixture.report("compose.yaml", [Fixture.portRange, Fixture.unsetWarning, Fixture.kindInfo])]) == """
        ::notice file=compose.yaml,line=1,col=1,endLine=1,endColumn=4,title=unknown-kind::not a template
        ::warning file=compose.yaml,line=2,col=12,endLine=2,endColumn=18,title=unset-variable::variable 'TAG' is not set
        ::error file=compose.yaml,line=12,col=7,endLine=12,endColumn=18,title=port-range::port 70000 is out of range 1–65535

        """)
    }

    @Test func notesAreEncodedLinesOfTheSameAnnotation() {
        #expect(Self.lines([Fixture.report("a.yaml", [Fixture.duplicateKey])])
            == "::error file=a.yaml,line=4,col=3,endLine=4,endColumn=8,title=duplicate-key::duplicate key 'image'%0Anote: line 3, column 3: first defined here\n")
    }

    @Test func findingWithoutPositionNamesOnlyTheFile() {
        #expect(Self.lines([Fixture.report("x.yml", [Fixture.unreadable])])
            == "::error file=x.yml,title=unreadable-input::cannot read: Permission denied\n")
    }

    @Test func absolutePathsInsideTheWorkingFolderAreMadeRelative() {
        #expect(Self.lines([Fixture.report("/work/deploy/a.yaml", [Fixture.unreadable]), Fixture.report("/elsewhere/b.yaml", [Fixture.unreadable])])
            == "::error file=deploy/a.yaml,title=unreadable-input::cannot read: Permission denied\n"
            + "::error file=/elsewhere/b.yaml,title=unreadable-input::cannot read: Permission denied\n")
    }

    /// Run in a subfolder of the checkout, files are still named from the checkout's root.
    @Test func pathsAreRelativeToTheCheckout() {
        let tree = SourceTree(workingDirectory: "/repo/deploy", root: "/repo")
        let reports = ["a.yaml", "./sub/b.yaml", "../other/c.yaml", "/repo/d.yaml", "/elsewhere/e.yaml", "../../f.yaml"]
            .map { Fixture.report($0, [Fixture.unreadable]) }
        let files = Self.lines(reports, sourceTree: tree).split(separator: "\n").map { $0.split(separator: ",")[0].dropFirst("::error file=".count) }
        #expect(files == ["deploy/a.yaml", "deploy/sub/b.yaml", "other/c.yaml", "d.yaml", "/elsewhere/e.yaml", "/f.yaml"])
    }

    @Test(arguments: [
        ("100%", "100%25"),
        ("a\rb", "a%0Db"),
        ("a\nb", "a%0Ab"),
        ("a\r\nb", "a%0D%0Ab"),
        ("%0A", "%250A"),
        ("key: a, b", "key: a, b"),
        ("ünï 😀", "ünï 😀"),
    ])
    func dataEscaping(text: String, escaped: String) {
        #expect(WorkflowCommand.escapeData(text) == escaped)
    }

    @Test(arguments: [
        ("100%", "100%25"),
        ("a\rb", "a%0Db"),
        ("a\nb", "a%0Ab"),
        ("dir:name", "dir%3Aname"),
        ("a,b", "a%2Cb"),
        ("x,title=forged", "x%2Ctitle=forged"),
        ("%3A", "%253A"),
    ])
    func propertyEscaping(text: String, escaped: String) {
        #expect(WorkflowCommand.escapeProperty(text) == escaped)
    }

    @Test func fileNamesWithDelimitersCannotAddProperties() {
        let line = Self.lines([Fixture.report("odd,line=1:x%.yaml", [Fixture.unreadable])])
        #expect(line == "::error file=odd%2Cline=1%3Ax%25.yaml,title=unreadable-input::cannot read: Permission denied\n")
    }

    /// A template puts a line break and a workflow command, or a terminal escape, into a message: every
    /// finding must stay one line, the only `::` commands are stackc's own, and no control byte survives.
    @Test(arguments: [
        "bad\n::set-output name=token::stolen",
        "bad\r::add-mask::x",
        "bad\r\n::stop-commands::abc",
        "bad\u{1B}]0;title\u{7}\u{1B}[2J",
        "bad\u{85}::error::nel",
        "bad\u{2028}::error::ls",
    ])
    func templateTextCannotInjectCommands(message: String) {
        var diagnostic = Fixture.portRange
        diagnostic.message = message
        diagnostic.notes = [Diagnostic.Note(message: message, range: nil)]
        let output = Self.lines([Fixture.report("a.yaml", [diagnostic])])
        let lines = output.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 2 && lines[1].isEmpty, "one line and its terminator")
        #expect(output.hasPrefix("::error file=a.yaml,line=12,col=7,endLine=12,endColumn=18,title=port-range::bad"))
        #expect(!output.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" || (0x7F...0x9F).contains($0.value) || $0 == "\u{2028}" })
    }
}
