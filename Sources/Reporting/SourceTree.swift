/// Where the paths in CI reports are relative to. GitHub annotations and SARIF results must name files
/// relative to the repository checkout; stackc may run in a subfolder of it (a job's
/// `working-directory:`), where the paths it was given are relative to that subfolder. `root` is the
/// checkout (GitHub's `$GITHUB_WORKSPACE`) or else the working folder.
public struct SourceTree: Sendable, Equatable {
    /// Absolute, or empty when unknown (then paths are shown as given, without `./`).
    public var workingDirectory: String
    /// Absolute; a folder containing the working folder.
    public var root: String

    public init(workingDirectory: String, root: String? = nil) {
        self.workingDirectory = workingDirectory
        self.root = root ?? workingDirectory
    }

    /// Whether paths can be resolved at all (the working folder is known).
    public var isKnown: Bool { workingDirectory.hasPrefix("/") }

    /// The file relative to `root` when it lies inside it, else its absolute path.
    public func path(of file: String) -> String {
        guard isKnown else { return ArtifactPath.relative(file, to: "") }
        let absolute = Self.normalized(file.hasPrefix("/") ? file : workingDirectory + "/" + file)
        return ArtifactPath.relative(absolute, to: Self.normalized(root))
    }

    /// Resolves `.` and `..` and repeated slashes of an absolute path (no symbolic links are followed).
    static func normalized(_ path: String) -> String {
        var components: [Substring] = []
        for component in path.split(separator: "/") {
            switch component {
            case ".": continue
            case "..": _ = components.popLast()
            default: components.append(component)
            }
        }
        return "/" + components.joined(separator: "/")
    }
}
