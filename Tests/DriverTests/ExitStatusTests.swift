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
                                   policy: FailurePolicy(failOn: strict ? .warning : .error), inputFailed: inputFailed) == expected)
    }

    @Test(arguments: [
        // errors, warnings, infos, threshold, max warnings → fails
        (0, 0, 1, FailurePolicy.Threshold.info, nil as Int?, true),
        (0, 0, 1, .warning, nil, false),
        (0, 1, 0, .warning, nil, true),
        (0, 1, 0, .error, nil, false),
        (3, 3, 3, .never, nil, false),
        (0, 3, 0, .never, 2, true),
        (0, 2, 0, .never, 2, false),
        (0, 3, 0, .error, 3, false),
        (0, 4, 0, .error, 3, true),
        (0, 0, 0, .warning, 0, false),
        (0, 1, 0, .error, 0, true),
        (1, 0, 0, .error, 0, true),
    ])
    func thresholds(errors: Int, warnings: Int, infos: Int, failOn: FailurePolicy.Threshold, maxWarnings: Int?, fails: Bool) {
        let policy = FailurePolicy(failOn: failOn, maxWarnings: maxWarnings)
        #expect(policy.fails(Self.summary(errors: errors, warnings: warnings, infos: infos)) == fails)
    }

    @Test func rawValuesAreTheContract() {
        #expect(ExitStatus.success.rawValue == 0)
        #expect(ExitStatus.findings.rawValue == 1)
        #expect(ExitStatus.failure.rawValue == 2)
    }
}
