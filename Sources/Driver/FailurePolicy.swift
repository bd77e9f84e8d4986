import Diagnostics

/// When findings fail a `lint` run (exit 1): `--fail-on` sets the lowest severity that fails
/// (`--strict` is `--fail-on warning`), `--max-warnings` fails a run with more warnings than allowed
/// whatever the threshold, as in ESLint and dclint.
public struct FailurePolicy: Sendable, Equatable {
    public enum Threshold: String, CaseIterable, Sendable {
        case error, warning, info, never
    }

    public var failOn: Threshold
    public var maxWarnings: Int?

    public init(failOn: Threshold = .error, maxWarnings: Int? = nil) {
        self.failOn = failOn
        self.maxWarnings = maxWarnings
    }

    public func fails(_ summary: Summary) -> Bool {
        if let maxWarnings, summary.warnings > maxWarnings { return true }
        switch failOn {
        case .error: return summary.errors > 0
        case .warning: return summary.errors + summary.warnings > 0
        case .info: return summary.findings > 0
        case .never: return false
        }
    }
}
