import Interpolation
import Model
import Project
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
    func text(of processed: ProcessedTemplate, tree: YAMLTree, typed: [NodeID: ScalarValue], directory: String) -> String {
        switch self {
        case .profiles:
            return lines(ComposeListings.profiles(of: tree))
        case .variables:
            return ComposeVariables.table(ComposeVariables.extract(from: processed.written ?? tree))
        case .normalize, .services, .images, .volumes:
            break
        }
        let variables = Dictionary(processed.environment.names.compactMap { name in processed.environment[name].map { (name, $0.value) } }) { first, _ in first }
        let name = Self.projectName(processed, tree: tree, directory: directory)
        let profiles = (variables["COMPOSE_PROFILES"] ?? "").split(separator: ",").map { String($0) }
        let normalizer = ComposeNormalizer(projectName: name, directory: AbsolutePath.make(directory.isEmpty ? "." : directory),
                                           variables: variables, activeProfiles: Set(profiles))
        let model = normalizer.model(of: tree, typed: typed)
        switch self {
        case .normalize: return normalizer.json(of: model)
        case .services: return lines(ComposeListings.services(model))
        case .images: return lines(ComposeListings.images(model, projectName: name))
        case .volumes: return lines(ComposeListings.volumes(model))
        case .profiles, .variables: return ""
        }
    }

    /// The name Compose prints, normalised: the one substitution used, unless that is the folder's only
    /// because `name:` holds a variable, which Compose reads substituted (`name: ${NAME}`).
    private static func projectName(_ processed: ProcessedTemplate, tree: YAMLTree, directory: String) -> String {
        let folderName = ProjectName.defaultName(forDirectory: directory)
        let used = processed.environment["COMPOSE_PROJECT_NAME"]?.value ?? folderName
        if used == folderName, let written = processed.written, let name = Self.name(in: written), name.contains("$"),
           let substituted = Self.name(in: tree), !substituted.isEmpty {
            return ProjectName.normalize(substituted)
        }
        return ProjectName.normalize(used)
    }

    private static func name(in tree: YAMLTree) -> String? {
        guard tree[tree.root].isMapping, let name = tree.value(forKey: "name", in: tree.root), tree[name].isScalar else { return nil }
        return tree[name].text
    }

    private func lines(_ entries: [String]) -> String {
        entries.map { $0 + "\n" }.joined()
    }
}
