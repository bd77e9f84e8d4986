import Diagnostics

/// The process exit codes of the CLI contract (DESIGN.md), computed in one place.
public enum ExitStatus: Int32, Sendable, Error {
    /// No finding at or above the failure threshold.
    case success = 0
    /// Findings at or above the threshold (errors by default; see `FailurePolicy`).
    case findings = 1
    /// Usage error, unreadable input, or an internal fault.
    case failure = 2

    public static func forLint(summary: Summary, policy: FailurePolicy, inputFailed: Bool) -> ExitStatus {
        if inputFailed { return .failure }
        return policy.fails(summary) ? .findings : .success
    }
}
