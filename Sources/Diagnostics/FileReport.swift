/// Everything found in one input, in reporting order. Reporters consume these one file at a time, so
/// output can stream in input order.
public struct FileReport: Sendable {
    public let file: SourceFile
    public private(set) var diagnostics: [Diagnostic]

    public init(file: SourceFile, diagnostics: [Diagnostic]) {
        self.file = file
        self.diagnostics = diagnostics.sorted(by: Diagnostic.orderedBefore)
    }

    public var worstSeverity: Severity? { diagnostics.map(\.severity).max() }

    /// At most `limit` findings, the most severe first, then one note saying how many more there are.
    /// A file with 20,000 problems should not flood a terminal or a CI log; the exit status does not
    /// change, because errors are kept before warnings.
    public func capped(at limit: Int) -> FileReport {
        guard diagnostics.count > limit else { return self }
        let kept = diagnostics.enumerated()
            .sorted { ($0.element.severity, $1.offset) > ($1.element.severity, $0.offset) }
            .prefix(limit).map(\.element)
        let note = Diagnostic(rule: .limitExceeded, severity: .info,
                              message: "\(diagnostics.count - limit) more findings in this file are not shown (raise the limit with --max-findings)",
                              range: nil)
        return FileReport(file: file, diagnostics: kept + [note])
    }

    /// Whether any finding is an error: what stops a request from being built.
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    public func count(of severity: Severity) -> Int {
        diagnostics.reduce(0) { $0 + ($1.severity == severity ? 1 : 0) }
    }
}

/// Totals over a whole run, computed once and handed to every reporter.
public struct Summary: Sendable, Equatable {
    public var files = 0
    public var errors = 0
    public var warnings = 0
    public var infos = 0

    public init() {}

    public mutating func add(_ report: FileReport) {
        files += 1
        for diagnostic in report.diagnostics {
            switch diagnostic.severity {
            case .error: errors += 1
            case .warning: warnings += 1
            case .info: infos += 1
            }
        }
    }

    public var findings: Int { errors + warnings + infos }
}
