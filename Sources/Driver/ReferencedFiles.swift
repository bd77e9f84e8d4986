import Diagnostics
import Glibc
import Model
import Project
import Rules
import Syntax

/// The files a Compose file names that Docker Compose reads when it loads the file — a service's
/// `env_file` (unless `required: false`) and `label_file` — which must exist, relative to the file's
/// folder as Compose resolves them. Compose refuses the file otherwise ("env file app.env not found").
/// A service with `profiles:` is not loaded unless its profile is enabled, so its files are not asked
/// for; nor is a path still holding a `$` (left for a later substitution).
enum ReferencedFiles {
    static func check(_ document: Document, directory: String) -> [Diagnostic] {
        guard case .compose(let compose) = document else { return [] }
        var diagnostics: [Diagnostic] = []
        // One pass over a service's keys rules out most services, which name no file.
        for service in compose.services where service.node.containsAnyKey(fileKeys) && service.profiles == nil {
            for (key, node) in [("env_file", service.envFile), ("label_file", service.labelFile)] {
                for path in paths(in: node) {
                    let resolved = path.value.hasPrefix("/") || directory.isEmpty ? path.value : directory + "/" + path.value
                    guard access(resolved, F_OK) != 0 else { continue }
                    diagnostics.append(diagnostic(ProjectResolution.MissingFile(key: key, service: service.name.value, path: path.value,
                                                                               resolvedPath: resolved, range: path.range, nodePath: path.path)))
                }
            }
        }
        return diagnostics
    }

    /// A file a service names that is not there, named as written and as resolved (Compose resolves it
    /// against the project's folder, which is not always where the file naming it is).
    static func diagnostic(_ missing: ProjectResolution.MissingFile) -> Diagnostic {
        let kind = missing.key == "env_file" ? "env file" : "label file"
        let resolved = missing.resolvedPath == missing.path ? "" : " (\(missing.resolvedPath))"
        return Diagnostic(
            rule: .missingFile, severity: .error,
            message: "\(kind) '\(excerpt(missing.path))'\(resolved) of service '\(missing.service)' does not exist"
                + (missing.key == "env_file" ? "; create it, fix the path, or mark it optional with {path: …, required: false}" : "; create it or fix the path"),
            range: missing.range, path: missing.nodePath)
    }

    static let fileKeys = KeySet(["env_file", "label_file"])

    /// The paths an `env_file` or `label_file` names and requires: a string, or a list of strings and
    /// `{path, required}` entries.
    private static func paths(in node: NodeRef?) -> [Located<String>] {
        guard let node else { return [] }
        let entries = node.isSequence ? node.items : [node]
        return entries.compactMap { entry in
            if entry.isMapping {
                if case .bool(false) = entry["required"]?.resolved { return nil }
                return entry["path"]?.string
            }
            return entry.isScalar ? entry.string : nil
        }.filter { !$0.value.isEmpty && !$0.value.contains("$") }
    }
}
