/// Where a command's text goes — the terminal in the executable, buffers in the tests — so the flows
/// run the same way in both and never print or exit on their own.
public struct CommandOutput: Sendable {
    public var standardOutput: @Sendable (String) -> Void
    public var standardError: @Sendable (String) -> Void
    /// Standard error is a terminal: `--wait` then keeps one live line instead of a line per change.
    public var errorIsTerminal: Bool
    /// Findings printed in colour.
    public var colors: Bool

    public init(standardOutput: @escaping @Sendable (String) -> Void, standardError: @escaping @Sendable (String) -> Void,
                errorIsTerminal: Bool = false, colors: Bool = false) {
        self.standardOutput = standardOutput
        self.standardError = standardError
        self.errorIsTerminal = errorIsTerminal
        self.colors = colors
    }
}

/// How a flow ended, for the command: an exit status, or a usage error the argument parser reports with
/// the command's usage (exit 2), because it is about the flags even when only the template reveals it.
public enum CommandResult: Equatable, Sendable {
    case exit(Int32)
    case usage(String)
}

/// A command that ends before its flow runs (an unreadable token file, the OpenAPI refusing): the result
/// to return, anything there was to print already printed.
public struct Ended: Error {
    public let result: CommandResult

    init(_ result: CommandResult) {
        self.result = result
    }
}

/// `--format` of `submit`, `trigger` and `sign`: text for people, one JSON object for programs.
public enum OutcomeFormat: String, CaseIterable, Sendable {
    case text
    case json
}

extension CommandOutput {
    /// Prints an outcome in `format`, redacted on its way out, and gives its exit status.
    public func report(_ outcome: SubmitOutcome, format: OutcomeFormat, redactor: Redactor) -> CommandResult {
        switch format {
        case .json: standardOutput(redactor.text(outcome.json))
        case .text: (outcome.failure == nil ? standardOutput : standardError)(redactor.text(outcome.summary))
        }
        return .exit(outcome.exitCode)
    }

    /// `stackc: <message>` on standard error, and `status`.
    public func fail(_ message: String, status: Int32) -> CommandResult {
        standardError("stackc: \(message)\n")
        return .exit(status)
    }
}
