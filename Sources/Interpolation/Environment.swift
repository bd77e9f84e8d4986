/// The variables a template is interpolated with, layered as Docker Compose layers them, remembering
/// where each value came from so messages can say "set in .env line 3" without printing the value.
///
/// Precedence, lowest first: the env files (`.env` beside the template, or the `--env-file`s that
/// replace it), the process environment, then `-e KEY=VALUE` from the command line.
public struct Environment: Sendable {
    public enum Source: Hashable, Sendable, CustomStringConvertible {
        case envFile(path: String, line: Int)
        case process
        case commandLine

        public var description: String {
            switch self {
            case .envFile(let path, let line): "\(path):\(line)"
            case .process: "the process environment"
            case .commandLine: "-e on the command line"
            }
        }
    }

    public struct Entry: Hashable, Sendable {
        public let value: String
        public let source: Source
    }

    private var entries: [String: Entry] = [:]

    public init() {}

    /// Sets a variable; later calls win, so callers add layers from lowest to highest precedence.
    public mutating func set(_ name: String, _ value: String, source: Source) {
        entries[name] = Entry(value: value, source: source)
    }

    public subscript(name: String) -> Entry? { entries[name] }

    public subscript(name: Substring) -> Entry? { entries[String(name)] }

    public var names: Dictionary<String, Entry>.Keys { entries.keys }
}
