/// Which files make a project when no `-f` names them, as Docker Compose decides (compose-go
/// `cli/options.go`): `COMPOSE_FILE` if set, else the first default name found in the folder, walking
/// up to its parents until one has it, plus that folder's first override file.
public enum ProjectDiscovery {
    /// The names of a project's main file, in Compose's order of preference.
    public static let fileNames = ["compose.yaml", "compose.yml", "docker-compose.yml", "docker-compose.yaml"]
    /// The names of the override file read after it, in Compose's order of preference.
    public static let overrideNames = ["compose.override.yml", "compose.override.yaml", "docker-compose.override.yml", "docker-compose.override.yaml"]

    /// The files found, and a warning for each folder that had more than one candidate (Compose warns
    /// "Found multiple config files with supported names" and uses the first).
    public struct Found: Equatable, Sendable {
        public var files: [String]
        public var warnings: [String]
    }

    /// The project files for `directory` and its parents; nil when no folder up to the root has one.
    /// `exists` says whether a path names a file.
    public static func defaultFiles(from directory: String, exists: (String) -> Bool) -> Found? {
        var folder = ProjectPath.clean(directory.isEmpty ? "." : directory)
        while true {
            let candidates = fileNames.map { ProjectPath.join(folder, $0) }.filter(exists)
            if let main = candidates.first {
                let overrides = overrideNames.map { ProjectPath.join(folder, $0) }.filter(exists)
                let warnings = [candidates, overrides].filter { $0.count > 1 }.map { found in
                    "found multiple files with supported names: \(found.joined(separator: ", ")); using \(found[0])"
                }
                return Found(files: [main] + overrides.prefix(1), warnings: warnings)
            }
            // The walk ends at the root, or for a relative start (callers pass absolute ones) at its first element.
            let parent = ProjectPath.directory(of: folder)
            guard !parent.isEmpty, parent != folder else { return nil }
            folder = parent
        }
    }

    /// The files `COMPOSE_FILE` names: split on `COMPOSE_PATH_SEPARATOR` (":" when unset), each relative
    /// to the current folder.
    public static func composeFileVariable(_ value: String, separator: String?) -> [String] {
        let separator = separator.flatMap { $0.isEmpty ? nil : $0 } ?? ":"
        return value.split(separator: separator, omittingEmptySubsequences: false).map(String.init)
    }
}
