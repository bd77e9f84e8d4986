import Interpolation
import Synchronization
import Syntax

/// `COMPOSE_PROJECT_NAME` as Docker Compose decides it: `-p`, else the variable itself, else the
/// template's top-level `name:` normalised (Compose reads `name: Shop` as `shop`), else the folder name
/// normalised (lower-case, only `a-z 0-9 _ -`).
enum ProjectName {
    static func resolve(explicit: String?, environment: Environment, tree: YAMLTree, directory: String) -> String {
        if let explicit { return explicit }
        if let value = environment["COMPOSE_PROJECT_NAME"]?.value, !value.isEmpty { return value }
        if tree[tree.root].isMapping, let name = tree.value(forKey: "name", in: tree.root), tree[name].isScalar, !tree[name].text.isEmpty,
           !tree[name].text.contains("$") {
            return normalize(tree[name].text)
        }
        return defaultName(forDirectory: directory)
    }

    /// The folder's normalised name, worked out once per folder: every template of a folder of thousands
    /// asks for it.
    static func defaultName(forDirectory directory: String) -> String {
        if let known = folderNames.withLock({ $0[directory] }) { return known }
        let name = normalize(folderName(directory))
        folderNames.withLock { $0[directory] = name }
        return name
    }

    private static let folderNames = Mutex<[String: String]>([:])

    static func folderName(_ directory: String) -> String {
        AbsolutePath.make(directory).split(separator: "/").last.map(String.init) ?? ""
    }

    static func normalize(_ name: String) -> String {
        String(name.lowercased().unicodeScalars.filter { scalar in
            ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "_" || scalar == "-"
        }.map(Character.init))
    }
}
