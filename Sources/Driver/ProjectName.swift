import Interpolation
import Rules
import Synchronization
import Syntax

/// `COMPOSE_PROJECT_NAME` as Docker Compose decides it: `-p`, else the variable itself, else the
/// template's top-level `name:` substituted and normalised (Compose reads `name: Shop` as `shop`), else
/// the folder name normalised (`ComposeProjectName.normalized`). `-p` and the variable are taken as
/// given: `EnvironmentLoader` refuses what Compose refuses of them before any template is read.
enum ProjectName {
    /// The name, and whether the folder gave it: Compose refuses a project whose folder name leaves
    /// nothing once normalised (`日本`) when nothing else names it.
    struct Resolved {
        let name: String
        let isFolderName: Bool
    }

    static func resolve(explicit: String?, environment: Environment, tree: YAMLTree, directory: String) -> Resolved {
        if let explicit, !explicit.isEmpty { return Resolved(name: explicit, isFolderName: false) }
        if let value = environment["COMPOSE_PROJECT_NAME"]?.value, !value.isEmpty { return Resolved(name: value, isFolderName: false) }
        // Compose substitutes a `name:` before normalising it; `name: ""` as written names nothing.
        if tree[tree.root].isMapping, let name = tree.value(forKey: "name", in: tree.root), tree[name].isScalar, !tree[name].text.isEmpty {
            let substituted = interpolate(tree[name].text) { environment[$0].map { .value($0.value) } ?? .unset }.value
            return Resolved(name: ComposeProjectName.normalized(substituted), isFolderName: false)
        }
        return Resolved(name: defaultName(forDirectory: directory), isFolderName: true)
    }

    /// The folder's normalised name, worked out once per folder: every template of a folder of thousands
    /// asks for it.
    static func defaultName(forDirectory directory: String) -> String {
        if let known = folderNames.withLock({ $0[directory] }) { return known }
        let name = ComposeProjectName.normalized(folderName(directory))
        folderNames.withLock { $0[directory] = name }
        return name
    }

    private static let folderNames = Mutex<[String: String]>([:])

    static func folderName(_ directory: String) -> String {
        AbsolutePath.make(directory).split(separator: "/").last.map(String.init) ?? ""
    }
}
