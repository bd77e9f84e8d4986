import Diagnostics
import Interpolation
import Model
import Project
import Syntax

/// The front end for a Compose project (`-f base.yaml -f override.yaml`, or the files `ProjectInputs`
/// found): the project loaded (`ProjectLoader`: each file read alone, so a syntax error is reported once,
/// at its file; `extends` and `include` resolved; the files merged as Docker Compose merges them), then
/// profiles, `env_file` and `label_file` applied (`ProjectResolution`), then the merged tree interpolated
/// once, with the environment of the project's folder, each included file's nodes also with the
/// variables of its include (`IncludeEnvironments`, found by the node's place in the text). Everything
/// after runs on the merged tree as on one file, over the files laid end to end (`ProjectText`), whose
/// `split` gives each finding back to its file.
///
/// Compose interpolates each file before merging; interpolating after gives the same values, except
/// that entries made unique by their text (`ports`, `volumes`…) are compared as written.
public enum ProjectFrontEnd {
    /// A project after the front end: its text, the merged and interpolated template, and the findings
    /// in the env and label files its services name (each file's own report).
    public struct Loaded: Sendable {
        public let text: ProjectText
        public let processed: ProcessedTemplate
        public let envFileReports: [FileReport]
        /// The variables read from env and label files: their values are never printed outside the template they go into.
        public let envFileValues: [(name: String, value: String)]
    }

    /// `directory` is the project's folder: relative paths, `.env` and the default project name come from it.
    public static func process(_ files: [SourceFile], directory: String, environment: Environment, options: FrontEndOptions) -> Loaded {
        let project = ProjectLoader.load(files, directory: directory, limits: options.limits)
        let text = project.text
        guard let tree = project.tree else {
            let processed = FrontEnd.interpolate(text.file, tree: nil, readDiagnostics: project.diagnostics, environment: environment,
                                                 directory: directory, options: options)
            return Loaded(text: text, processed: processed, envFileReports: [], envFileValues: [])
        }
        let included = options.interpolate ? IncludeEnvironments.read(project, environment: environment, maxBytes: options.limits.maxFileBytes)
            : IncludeEnvironments.Read(regions: [], reports: [], values: [])
        let ownErrors = project.fileTrees.count == 1 ? [] : project.fileTrees.flatMap {
            fileErrors($0, environment: environment, included: included.regions, directory: directory, options: options)
        }
        let resolved = resolve(tree, environment: environment, included: included.regions, directory: directory, options: options)
        var processed = FrontEnd.interpolate(text.file, tree: resolved.tree, readDiagnostics: project.diagnostics + ownErrors + resolved.diagnostics,
                                             environment: environment, directory: directory, options: options, included: included.regions)
        processed.setAside = resolved.setAside
        return Loaded(text: text, processed: processed, envFileReports: included.reports + resolved.fileReports,
                      envFileValues: included.values + resolved.values)
    }

    /// Profiles, `env_file` and `label_file` applied to the loaded tree (`ProjectResolution`). A missing
    /// file is reported here only for a template sent alone: for lint the keys stay, and
    /// `ReferencedFiles` reports it with every other check of the template.
    private static func resolve(_ tree: YAMLTree, environment: Environment, included: [IncludedEnvironment], directory: String, options: FrontEndOptions)
        -> (tree: YAMLTree, diagnostics: [Diagnostic], fileReports: [FileReport], values: [(name: String, value: String)], setAside: [String: [String]]) {
        let profiles = ProfileSelection(flags: options.profiles, variable: environment["COMPOSE_PROFILES"]?.value)
        var settings = ProjectResolution.Settings(profiles: profiles, selfContained: options.selfContained, directory: directory,
                                                  environment: environment, escapesDollars: options.interpolate && tree.mayHold("$")) { path in
            guard case .success(let file) = FileLoader.load(.file(path), maxBytes: options.limits.maxFileBytes) else { return nil }
            return file
        }
        settings.keepsProfiles = options.keepsProfiles
        settings.included = included
        let resolved = ProjectResolution.apply(tree, settings: settings)
        let missing = options.selfContained ? resolved.missingFiles.map(ReferencedFiles.diagnostic) : []
        return (resolved.tree, resolved.diagnostics + missing, resolved.fileReports, resolved.values, resolved.setAside)
    }

    /// The errors Compose finds in one file of a project before merging: it validates each file on its
    /// own, so a bad value refuses the project even where a later file overrides it. The same finding
    /// on the merged project is the same diagnostic (same text position), which `ProjectText.split` keeps once.
    private static func fileErrors(_ tree: YAMLTree, environment: Environment, included: [IncludedEnvironment], directory: String,
                                   options: FrontEndOptions) -> [Diagnostic] {
        let processed = FrontEnd.interpolate(tree.file, tree: tree, readDiagnostics: [], environment: environment, directory: directory,
                                             options: options, included: included)
        guard let interpolated = processed.tree else { return [] }
        let originals = processed.interpolated?.originals ?? [:]
        return DocumentDecoder.decode(interpolated, kind: options.kind ?? .compose, isInterpolated: { originals[$0] != nil })
            .diagnostics.filter { $0.severity == .error }
    }
}
