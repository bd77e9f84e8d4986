import Diagnostics
import Interpolation
import Model
import Reporting
import Syntax

/// The output formats of `render`.
public enum RenderFormat: String, CaseIterable, Sendable {
    case yaml
    case json
}

/// `stackc render`: one template through reading, interpolation and lint's checks (kind, schema, rules,
/// the file's suppressions), printed as YAML (libyaml's emitter, styles kept) or typed JSON. Findings go
/// to the error stream in text form; any error, an env file's included, suppresses the output, so a
/// pipeline never consumes a template lint refuses or a half-substituted one. Secrets are hidden unless
/// asked for.
public struct RenderJob: TemplateJob {
    public var template: SingleTemplate
    public var format: RenderFormat
    /// `--show-secrets`: print secret-looking variables and secret data as they are (see `SecretMask`).
    public var showSecrets = false
    /// False for `--no-validate`: only reading and substitution are checked, for someone who wants the
    /// substituted text of a template lint refuses. Their errors still stop the output: there is no
    /// faithful text to print.
    public var validate = true
    /// `--normalize` and the listings: what `docker compose config` prints for a Compose file, in place
    /// of the template.
    public var composeView: ComposeConfigView?

    public init(template: SingleTemplate, format: RenderFormat) {
        self.template = template
        self.format = format
    }

    public func run(output: (String) -> Void, errors: (String) -> Void, colors: Bool) -> ExitStatus {
        var reporter = TextReporter(colors: colors)
        var template = template
        // Compose lists a file's variables before substituting any: one it would refuse unset is what
        // the listing is for.
        if composeView == .variables { template.options.interpolate = false }
        // Compose's model is the project as it runs: a file alone is a project of one file (its
        // `extends` and `include` resolved, env files folded in); the variables it lists are its included files' too.
        if composeView != nil, template.project == nil, template.path != "-" {
            template.project = SingleTemplate.ProjectSelection(files: [template.path] + template.overrides)
        }
        if composeView != nil, composeView != .variables {
            // Running services keep `profiles`.
            template.options.keepsProfiles = true
            // The profiles listing names every profile, whichever are enabled.
            if composeView == .profiles { template.options.profiles = ["*"] }
        }
        guard let front = template.process(errors: errors, reporter: &reporter) else {
            return .failure
        }
        let (processed, project) = (front.processed, front.project)
        let report = validate ? LintPipeline.check(processed, options: template.options).report
                              : FileReport(file: processed.file, diagnostics: processed.diagnostics)
        errors(project.text(of: report, reporter: &reporter))
        guard !front.environmentHasErrors, report.count(of: .error) == 0 else { return .findings }
        if let hidden = Self.unprintable(processed) {
            let located = hidden.range.map { project?.locate($0) ?? (file: processed.file, range: $0) }
            let place = located.map { "\($0.file.path):\($0.range.start)" } ?? processed.file.path
            errors("stackc: \(place): not rendered: a suppressed \(hidden.rule) error leaves no faithful text\n")
            return .findings
        }
        guard let tree = showSecrets ? processed.tree : SecretMask.hide(processed, options: template.options, envFileValues: front.envFileValues) else { return .findings }
        let typed = composeTypes(of: tree, processed)
        if let composeView {
            guard ComposeDocument.Layout.of(tree, kind: template.options.kind) == .services else {
                errors("stackc: \(processed.file.path): --\(composeView.rawValue) reads a Compose file with top-level services:\n")
                return .failure
            }
            output(composeView.text(of: processed, tree: tree, typed: typed, directory: front.directory, profiles: template.options.profiles))
            return .success
        }
        switch format {
        case .json:
            output(tree.json(typed: typed) + "\n")
        case .yaml:
            do {
                output(try YAMLEmitter.emit(typed.isEmpty ? tree : ComposeTypedValues.quotingStrings(in: tree, values: typed)))
            } catch {
                errors("stackc: \(error)\n")
                return .failure
            }
        }
        return .success
    }

    /// For a Compose file, the types Docker Compose gives its substituted values (`ComposeTypedValues`):
    /// the JSON holds them, and the YAML quotes a substituted string YAML would read as something else.
    /// The platforms' own kinds are written out as YAML again and their values typed anew, as both
    /// formats show them already.
    private func composeTypes(of tree: YAMLTree, _ processed: ProcessedTemplate) -> [NodeID: ScalarValue] {
        guard let layout = ComposeDocument.Layout.of(tree, kind: template.options.kind) else { return [:] }
        let originals = processed.interpolated?.originals ?? [:]
        return ComposeTypedValues.values(of: tree, layout: layout, isInterpolated: { originals[$0] != nil })
    }

    /// A reading or substitution error, which leaves no text true to the file (no tree, a `${X:?…}` kept
    /// as written), even when a suppression comment hides it from lint. An unset variable made an error
    /// by `--strict-env` is not one: it is substituted empty, as Compose does.
    private static func unprintable(_ processed: ProcessedTemplate) -> Diagnostic? {
        processed.diagnostics.first { $0.severity == .error && $0.rule != .unsetVariable }
    }
}
