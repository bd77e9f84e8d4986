import Diagnostics
@testable import Driver
import Interpolation
import Testing

/// Every suppression form, through the whole lint pipeline: what it hides, what it leaves, and the
/// findings about the suppressions themselves (unknown ids, unused ones, malformed directives).
struct SuppressionTests {
    /// Findings as `rule@line:column`, in report order.
    static func findings(_ text: String, policy: FindingPolicy = .none) -> [String] {
        let report = LintPipeline.lint(SourceFile(path: "compose.yaml", text: text), environment: Environment(), directory: "",
                                       options: FrontEndOptions(), policy: policy)
        return report.diagnostics.map { "\($0.rule)@\($0.range.map { "\($0.start.line):\($0.start.column)" } ?? "-")" }
    }

    static func messages(_ text: String) -> [String] {
        LintPipeline.lint(SourceFile(path: "compose.yaml", text: text), environment: Environment(), directory: "",
                          options: FrontEndOptions()).diagnostics.map(\.message)
    }

    @Test func withoutSuppressionsBothPortsAreReported() {
        #expect(Self.findings("""
        services:
          web:
            image: nginx
            ports: ["70000:80"]
            expose: ["99999"]
        """) == ["port-range@4:13", "port-range@5:14"])
    }

    @Test func disableNextLineHidesTheNextContentLineOnly() {
        #expect(Self.findings("""
        services:
          web:
            image: nginx
            # stackc-disable-next-line port-range -- the proxy rewrites it

            # (comment lines and blank lines in between are skipped)
            ports: ["70000:80"]
            expose: ["99999"]
        """) == ["port-range@8:14"])
    }

    @Test func disableLineHidesFindingsOnItsOwnLineOnly() {
        #expect(Self.findings("""
        services:
          web:
            image: nginx
            ports: ["70000:80"]   # stackc-disable-line port-range -- the proxy rewrites it
            expose: ["99999"]
        """) == ["port-range@5:14"])
    }

    @Test func disableLineChecksItsRulesLikeEveryDirective() {
        #expect(Self.messages("""
        services:
          web:
            image: nginx:${TAG}   # stackc-disable-line unset-variable, port-rnage
            ports: ["70000:80"]   # stackc-disable-line
            expose: ["80"]   # stackc-disable-line port-range
        """) == [
            "stackc-disable-line names unknown rule 'port-rnage'; did you mean 'port-range'?",
            "stackc-disable-line for 'port-range' suppresses no finding; remove it",
        ])
    }

    @Test func disableLineAloneOnItsLineIsReportedNotApplied() {
        #expect(Self.findings("""
        services:
          web:
            image: nginx
            # stackc-disable-line port-range
            ports: ["70000:80"]
        """) == ["suppression-invalid@4:5", "port-range@5:13"])
    }

    @Test func disableNextLineWithSeveralRulesReportsTheUnusedOneAtItsOwnColumn() {
        #expect(Self.findings("""
        services:
          web:
            image: nginx:${TAG}
            # stackc-disable-next-line port-range, unset-variable
            ports: ["70000:80"]
        """) == ["unset-variable@3:18", "suppression-unused@4:44"])
    }

    @Test func disableWithoutRulesHidesEveryRuleOnTheLine() {
        #expect(Self.findings("""
        services:
          web:
            # stackc-disable-next-line
            image: "nginx:${TAG}"
        """) == [])
    }

    @Test func disableEnableRegionHidesOnlyTheLinesBetween() {
        #expect(Self.findings("""
        services:
          web:
            image: nginx
            # stackc-disable port-range
            ports: ["70000:80"]
            # stackc-enable port-range
            expose: ["99999"]
        """) == ["port-range@7:14"])
    }

    @Test func disableWithoutEnableRunsToTheEndOfTheFile() {
        #expect(Self.findings("""
        services:
          web:
            image: nginx
            # stackc-disable port-range
            ports: ["70000:80"]
            expose: ["99999"]
        """) == [])
    }

    @Test func bareEnableClosesEveryOpenRegion() {
        #expect(Self.findings("""
        services:
          web:
            # stackc-disable port-range
            # stackc-disable unset-variable
            image: nginx:${TAG}
            ports: ["70000:80"]
            # stackc-enable
            expose: ["99999"]
        """) == ["port-range@8:14"])
    }

    @Test func disableFileHidesEverythingAndIsReportedWhenUnused() {
        #expect(Self.findings("""
        # stackc-disable-file
        services:
          web: {image: "nginx:${TAG}", ports: ["70000:80"]}
        """) == [])
        #expect(Self.findings("""
        # stackc-disable-file port-range
        services:
          web: {image: nginx}
        """) == ["suppression-unused@1:23"])
    }

    @Test func hashesInsideQuotedAndBlockScalarsAreNotDirectives() {
        #expect(Self.findings("""
        services:
          web:
            image: nginx
            labels:
              note: "a # stackc-disable-file"
              quoted: ' # stackc-disable-next-line port-range'
            command: |
              echo
              # stackc-disable-file
            ports: ["70000:80"]
        """) == ["port-range@10:13"])
    }

    @Test func aDirectiveAfterAValueOnTheSameLineCounts() {
        #expect(Self.findings("""
        services:
          web:
            image: nginx   # stackc-disable-next-line port-range
            ports: ["70000:80"]
        """) == [])
    }

    @Test func unknownRuleIdsAreReportedWithASuggestionAndSuppressNothing() {
        #expect(Self.findings("""
        services:
          web:
            image: nginx
            # stackc-disable-next-line port-rnage
            ports: ["70000:80"]
        """) == ["suppression-unknown-rule@4:32", "port-range@5:13"])
        #expect(Self.messages("""
        services:
          web:
            # stackc-disable-next-line port-rnage
            image: nginx
        """) == ["stackc-disable-next-line names unknown rule 'port-rnage'; did you mean 'port-range'?"])
    }

    @Test func misspeltDirectivesAndStrayEnablesAreReported() {
        #expect(Self.messages("""
        # stackc-disabel-file
        # stackc-enable port-range
        services: {web: {image: nginx}}
        """) == [
            "'stackc-disabel-file' is not a stackc directive; did you mean 'stackc-disable-file'?",
            "stackc-enable has no matching stackc-disable above it",
        ])
    }

    @Test func xStackcAtTheTopLevelIgnoresRulesInTheWholeFile() {
        #expect(Self.findings("""
        x-stackc:
          ignore: [port-range, duplicate-key]
        services:
          web: {image: nginx, ports: ["70000:80"]}
          db: {image: mysql, expose: ["99999"]}
        """) == ["suppression-unused@2:24"])
    }

    @Test func xStackcInAServiceIgnoresOnlyThatService() {
        #expect(Self.findings("""
        services:
          web:
            image: nginx
            ports: ["70000:80"]
            x-stackc: {ignore: [port-range]}
          db: {image: mysql, expose: ["99999"]}
        """) == ["port-range@6:31"])
    }

    @Test func xStackcInAV1ServiceIgnoresThatService() {
        #expect(Self.findings("""
        web:
          image: nginx
          ports: ["70000:80"]
          x-stackc: {ignore: [port-range]}
        """) == [])
    }

    /// The key's text need not be in the file: a double-quoted key may spell it with an escape. (Files
    /// with neither the text nor a backslash are skipped without a lookup, see `ExtensionIgnores.scan`.)
    @Test func xStackcSpelledWithAnEscapeStillCounts() {
        #expect(Self.findings(#"""
        services:
          web:
            image: nginx
            ports: ["70000:80"]
            "x-st\x61ckc": {ignore: [port-range]}
        """#) == [])
    }

    @Test func malformedXStackcIsReported() {
        #expect(Self.findings("""
        x-stackc: {ignroe: [port-range], ignore: [{a: 1}, port-rnge]}
        services: {web: {image: nginx}}
        """) == ["suppression-invalid@1:12", "suppression-invalid@1:43", "suppression-unknown-rule@1:51"])
    }

    /// 10,000 findings, each under its own directive, and 10,000 regions left open: every finding hidden,
    /// every suppression used, in time that grows with the file, not with findings × suppressions.
    @Test func thousandsOfDirectivesStayFast() {
        let count = 10_000
        let services = (0..<count).map { "  s\($0):\n    image: x\n    # stackc-disable-next-line undefined-service\n    depends_on: [missing\($0)]\n" }
        let regions = (0..<count).map { _ in "# stackc-disable undefined-service\n" }
        let text = regions.joined() + "services:\n" + services.joined()
        let clock = ContinuousClock()
        var result: [String] = []
        let elapsed = clock.measure { result = Self.findings(text) }
        #expect(result == [])
        #expect(elapsed < .seconds(10), "\(elapsed)")
    }

    @Test func findingsAboutSuppressionsCannotBeSuppressedByCommentsButByConfiguration() {
        let text = """
        # stackc-disable-file suppression-unused
        # stackc-disable-next-line port-range
        services: {web: {image: nginx}}
        """
        #expect(Self.findings(text) == ["suppression-unused@1:23", "suppression-unused@2:28"])
        #expect(Self.findings(text, policy: FindingPolicy(settings: ["suppression-unused": .off])) == [])
    }
}
