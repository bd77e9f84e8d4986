/// The variables an included project adds for the part of a project's text its files were laid in.
///
/// Docker Compose interpolates an included file with the environment of the *included* project: the
/// including project's variables, and for names they leave unset the values of the include's
/// `env_file` entries (else of the `.env` in its `project_directory`) — compose-go's
/// `environment.Clone().Merge(envFromFile)`, where the including side wins. `variables` holds those
/// added values (a nested include's layered under its parent's), so a node written in `bytes` looks a
/// name up in the project's environment first, then here.
public struct IncludedEnvironment: Sendable {
    /// The byte range of the project's text (`ProjectText`) the included project's files occupy.
    public let bytes: Range<Int>
    public let variables: Environment

    public init(bytes: Range<Int>, variables: Environment) {
        self.bytes = bytes
        self.variables = variables
    }
}

extension [IncludedEnvironment] {
    /// The value an included project adds for `name` to a node written at byte `offset` of the text
    /// (to be looked up after the project's own environment, which wins).
    public func entry(_ name: Substring, at offset: Int) -> Environment.Entry? {
        guard !isEmpty else { return nil }
        return first { $0.bytes.contains(offset) }?.variables[name]
    }
}

extension InterpolationSettings {
    /// The value of `name` for a node written at byte `offset` of the text: the environment's, else
    /// that of the included project the node was written in.
    func entry(_ name: Substring, at offset: Int) -> Environment.Entry? {
        environment[name] ?? included.entry(name, at: offset)
    }
}
