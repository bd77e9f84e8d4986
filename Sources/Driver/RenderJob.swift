import Diagnostics
import Interpolation
import Reporting
import Syntax

/// The output formats of `render`.
public enum RenderFormat: String, CaseIterable, Sendable {
    case yaml
    case json
}

/// `stackc render`: one template through reading and interpolation, printed as YAML (libyaml's emitter,
/// styles kept) or typed JSON. Findings go to the error stream in text form; any error suppresses the
/// output, so a pipeline never consumes a half-substituted template. Secrets are hidden unless asked for.
public struct RenderJob: TemplateJob {
    public var template: SingleTemplate
    public var format: RenderFormat
    /// `--show-secrets`: print secret-looking variables and secret data as they are (see `SecretMask`).
    public var showSecrets = false

    public init(template: SingleTemplate, format: RenderFormat) {
        self.template = template
        self.format = format
    }

    public func run(output: (String) -> Void, errors: (String) -> Void, colors: Bool) -> ExitStatus {
        var reporter = TextReporter(colors: colors)
        guard let processed = template.process(errors: errors, reporter: &reporter) else {
            return .failure
        }
        let report = FileReport(file: processed.file, diagnostics: processed.diagnostics)
        errors(reporter.report(report))
        guard report.count(of: .error) == 0, let tree = showSecrets ? processed.tree : SecretMask.hide(processed, options: template.options) else {
            return .findings
        }
        switch format {
        case .json:
            output(tree.json() + "\n")
        case .yaml:
            do {
                output(try YAMLEmitter.emit(tree))
            } catch {
                errors("stackc: \(error)\n")
                return .failure
            }
        }
        return .success
    }
}
