import Interpolation
import Model
import Project
import Rules
import Syntax

/// What `render` prints in place of the template when it stands in for `docker compose config`:
/// the canonical model (`--normalize`, Compose's `--format json`) or one of its listings. Each is
/// printed only for a project lint accepts, so what it shows is what Compose would load.
public enum ComposeConfigView: String, CaseIterable, Sendable {
    case normalize
    case services
    case images
    case volumes
    case profiles
    case variables

    /// The text Compose prints for the project: the JSON without a final newline, as Compose writes
    /// it; a listing one line per entry.
    /// - Parameters:
    ///   - tree: the substituted tree as render prints it (secrets masked unless asked for).
    ///   - typed: the types Compose gives substituted values.
    ///   - directory: the project folder, as given (empty for the current one).
    ///   - profiles: `--profile`, which wins over `COMPOSE_PROFILES` (`ProfileSelection`).
    func text(of processed: ProcessedTemplate, tree: YAMLTree, typed: [NodeID: ScalarValue], directory: String, profiles: [String]) -> String {
        let normalizer = Self.normalizer(processed, tree: tree, directory: directory, profiles: profiles)
        switch self {
        case .normalize: return normalizer.json(of: normalizer.model(of: tree, typed: typed))
        case .services: return lines(ComposeListings.services(normalizer.model(of: tree, typed: typed)))
        case .images: return lines(ComposeListings.images(normalizer.model(of: tree, typed: typed), projectName: normalizer.projectName))
        case .volumes: return lines(ComposeListings.volumes(normalizer.model(of: tree, typed: typed)))
        case .profiles: return lines(ComposeListings.profiles(of: tree))
        case .variables: return ComposeVariables.table(ComposeVariables.extract(from: processed.written ?? tree))
        }
    }

    /// The normaliser for the project: its name, folder, variables and active profiles.
    private static func normalizer(_ processed: ProcessedTemplate, tree: YAMLTree, directory: String, profiles: [String]) -> ComposeNormalizer {
        let variables = Dictionary(processed.environment.names.compactMap { name in processed.environment[name].map { (name, $0.value) } }) { first, _ in first }
        let selection = ProfileSelection(flags: profiles, variable: variables["COMPOSE_PROFILES"])
        return ComposeNormalizer(projectName: projectName(processed, tree: tree, directory: directory),
                                 directory: AbsolutePath.make(directory.isEmpty ? "." : directory), variables: variables,
                                 activeProfiles: Set(selection.names.filter { !$0.isEmpty }))
    }

    /// The name Compose prints: the one substitution used (`ProjectName`), else the folder's.
    private static func projectName(_ processed: ProcessedTemplate, tree: YAMLTree, directory: String) -> String {
        ComposeProjectName.normalized(processed.environment["COMPOSE_PROJECT_NAME"]?.value ?? ProjectName.defaultName(forDirectory: directory))
    }

    private func lines(_ entries: [String]) -> String {
        entries.map { $0 + "\n" }.joined()
    }
}
