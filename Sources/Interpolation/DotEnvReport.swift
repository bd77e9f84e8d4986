import Diagnostics

extension FileReport {
    /// The statements Compose refuses in an env file (`.env`, `--env-file`, a service's `env_file`), each
    /// an `env-file-syntax` error at its own line and column of that file.
    public init(envFile file: SourceFile, failures: [DotEnvFailure]) {
        var hint = PositionHint()
        self.init(file: file, diagnostics: failures.map { failure in
            let offset = file.byteOffset(line: failure.line - 1, column: failure.column - 1, hint: &hint)
            let location = SourceLocation(line: failure.line, column: failure.column, offset: offset)
            return Diagnostic(rule: .envFileSyntax, severity: .error, message: failure.message, range: SourceRange(at: location))
        })
    }
}
