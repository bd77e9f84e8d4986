import Testing
@testable import stackc

/// A `lint` command line of file names and switches is run without swift-argument-parser
/// (`LintSettings(fileNamesOnly:)`); it must mean exactly what the parser reads from it.
struct LintSettingsTests {
    @Test(arguments: [
        [],
        ["compose.yaml"],
        ["a.yml", "deploy/b.yaml", "dir", "with space.yaml", "", "help", "x=1"],
        ["--skip-unknown", "compose.yaml", "pod.yaml"],
        ["a.yaml", "--strict", "b.yaml", "-q"],
        ["--quiet", "--no-interpolate", "--strict-env", "--list-files", "x"],
    ])
    func fileNamesMeanWhatTheParserReads(arguments: [String]) throws {
        let parsed = try #require(try Stackc.Lint.parseAsRoot(arguments) as? Stackc.Lint)
        #expect(LintSettings(fileNamesOnly: ["lint"] + arguments) == parsed.settings)
    }

    /// Every switch is one the parser knows, setting what the parser sets.
    @Test func eachSwitchAlone() throws {
        for name in LintSettings.Switch.allCases.map(\.rawValue) {
            let parsed = try #require(try Stackc.Lint.parseAsRoot([name, "a.yaml"]) as? Stackc.Lint, "\(name)")
            let direct = try #require(LintSettings(fileNamesOnly: ["lint", name, "a.yaml"]))
            #expect(direct == parsed.settings, "\(name)")
            #expect(direct != LintSettings(fileNamesOnly: ["lint", "a.yaml"]), "\(name) changes nothing")
        }
    }

    @Test(arguments: [
        ["lint", "-"],
        ["lint", "--", "a.yaml"],
        ["lint", "a.yaml", "--format", "json"],
        ["lint", "-q", "--quiet", "a.yaml"],
        ["lint", "--strict", "--strict", "a.yaml"],
        ["lint", "-qs", "a.yaml"],
        ["lint", "--skip-unknown=true", "a.yaml"],
        ["lint", "--help"],
        ["render", "a.yaml"],
        ["a.yaml"],
        [],
    ])
    func anythingElseGoesToTheParser(arguments: [String]) {
        #expect(LintSettings(fileNamesOnly: arguments) == nil)
    }
}
