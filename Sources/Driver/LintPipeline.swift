import Diagnostics
import Model
import Syntax

/// Settings of a lint run that every file shares.
public struct LintOptions: Sendable {
    public var limits: ReaderLimits

    public init(limits: ReaderLimits = .default) {
        self.limits = limits
    }
}

/// One file through the stages: read, parse, check structure. Pure apart from reading the input, so it
/// can run on any thread.
public enum LintPipeline {
    /// The result for one input; `inputFailed` marks inputs that could not be read at all (exit 2).
    public struct Outcome: Sendable {
        public let report: FileReport
        public let inputFailed: Bool
    }

    public static func lint(_ input: Input, options: LintOptions) -> Outcome {
        switch FileLoader.load(input, maxBytes: options.limits.maxFileBytes) {
        case .failure(let failure):
            let diagnostic = Diagnostic(rule: .unreadableInput, severity: .error, message: failure.message, range: nil)
            return Outcome(report: FileReport(file: SourceFile(path: input.displayName, bytes: []), diagnostics: [diagnostic]), inputFailed: true)
        case .success(let file):
            return Outcome(report: lint(file, options: options), inputFailed: false)
        }
    }

    public static func lint(_ file: SourceFile, options: LintOptions) -> FileReport {
        let read = YAMLReader.read(file, limits: options.limits)
        var diagnostics = read.diagnostics
        if let tree = read.tree {
            diagnostics += StructureCheck.check(tree)
        }
        return FileReport(file: file, diagnostics: diagnostics)
    }
}
