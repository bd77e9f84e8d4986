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
