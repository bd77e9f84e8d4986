/// How Compose merges one key of a later `-f` file onto an earlier one, where it does not simply merge
/// mappings and append sequences (compose-go `override/merge.go`), and how it keeps a sequence's entries
/// unique afterwards (`override/uncity.go`, where a later entry with the same key replaces the earlier).
enum MergeRule {
    /// The later value replaces the earlier one (`command`, `entrypoint`, `healthcheck.test`, each of `ulimits`).
    case replace
    /// Both sides read as `KEY=value` entries (a mapping's pairs become entries), appended, then one per key.
    case keyValues
    /// `env_file`, `label_file`: both sides read as lists of files, appended, then one entry per path.
    case files
    /// A list or a mapping of names; lists become mappings (`depends_on` with Compose's default condition).
    case namedMapping(defaults: [(key: String, value: String)])
    /// Entries appended unless already present (`extra_hosts`).
    case uniqueAppend
    /// `build: ./dir` is read as `build: {context: ./dir}` before merging.
    case build
    /// Options merged only when both name the same driver, or one names none.
    case logging
    /// Sequences appended, then one entry per key as `unicity` computes it.
    case unique(MergeIndex)
    /// Mappings merged, sequences appended.
    case standard

    /// The rule of the value at `path` (mapping keys from the document's root).
    static func at(_ path: [String]) -> MergeRule {
        guard path.count >= 3, path[0] == "services" else {
            if path.count == 3, path[0] == "networks" || path[0] == "volumes", path[2] == "labels" { return .keyValues }
            return .standard
        }
        let key = path.dropFirst(2).joined(separator: ".")
        switch key {
        case "command", "entrypoint", "healthcheck.test":
            return .replace
        case "annotations", "build.args", "build.additional_contexts", "build.labels", "deploy.labels", "dns", "dns_opt",
             "dns_search", "environment", "labels", "sysctls", "tmpfs":
            return .keyValues
        case "env_file", "label_file":
            return .files
        case "depends_on":
            return .namedMapping(defaults: [("condition", "service_started"), ("required", "true")])
        case "networks":
            return .namedMapping(defaults: [])
        case "extra_hosts", "build.extra_hosts":
            return .uniqueAppend
        case "build":
            return .build
        case "logging":
            return .logging
        case "ports": return .unique(.port)
        case "volumes", "devices": return .unique(.mountTarget)
        case "secrets": return .unique(.mount(defaultFolder: "/run/secrets"))
        case "configs": return .unique(.mount(defaultFolder: ""))
        case "expose": return .unique(.text)
        case "cap_add", "cap_drop", "links", "profiles", "build.tags", "build.platform":
            return .unique(.keyValue)
        default:
            // Each limit replaced whole (compose-go's `mergeUlimit` merges the later one with itself).
            if path.count == 4, path[2] == "ulimits" { return .replace }
            if path.count == 5, path[2] == "networks", path[4] == "aliases" || path[4] == "link_local_ips" { return .unique(.keyValue) }
            return .standard
        }
    }
}

/// The key that makes a sequence entry unique after a merge (compose-go's indexers).
enum MergeIndex {
    /// The whole text (`expose`).
    case text
    /// The text before the first `=` (`environment`, `labels`, `cap_add`…).
    case keyValue
    /// A port: its text, or for the long syntax `host_ip:published:target/protocol`.
    case port
    /// A volume or device: its target, the part after the first `:` of the short syntax.
    case mountTarget
    /// A secret or config: its `target`, else `defaultFolder/source`.
    case mount(defaultFolder: String)
    /// A file of `env_file`: its text, or a long entry's `path`.
    case path
}
