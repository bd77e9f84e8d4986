import Diagnostics
import Driver
import Testing

/// Swift Testing has an `ExitStatus` of its own; in this test module the name means the CLI's.
typealias ExitStatus = Driver.ExitStatus

/// Exit codes of the CLI contract: 0 no error-level finding, 1 errors (or warnings with --strict),
/// 2 unreadable input — which wins over findings.
struct ExitStatusTests {
    static func summary(errors: Int = 0, warnings: Int = 0, infos: Int = 0) -> Summary {
        var summary = Summary()
        summary.files = 3
        summary.errors = errors
        summary.warnings = warnings
        summary.infos = infos
        return summary
    }

    @Test(arguments: [
        // errors, warnings, infos, strict, inputFailed → status
        (0, 0, 0, false, false, ExitStatus.success),
        (0, 0, 0, true, false, .success),
        (1, 0, 0, false, false, .findings),
        (5, 2, 1, false, false, .findings),
        (0, 3, 0, false, false, .success),
        (0, 3, 0, true, false, .findings),
        (0, 0, 4, false, false, .success),
        (0, 0, 4, true, false, .success),
        (0, 0, 0, false, true, .failure),
        (2, 1, 0, true, true, .failure),
        (0, 1, 0, true, true, .failure),
    ])
    func forLint(errors: Int, warnings: Int, infos: Int, strict: Bool, inputFailed: Bool, expected: ExitStatus) {
        #expect(ExitStatus.forLint(summary: Self.summary(errors: errors, warnings: warnings, infos: infos),
                                   strict: strict, inputFailed: inputFailed) == expected)
    }

    @Test func rawValuesAreTheContract() {
        #expect(ExitStatus.success.rawValue == 0)
        #expect(ExitStatus.findings.rawValue == 1)
        #expect(ExitStatus.failure.rawValue == 2)
    }
}
