import Project

/// The files of a Compose project and its folder, chosen as `docker compose` chooses them: the `-f`
/// files, else `COMPOSE_FILE`, else the default names found in the start folder (`--project-directory`,
/// a folder named on the command line, or the current one) or the nearest parent that has them. The
/// project's folder is `--project-directory`, else the first file's.
public struct ProjectInputs: Sendable {
    public var files: [String]
    public var directory: String
    /// "Found multiple files" warnings of the discovery, as Compose prints them.
    public var warnings: [String] = []

    /// `folder` is the folder named instead of files (nil: the current one); `variables` the process
    /// environment and `-e` values, for `COMPOSE_FILE` and `COMPOSE_PATH_SEPARATOR`.
    public static func resolve(files: [String], folder: String?, projectDirectory: String?,
                               variables: [(name: String, value: String)]) -> Result<ProjectInputs, NotFound> {
        let variable = { (name: String) in variables.last { $0.name == name }?.value }
        var chosen = files
        var warnings: [String] = []
        if chosen.isEmpty, folder == nil, let composeFile = variable("COMPOSE_FILE") {
            chosen = ProjectDiscovery.composeFileVariable(composeFile, separator: variable("COMPOSE_PATH_SEPARATOR"))
        }
        if chosen.isEmpty {
            let start = folder ?? projectDirectory ?? "."
            let current = AbsolutePath.currentDirectory() ?? "/"
            guard let found = ProjectDiscovery.defaultFiles(from: AbsolutePath.make(start), exists: AbsolutePath.exists) else {
                let names = ProjectDiscovery.fileNames.joined(separator: ", ")
                return .failure(NotFound(message: "no Compose project in \(start) or its parent folders: none of \(names) was found"))
            }
            chosen = found.files.map { AbsolutePath.relative($0, to: current) }
            warnings = found.warnings
        }
        let directory = projectDirectory ?? FrontEnd.directory(of: .file(chosen[0]))
        return .success(ProjectInputs(files: chosen, directory: directory, warnings: warnings))
    }

    /// No folder from the start up to the root holds a project file.
    public struct NotFound: Error, Sendable {
        public let message: String
    }

    /// Whether `path` names a folder (`stackc render DIR`).
    public static func isFolder(_ path: String) -> Bool {
        ProjectPath.isFolder(path)
    }

}
