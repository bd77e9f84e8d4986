import Diagnostics
import Model
import Reporting

/// The output formats of `graph`.
public enum GraphFormat: String, CaseIterable, Sendable {
    /// Renders in GitHub Markdown and PR comments.
    case mermaid
    /// graphviz (`dot -Tsvg`).
    case dot
}

/// `stackc graph`: the dependency picture of one Compose file or pod template. The graph is drawn
/// from the template as written and interpolated; rules are not run (that is `lint`'s job), but
/// problems of reading it go to the error stream, and a file that is no Compose file or pod exits 1.
public struct GraphJob {
    public var path: String
    public var format: GraphFormat
    public var options: FrontEndOptions
    public var environment: EnvironmentOptions

    public init(path: String, format: GraphFormat, options: FrontEndOptions, environment: EnvironmentOptions) {
        self.path = path
        self.format = format
        self.options = options
        self.environment = environment
    }

    public func run(output: (String) -> Void, errors: (String) -> Void, colors: Bool) -> ExitStatus {
        var reporter = TextReporter(colors: colors)
        guard let processed = SingleTemplate.process(path: path, options: options, environment: environment, errors: errors, reporter: &reporter) else {
            return .failure
        }
        guard let tree = processed.tree else {
            errors(reporter.report(FileReport(file: processed.file, diagnostics: processed.diagnostics)))
            return .findings
        }
        let decoded = DocumentDecoder.decode(tree, kind: options.kind)
        let diagnostics = processed.diagnostics + decoded.diagnostics
        errors(reporter.report(FileReport(file: processed.file, diagnostics: diagnostics)))
        guard let document = decoded.document else { return .findings }
        guard let graph = GraphBuilder.graph(of: document) else {
            errors("stackc: \(processed.file.path): graph draws Compose files and pod templates, not \(document.kind.rawValue) documents\n")
            return .findings
        }
        output(format == .mermaid ? MermaidWriter.write(graph) : DOTWriter.write(graph))
        return .success
    }
}
