import Diagnostics
import Glibc
import Model
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
            for (key, kind, node) in [("env_file", "env file", service.envFile), ("label_file", "label file", service.labelFile)] {
                for path in paths(in: node) where !exists(path.value, in: directory) {
                    diagnostics.append(Diagnostic(
                        rule: .missingFile, severity: .error,
                        message: "\(kind) '\(excerpt(path.value))' of service '\(service.name.value)' does not exist"
                            + (path.value.hasPrefix("/") ? "" : " (relative to the Compose file's folder)")
                            + (key == "env_file" ? "; create it, fix the path, or mark it optional with {path: …, required: false}" : "; create it or fix the path"),
                        range: path.range, path: path.path))
                }
            }
        }
        return diagnostics
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

    private static func exists(_ path: String, in directory: String) -> Bool {
        let resolved = path.hasPrefix("/") || directory.isEmpty ? path : directory + "/" + path
        return access(resolved, F_OK) == 0
    }
}
