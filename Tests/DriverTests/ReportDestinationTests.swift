import Driver
import Reporting
import Testing

/// Pairing `--format F --output FILE` by where the flags stand on the command line.
struct ReportDestinationTests {
    static func pair(_ arguments: [String], _ formats: [ReportFormat], _ outputs: [String]) throws(ReportDestination.Failure) -> [ReportDestination] {
        try ReportDestination.pair(order: ReportDestination.flagOrder(in: arguments), formats: formats, outputs: outputs)
    }

    @Test func noFormatIsTextOnStandardOutput() throws {
        #expect(try Self.pair(["lint", "."], [], []) == [ReportDestination(format: .text)])
        #expect(try Self.pair(["lint", "--output", "r.txt"], [], ["r.txt"]) == [ReportDestination(format: .text, path: "r.txt")])
    }

    @Test func eachOutputBelongsToTheFormatBeforeIt() throws {
        let arguments = ["lint", "--format", "text", "--format=sarif", "--output", "r.sarif", "--format", "junit", "--output=r.xml", "."]
        #expect(try Self.pair(arguments, [.text, .sarif, .junit], ["r.sarif", "r.xml"]) == [
            ReportDestination(format: .text), ReportDestination(format: .sarif, path: "r.sarif"), ReportDestination(format: .junit, path: "r.xml"),
        ])
        #expect(try Self.pair(["--format", "sarif", "--output", "a", "--format", "github"], [.sarif, .github], ["a"])
            == [ReportDestination(format: .sarif, path: "a"), ReportDestination(format: .github)])
    }

    @Test func argumentsAfterDoubleDashAreNotFlags() {
        #expect(ReportDestination.flagOrder(in: ["--format", "json", "--", "--output"]) == [.format])
    }

    @Test(arguments: [
        (["--format", "text", "--format", "json"], [ReportFormat.text, .json], [String](), "only one report can go to standard output"),
        (["--format", "json", "--output", "a", "--output", "b"], [.json], ["a", "b"], "--format json has two --output files"),
        (["--output", "a", "--format", "json"], [.json], ["a"], "--output a comes before any --format"),
        (["--format", "json", "--output", "a", "--format", "sarif", "--output", "a"], [.json, .sarif], ["a", "a"], "--output a is named twice"),
        (["--output", "a", "--output", "b"], [], ["a", "b"], "several --output files need a --format before each"),
        (["-o", "a"], [.json], ["a"], "cannot tell which --output belongs to which --format"),
    ])
    func mistakesAreUsageErrors(arguments: [String], formats: [ReportFormat], outputs: [String], message: String) {
        do {
            _ = try Self.pair(arguments, formats, outputs)
            Issue.record("\(arguments) must be refused")
        } catch {
            #expect(error.description.hasPrefix(message), "\(error.description)")
        }
    }
}
