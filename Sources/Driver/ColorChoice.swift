/// `--color auto|always|never`. `auto` colours a terminal unless `NO_COLOR` is set to a non-empty value
/// (no-color.org); an explicit `always` wins over `NO_COLOR`, as that convention asks of command-line flags.
public enum ColorChoice: String, CaseIterable, Sendable {
    case auto, always, never

    public func enabled(isTerminal: Bool, noColor: String?) -> Bool {
        switch self {
        case .always: true
        case .never: false
        case .auto: isTerminal && (noColor ?? "").isEmpty
        }
    }
}
