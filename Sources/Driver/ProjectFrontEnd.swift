import Diagnostics
import Interpolation
import Model
import Project
import Syntax

/// The front end for a Compose project (`-f base.yaml -f override.yaml`, or the files `ProjectInputs`
/// found): the project loaded (`ProjectLoader`: each file read alone, so a syntax error is reported once,
/// at its file; `extends` and `include` resolved; the files merged as Docker Compose merges them), then
/// the merged tree interpolated once, with the environment of the project's folder. Everything after
/// runs on the merged tree as on one file, over the files laid end to end (`ProjectText`), whose `split`
/// gives each finding back to its file.
///
/// Compose interpolates each file before merging; interpolating after gives the same values, except
/// that entries made unique by their text (`ports`, `volumes`…) are compared as written, and that an
/// included project's variables come from the including project's environment.
public enum ProjectFrontEnd {
    /// `directory` is the project's folder: relative paths, `.env` and the default project name come from it.
    public static func process(_ files: [SourceFile], directory: String, environment: Environment,
                               options: FrontEndOptions) -> (text: ProjectText, processed: ProcessedTemplate) {
        let project = ProjectLoader.load(files, directory: directory, limits: options.limits)
        let text = project.text
        guard let tree = project.tree else {
            return (text, FrontEnd.interpolate(text.file, tree: nil, readDiagnostics: project.diagnostics, environment: environment,
                                               directory: directory, options: options))
        }
        let ownErrors = project.fileTrees.flatMap { fileErrors($0, environment: environment, directory: directory, options: options) }
        return (text, FrontEnd.interpolate(text.file, tree: tree, readDiagnostics: project.diagnostics + ownErrors,
                                           environment: environment, directory: directory, options: options))
    }

    /// The errors Compose finds in one file of a project before merging: it validates each file on its
    /// own, so a bad value refuses the project even where a later file overrides it. The same finding
    /// on the merged project is the same diagnostic (same text position), which `ProjectText.split` keeps once.
    private static func fileErrors(_ tree: YAMLTree, environment: Environment, directory: String, options: FrontEndOptions) -> [Diagnostic] {
        let processed = FrontEnd.interpolate(tree.file, tree: tree, readDiagnostics: [], environment: environment, directory: directory,
                                             options: options)
        guard let interpolated = processed.tree else { return [] }
        let originals = processed.interpolated?.originals ?? [:]
        return DocumentDecoder.decode(interpolated, kind: options.kind ?? .compose, isInterpolated: { originals[$0] != nil })
            .diagnostics.filter { $0.severity == .error }
    }
}
