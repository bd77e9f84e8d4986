import Diagnostics
import Syntax

/// A Compose project as Docker Compose loads it, before interpolation: its files (`-f` or found by
/// `ProjectDiscovery`), each file's `extends` and `include` resolved, then the files merged. Every
/// file read on the way (an extended or included one too) is a part of `text`, so a value of the merged
/// tree points at the file, line and column it was written at. Relative paths of services and resources
/// that came from another folder are rebased, so later stages resolve every relative path against
/// `directory` alone.
public struct ComposeProject: Sendable {
    /// Every file read, laid end to end: the project's own files first, then those `extends` and `include` named.
    public let text: ProjectText
    /// The merged tree; nil when a file could not be read as YAML (its findings are in `diagnostics`).
    public let tree: YAMLTree?
    /// Each of the project's own files with its `extends` and `include` resolved, placed in `text`:
    /// Compose validates each so, before merging.
    public let fileTrees: [YAMLTree]
    /// The folder relative paths are resolved against, and `.env` and the default project name come from.
    public let directory: String
    /// Findings of reading and assembling, placed in `text`.
    public let diagnostics: [Diagnostic]
    /// Every `include` entry loaded: whose variables its files are interpolated with.
    public let includeScopes: [IncludeScope]
    /// The bytes of `text` each included file occupies, with the index of its include in `includeScopes`.
    public let scopedParts: [(bytes: Range<Int>, scope: Int)]

    /// Where one `include` entry's variables come from (compose-go's `ApplyInclude`): the including
    /// project's environment, then, for names it leaves unset, the env files — the entry's `env_file`
    /// list, else the `.env` of its project directory when there is one.
    public struct IncludeScope: Sendable {
        /// The include this one was written in (a nested include), nil for one of the project's own files.
        public let parent: Int?
        /// Absolute or relative to the current folder, in order: a later file's value wins.
        public let envFiles: [String]
    }
}
