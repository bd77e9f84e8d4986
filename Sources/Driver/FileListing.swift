import Model
import Syntax

/// `lint --list-files`: which files a run would check and what kind each one is, without checking them,
/// to debug `--exclude` patterns and kind detection. One line per file: `path<TAB>kind`, where kind is a
/// kind name, `unknown`, `ambiguous (configmap|secret)`, `kubernetes (Deployment)`, `invalid-yaml` or
/// `unreadable`.
public enum FileListing {
    public static func line(for input: Input, options: FrontEndOptions) -> String {
        options.displayName(of: input) + "\t" + kind(of: input, options: options) + "\n"
    }

    private static func kind(of input: Input, options: FrontEndOptions) -> String {
        if let explicit = options.kind { return explicit.rawValue }
        guard case .success(let file) = FileLoader.load(input, maxBytes: options.limits.maxFileBytes) else { return "unreadable" }
        guard let tree = YAMLReader.read(file, limits: options.limits).tree else { return "invalid-yaml" }
        switch DocumentKind.detect(tree) {
        case .kind(let kind, _): return kind.rawValue
        case .ambiguous(let kinds): return "ambiguous (\(kinds.map(\.rawValue).joined(separator: "|")))"
        case .kubernetes(let kind): return "kubernetes (\(kind))"
        case .unknown: return "unknown"
        }
    }
}

extension LintJob {
    /// `--list-files`: the inputs after `--exclude`, each with its kind; exit 2 when a path is missing.
    public func listFiles(output: (String) -> Void, errors: (String) -> Void) -> ExitStatus {
        let discovery = inputs()
        for problem in discovery.problems { errors("stackc: \(problem.path): \(problem.message)\n") }
        for input in discovery.inputs { output(FileListing.line(for: input, options: options)) }
        return discovery.problems.isEmpty ? .success : .failure
    }
}
