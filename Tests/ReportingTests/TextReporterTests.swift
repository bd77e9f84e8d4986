import Diagnostics
import Reporting
import Testing

/// GNU-style lines: `file:line:col: severity: message [rule]`, notes as `note:` lines after their
/// finding, `file: ` alone when there is no position.
struct TextReporterTests {
    static func text(_ reports: [FileReport], colors: Bool = false) -> String {
        var reporter = TextReporter(colors: colors)
        return reports.map { reporter.report($0) }.joined() + reporter.finish(Summary())
    }

    @Test func findingWithPosition() {
        #expect(Self.text([Fixture.report("compose.yaml", [Fixture.portRange])])
            == "compose.yaml:12:7: error: port 70000 is out of range 1–65535 [port-range]\n")
    }

    @Test func findingWithoutPosition() {
        #expect(Self.text([Fixture.report("dir/x.yml", [Fixture.unreadable])])
            == "dir/x.yml: error: cannot read: Permission denied [unreadable-input]\n")
    }

    @Test func notesFollowTheirFinding() {
        var diagnostic = Fixture.duplicateKey
        diagnostic.notes.append(Diagnostic.Note(message: "defined a third time elsewhere", range: nil))
        #expect(Self.text([Fixture.report("a.yaml", [diagnostic])]) == """
        a.yaml:4:3: error: duplicate key 'image' [duplicate-key]
        a.yaml:3:3: note: first defined here
        a.yaml: note: defined a third time elsewhere

        """)
    }

    @Test func everySeverityAndFileInOrder() {
        let output = Self.text([
            Fixture.report("b.yaml", [Fixture.unsetWarning, Fixture.kindInfo]),
            Fixture.report("empty.yaml", []),
            Fixture.report("a.yaml", [Fixture.portRange]),
        ])
        #expect(output == """
        b.yaml:1:1: info: not a template [unknown-kind]
        b.yaml:2:12: warning: variable 'TAG' is not set [unset-variable]
        a.yaml:12:7: error: port 70000 is out of range 1–65535 [port-range]

        """, "files in the order given, findings by position within a file")
    }

    @Test func fileWithoutFindingsPrintsNothing() {
        var reporter = TextReporter(colors: true)
        #expect(reporter.report(Fixture.report("ok.yaml", [])) == "")
        #expect(reporter.finish(Summary()) == "", "the summary goes to stderr, not the report")
    }

    @Test func coloursWhenAskedFor() {
        let esc = "\u{1B}["
        let output = Self.text([Fixture.report("a.yaml", [Fixture.duplicateKey, Fixture.unsetWarning, Fixture.kindInfo])], colors: true)
        #expect(output == """
        \(esc)1ma.yaml:1:1: \(esc)0m\(esc)1;36minfo:\(esc)0m not a template\(esc)2m [unknown-kind]\(esc)0m
        \(esc)1ma.yaml:2:12: \(esc)0m\(esc)1;33mwarning:\(esc)0m variable 'TAG' is not set\(esc)2m [unset-variable]\(esc)0m
        \(esc)1ma.yaml:4:3: \(esc)0m\(esc)1;31merror:\(esc)0m duplicate key 'image'\(esc)2m [duplicate-key]\(esc)0m
        \(esc)1ma.yaml:3:3: \(esc)0m\(esc)36mnote:\(esc)0m first defined here

        """)
    }

    @Test func noEscapeCharacterWithoutColours() {
        let output = Self.text([Fixture.report("a.yaml", [Fixture.duplicateKey, Fixture.unsetWarning, Fixture.kindInfo, Fixture.unreadable])])
        #expect(!output.contains("\u{1B}"))
    }
}

/// Template text reaches messages, and templates come from pull requests: control characters must be
/// written as visible escapes so a template cannot drive the terminal or forge CI log commands.
struct TextReporterSanitizingTests {
    static func line(message: String, path: String = "a.yaml", note: String? = nil, colors: Bool = false) -> String {
        var diagnostic = Diagnostic(rule: "r", severity: .error, message: message, range: Fixture.range(1, 2, 1, 3))
        if let note { diagnostic.notes = [Diagnostic.Note(message: note, range: nil)] }
        var reporter = TextReporter(colors: colors)
        return reporter.report(Fixture.report(path, [diagnostic]))
    }

    @Test(arguments: [
        ("red \u{1B}[31mtext", #"red \u{1b}[31mtext"#),
        ("bell\u{7}", #"bell\u{7}"#),
        ("nul\u{0}", #"nul\u{0}"#),
        ("two\nlines", #"two\u{a}lines"#),
        ("carriage\rreturn", #"carriage\u{d}return"#),
        ("tab\there", #"tab\u{9}here"#),
        ("del\u{7F}", #"del\u{7f}"#),
        ("csi\u{9B}31m", #"csi\u{9b}31m"#),
        ("nel\u{85}", #"nel\u{85}"#),
        ("ls\u{2028}ps\u{2029}", #"ls\u{2028}ps\u{2029}"#),
        ("::error file=x::forged\n::warning::", #"::error file=x::forged\u{a}::warning::"#),
        ("ünïcödé 😀 and 1–65535 stay", "ünïcödé 😀 and 1–65535 stay"),
    ])
    func messageControlCharactersAreEscaped(message: String, shown: String) {
        #expect(Self.line(message: message) == "a.yaml:1:2: error: \(shown) [r]\n")
    }

    @Test func pathsAndNotesAreEscapedToo() {
        let output = Self.line(message: "m", path: "evil\u{1B}]0;title\u{7}.yaml", note: "see\u{1B}[2J")
        #expect(output == "evil\\u{1b}]0;title\\u{7}.yaml:1:2: error: m [r]\nevil\\u{1b}]0;title\\u{7}.yaml: note: see\\u{1b}[2J\n")
    }

    @Test func withColoursOnlyTheReportersOwnEscapesRemain() {
        let output = Self.line(message: "x\u{1B}[8m", note: "y\u{1B}[8m", colors: true)
        // The reporter's own sequences are ESC [ <digits and ;> m; the template's ESC must be gone.
        #expect(!output.contains("\u{1B}[8m"))
        #expect(output.contains(#"x\u{1b}[8m"#) && output.contains(#"y\u{1b}[8m"#))
    }
}
