/// The Compose profiles a run enables, picked as Docker Compose picks them: the `--profile` flags, else
/// the comma-separated `COMPOSE_PROFILES` (from the process or the project's `.env`). With neither,
/// Compose splits the empty variable into one empty name, so a service whose `profiles` interpolate to
/// `""` runs by default; `*` enables every service.
public struct ProfileSelection: Sendable, Equatable {
    /// The enabled names; `[""]` when the run chose none.
    public let names: [String]
    /// Whether the run chose profiles (flags or a non-empty `COMPOSE_PROFILES`): only then do `lint`,
    /// `render` and `graph` set services aside, since without a choice stackc checks every service.
    public let isChosen: Bool

    public init(flags: [String], variable: String?) {
        let variable = variable ?? ""
        isChosen = !flags.isEmpty || !variable.isEmpty
        names = flags.isEmpty ? variable.split(separator: ",", omittingEmptySubsequences: false).map(String.init) : flags
    }

    /// Whether a service with these `profiles` runs (compose-go `ServiceConfig.HasProfile`).
    public func enables(_ profiles: [String]) -> Bool {
        profiles.isEmpty || names.contains("*") || profiles.contains(where: names.contains)
    }
}
