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
public struct GraphJob: TemplateJob {
    public var template: SingleTemplate
    public var format: GraphFormat

    public init(template: SingleTemplate, format: GraphFormat) {
        self.template = template
        self.format = format
    }

    public func run(output: (String) -> Void, errors: (String) -> Void, colors: Bool) -> ExitStatus {
        var reporter = TextReporter(colors: colors)
        guard let front = template.process(errors: errors, reporter: &reporter) else {
            return .failure
        }
        let (processed, project) = (front.processed, front.project)
        guard let tree = processed.tree else {
            errors(project.text(of: FileReport(file: processed.file, diagnostics: processed.diagnostics), reporter: &reporter))
            return .findings
        }
        let decoded = DocumentDecoder.decode(tree, kind: template.options.kind)
        let diagnostics = processed.diagnostics + decoded.diagnostics
        errors(project.text(of: FileReport(file: processed.file, diagnostics: diagnostics), reporter: &reporter))
        guard let document = decoded.document else { return .findings }
        guard let graph = GraphBuilder.graph(of: document) else {
            errors("stackc: \(processed.file.path): graph draws Compose files and pod templates, not \(document.kind.rawValue) documents\n")
            return .findings
        }
        output(format == .mermaid ? MermaidWriter.write(graph) : DOTWriter.write(graph))
        return .success
    }
}
