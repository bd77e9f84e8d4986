/// A Compose project a `.stackc.yaml` names under `projects:`, for files whose names do not say how they
/// belong together (`compose.prod.yaml` onto `compose.yaml`): `lint` of files or folders checks its files
/// merged, in order, as `lint -f … -f …` does, instead of each alone.
public struct DeclaredProject: Sendable, Equatable {
    /// Absolute paths, in `-f` order.
    public var files: [String]
    /// The profiles to enable, as `--profile` (which the command line's own replace).
    public var profiles: [String]
    /// The env files that replace the first file's `.env` (absolute), as `--env-file`.
    public var envFiles: [String]
}

extension Configuration {
    /// The declared project holding the file at `absolutePath`.
    func project(holding absolutePath: String) -> DeclaredProject? {
        projects.first { $0.files.contains(absolutePath) }
    }
}
