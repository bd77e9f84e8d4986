import Diagnostics
import Foundation
import Reporting
import TestSupport
import Testing

/// The job-summary table for GitHub Actions.
struct MarkdownSummaryReporterTests {
    static func markdown(_ reports: [FileReport]) -> String {
        Fixture.output(of: MarkdownSummaryReporter(sourceTree: SourceTree(workingDirectory: "/work")), for: reports)
    }

    @Test func tableOfEveryFinding() {
        #expect(Self.markdown([Fixture.report("/work/a.yaml", [Fixture.portRange, Fixture.unsetWarning]), Fixture.report("b.yaml", [])]) == #"""
        ### stackc lint

        1 error and 1 warning in 1 file \(2 files checked\)

        | severity | file | line:column | rule | message |
        | --- | --- | --- | --- | --- |
        | warning | a\.yaml | 2:12 | unset\-variable | variable \'TAG\' is not set |
        | error | a\.yaml | 12:7 | port\-range | port 70000 is out of range 1–65535 |


        """#)
    }

    @Test func cleanRun() {
        #expect(Self.markdown([Fixture.report("a.yaml", [])]) == "### stackc lint\n\nNo problems in 1 file.\n\n")
    }

    /// Rendered by an independent CommonMark implementation with GFM tables (markdown-it-py): the
    /// hostile message must come back as the text of one cell of one row, with no markup of its own.
    @Test func markupAndPipesInTemplateTextAreEscaped() throws {
        var diagnostic = Fixture.portRange
        diagnostic.message = "a | b *c* _d_ [l](http://x) <img src=x> `e` ${VAR} $x$ @user #1 &amp; \\| ~~s~~ :smile:\n| forged | row |"
        let markdown = Self.markdown([Fixture.report("p|q.yaml", [diagnostic])])
        let folder = try TemporaryDirectory()
        let path = try folder.write("summary.md", markdown)
        let run = try runTestPython(["-c", """
            import json, sys
            from html.parser import HTMLParser
            from markdown_it import MarkdownIt
            html = MarkdownIt("commonmark").enable(["table", "strikethrough"]).render(open(sys.argv[1]).read())
            class Cells(HTMLParser):
                def __init__(self):
                    super().__init__(); self.rows = []; self.tags = set(); self.cell = None
                def handle_starttag(self, tag, attrs):
                    self.tags.add(tag)
                    if tag == "tr": self.rows.append([])
                    if tag in ("td", "th"): self.cell = ""
                def handle_endtag(self, tag):
                    if tag in ("td", "th"): self.rows[-1].append(self.cell); self.cell = None
                def handle_data(self, data):
                    if self.cell is not None: self.cell += data
            parser = Cells(); parser.feed(html)
            print(json.dumps({"rows": parser.rows, "tags": sorted(parser.tags)}))
            """, path])
        #expect(run.status == 0, "\(run.output)")
        let rendered = try #require(JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any])
        let rows = try #require(rendered["rows"] as? [[String]])
        #expect(rows.count == 2, "the header and one finding: the template forged no row")
        #expect(rows.last == ["error", "p|q.yaml", "12:7", "port-range",
                              #"a | b *c* _d_ [l](http://x) <img src=x> `e` ${VAR} $x$ @user #1 &amp; \| ~~s~~ :smile:\u{a}| forged | row |"#])
        #expect(rendered["tags"] as? [String] == ["h3", "p", "table", "tbody", "td", "th", "thead", "tr"], "no emphasis, link, image or code")
    }
}

/// GitHub refuses a step summary over 1 MiB; a run with very many findings says how many it left out.
struct MarkdownSummaryLimitTests {
    @Test func hugeRunsStayBelowGitHubsLimit() {
        var diagnostic = Fixture.portRange
        diagnostic.message = String(repeating: "long message ", count: 20)
        let reports = (0..<100).map { Fixture.report("f\($0).yaml", Array(repeating: diagnostic, count: 100)) }
        let output = Fixture.output(of: MarkdownSummaryReporter(sourceTree: SourceTree(workingDirectory: "")), for: reports)
        #expect(output.utf8.count < 1_048_576)
        let rows = output.split(separator: "\n").filter { $0.hasPrefix("| error") }.count
        #expect(rows > 1000 && rows < 10_000)
        #expect(output.hasSuffix("\n\(10_000 - rows) more findings are not shown (the summary would exceed GitHub's size limit).\n\n"))
    }
}
