import Foundation
import TestSupport
import Testing

/// The command line itself: version, help, and usage errors, which exit 2 (the CLI contract), not
/// swift-argument-parser's 64.
struct CommandLineTests {
    @Test func version() throws {
        let run = try runStackc(["--version"])
        #expect(run.status == 0)
        #expect(run.stdout.range(of: #"^[0-9]+\.[0-9]+\.[0-9]+\n$"#, options: .regularExpression) != nil, "\(run.stdout)")
        #expect(run.stderr == "")
    }

    @Test func helpShowsExamples() throws {
        let run = try runStackc(["--help"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("Examples:"))
        #expect(run.stdout.contains("stackc lint ."))
        #expect(run.stdout.contains("stackc lint -"))
        #expect(run.stdout.contains("lint"))
        #expect(run.stdout.contains("Exit status"))
    }

    /// `lint` is parsed on its own when it parses (see `Stackc.parsedLint`); help and errors must still
    /// name the whole command.
    @Test func lintHelpListsItsFlags() throws {
        let run = try runStackc(["lint", "--help"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("USAGE: stackc lint [<options>]"))
        for flag in ["--format", "--strict", "--jobs", "--kind", "--env-file", "--no-interpolate"] {
            #expect(run.stdout.contains(flag), "\(flag)")
        }
    }

    @Test(arguments: [
        ["lint", "--bogus", "samples/compose/valid.yaml"],
        ["--bogus"],
        ["lint", "--format", "xml", "samples/compose/valid.yaml"],
        ["lint", "--jobs", "0", "samples/compose/valid.yaml"],
        ["lint", "--jobs", "many", "samples/compose/valid.yaml"],
        ["lint", "-e", "NOEQUALS", "samples/compose/valid.yaml"],
        ["no-such-command"],
    ])
    func usageErrorsExitTwo(arguments: [String]) throws {
        let run = try runStackc(arguments)
        #expect(run.status == 2, "\(arguments): \(run.stderr)")
        #expect(run.stdout == "")
        #expect(!run.stderr.isEmpty)
    }

    /// `lint FILE…` and the switches a pre-commit hook adds run without the argument parser
    /// (`LintSettings(fileNamesOnly:)`); with a `--` before the names the same command line goes through
    /// it. Both must report the same, byte for byte, and exit alike.
    @Test(arguments: [
        ([], ["samples"]),
        ([], ["samples/compose/valid.yaml"]),
        ([], ["samples/compose", "no-such-file.yaml"]),
        ([], []),
        (["--skip-unknown"], ["samples", "Package.swift"]),
        (["--strict", "-q"], ["samples"]),
    ] as [([String], [String])])
    func fileNamesRunAsTheParserWouldHaveThem(switches: [String], paths: [String]) throws {
        let direct = try runStackc(["lint"] + switches + paths)
        let parsed = try runStackc(["lint"] + switches + ["--"] + paths)
        #expect(direct.status == parsed.status)
        #expect(direct.stdout == parsed.stdout)
        #expect(direct.stderr == parsed.stderr)
    }

    @Test func unknownFlagIsNamed() throws {
        let run = try runStackc(["lint", "--bogus"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("--bogus"))
        #expect(run.stderr.contains("Usage: stackc lint [<options>]"))
    }
}
