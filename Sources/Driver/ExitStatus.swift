import Diagnostics

/// The process exit codes of the CLI contract (DESIGN.md), computed in one place.
public enum ExitStatus: Int32, Sendable, Error {
    /// No error-level finding.
    case success = 0
    /// Error-level findings (or warnings under `--strict`).
    case findings = 1
    /// Usage error, unreadable input, or an internal fault.
    case failure = 2

    public static func forLint(summary: Summary, strict: Bool, inputFailed: Bool) -> ExitStatus {
        if inputFailed { return .failure }
        if summary.errors > 0 || (strict && summary.warnings > 0) { return .findings }
        return .success
    }
}
