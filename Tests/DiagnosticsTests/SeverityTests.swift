import Diagnostics
import Testing

struct SeverityTests {
    @Test func orderedInfoWarningError() {
        #expect(Severity.info < .warning)
        #expect(Severity.warning < .error)
        #expect(Severity.info < .error)
        #expect(!(Severity.error < .error))
        #expect([Severity.warning, .error, .info].sorted() == [.info, .warning, .error])
        #expect([Severity.warning, .info, .error, .warning].max() == .error)
        #expect([Severity.info, .warning].max() == .warning)
    }

    @Test(arguments: [(Severity.info, "info"), (.warning, "warning"), (.error, "error")])
    func namesRoundTrip(severity: Severity, name: String) {
        #expect(severity.description == name)
        #expect(Severity(name: name) == severity)
    }

    @Test(arguments: ["", "Error", "ERROR", "err", "fatal", "note", " error"])
    func unknownNames(name: String) {
        #expect(Severity(name: name) == nil)
    }
}

struct RuleIDTests {
    @Test func comparesByName() {
        #expect(RuleID("a-b") < RuleID("a-c"))
        #expect(RuleID("duplicate-key") == .duplicateKey)
        #expect(RuleID.yamlSyntax.description == "yaml-syntax")
        #expect(("port-range" as RuleID).name == "port-range")
    }
}
