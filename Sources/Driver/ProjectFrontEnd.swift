import Diagnostics
import Interpolation
import Model
import Project
import Syntax

/// The front end for a Compose project given as several files (`-f base.yaml -f override.yaml`): each file
/// read alone, so a syntax error is reported once, at its file; then the trees merged as Docker Compose
/// merges them (`ComposeMerge`) and the merged tree interpolated once, with the environment of the
/// project's folder (the first file's). Everything after runs on the merged tree as on one file, over
/// the files laid end to end (`ProjectText`), whose `split` gives each finding back to its file.
///
/// Compose interpolates each file before merging; interpolating after gives the same values, except
/// that entries made unique by their text (`ports`, `volumes`…) are compared as written.
public enum ProjectFrontEnd {
    public static func process(_ files: [SourceFile], environment: Environment, options: FrontEndOptions) -> (text: ProjectText, processed: ProcessedTemplate) {
        let text = ProjectText(files: files)
        var trees: [YAMLTree] = []
        var found: [Diagnostic] = []
        for (index, file) in files.enumerated() {
            let read = YAMLReader.read(file, limits: options.limits)
            let offset = text.offset(of: index)
            found += (read.diagnostics + (read.tree.map(rootProblem) ?? [])).map { text.place($0, from: index) }
            if let tree = read.tree { trees.append(tree.relocated(lines: offset.lines, bytes: offset.bytes, file: text.file)) }
        }
        let directory = FrontEnd.directory(of: .file(files[0].path))
        guard trees.count == files.count, !found.contains(where: { $0.severity == .error }) else {
            return (text, FrontEnd.interpolate(text.file, tree: nil, readDiagnostics: found, environment: environment, directory: directory, options: options))
        }
        let ownErrors = trees.flatMap { fileErrors($0, environment: environment, directory: directory, options: options) }
        let merged = ComposeMerge.merge(trees, file: text.file)
        return (text, FrontEnd.interpolate(text.file, tree: merged.tree, readDiagnostics: found + ownErrors + merged.diagnostics,
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

    /// A file of a project must be a mapping (Compose: "Top-level object must be a mapping").
    private static func rootProblem(_ tree: YAMLTree) -> [Diagnostic] {
        let root = tree[tree.root]
        guard !root.isMapping, root.resolved != .null else { return [] }
        return [Diagnostic(rule: .invalidStructure, severity: .error,
                           message: "a Compose file of a project must be a mapping of top-level keys (services, networks…), not \(root.kindDescription)",
                           range: root.range, path: .root)]
    }
}
