import Diagnostics
import Syntax

/// The service of the Compose v1 layout (services at the top level), the template format of the aliyun
/// projects API and of the v2 `composes` API.
///
/// Which keys: the platforms say they take "most labels of Docker Compose V1 and V2" (ALIYUN.md §3.1),
/// so a service here knows the keys of Compose file formats 1 and 2.0–2.4 and the platform dialect —
/// not the keys that came later (`deploy`, `secrets`, `configs`, `develop`, `post_start`, …): those
/// need swarm mode or a newer engine, and the platforms would drop them without a word, so a careful
/// user wants to hear about them. Keys the platforms list as unsupported (`build`, `env_file`, `tty`,
/// `networks`, …, and `detach`) are still known here, so that the platform rule's warning, which says
/// what the platform does instead, is the one finding about them.
///
/// Types: where a key is also in the Compose Specification its type is the specification's (which
/// only widens the old formats', e.g. booleans also as strings), so one file reads the same in both
/// layouts.
extension ComposeSchema {
    public static let v1Service = ObjectSchema("service", fields: v1ServiceFields)

    /// Keys of Compose file format 1 and 2.x that the Compose Specification still has.
    static let v1SharedKeys = [
        // format 1
        "build", "cap_add", "cap_drop", "cgroup_parent", "command", "container_name", "cpu_shares", "cpu_quota",
        "cpuset", "devices", "dns", "dns_search", "domainname", "entrypoint", "env_file", "environment", "expose",
        "extends", "extra_hosts", "external_links", "hostname", "image", "ipc", "labels", "links", "mac_address",
        "mem_limit", "memswap_limit", "mem_swappiness", "pid", "ports", "privileged", "read_only", "restart",
        "security_opt", "shm_size", "stdin_open", "stop_signal", "tty", "ulimits", "user", "volumes", "volumes_from",
        "working_dir",
        // formats 2.0–2.4
        "blkio_config", "cpu_count", "cpu_percent", "cpu_period", "cpu_rt_period", "cpu_rt_runtime", "cpus",
        "depends_on", "device_cgroup_rules", "dns_opt", "group_add", "healthcheck", "init", "isolation", "logging",
        "mem_reservation", "network_mode", "networks", "oom_kill_disable", "oom_score_adj", "pids_limit", "platform",
        "runtime", "scale", "stop_grace_period", "storage_opt", "sysctls", "tmpfs", "userns_mode",
    ]

    /// Keys of the old formats that the Compose Specification dropped.
    static let v1LegacyFields: [(String, FieldType)] = [
        // `net: host`, `net: container:web`: format 1's `network_mode`.
        ("net", .string),
        ("log_driver", .string),
        ("log_opt", .map(.oneOf([.string, .number, .null]))),
        // Format 1 named the Dockerfile beside `build: ./dir`.
        ("dockerfile", .string),
        ("volume_driver", .string),
    ]

    /// The platform dialect: PLATFORM_API.md §5 (the v2 `composes` example) and ALIYUN.md §3.1.
    static let v1DialectFields: [(String, FieldType)] = [
        // Container count on the v2 `composes` API (`replicas: 2`); a string allows `${REPLICAS}`.
        ("replicas", .integerOrString),
        ("external", .object(externalLink)),
        // `--dns-opt` under the name the aliyun documentation uses.
        ("dns_options", .stringList),
        // `docker run --oom-kill-disable`, spelt as the flag; the documentation lists both spellings.
        ("oom-kill-disable", .booleanOrString),
        // Sizes like `mem_limit`: bytes, or a string with a unit (`64m`).
        ("kernel_memory", .numberOrString),
        ("memswap_reservation", .numberOrString),
        // Not a Compose key: the aliyun documentation lists it among the keys it does not support
        // (containers always run detached), and the platform rule says so.
        ("detach", .booleanOrString),
    ]

    static let v1ServiceFields: [(String, FieldType)] = {
        let shared = v1SharedKeys.map { key -> (String, FieldType) in
            guard let type = specificationService.type(of: key) else { preconditionFailure("v1 key \(key) is not a service key") }
            return (key, type)
        }
        return shared + v1LegacyFields + v1DialectFields
    }()
}

extension ComposeSchema {
    /// Checks a v1-layout file: `version` must be a string, `x-` keys are free, and every other
    /// top-level key is a service (`ComposeDocument`'s reading of the layout). The DSL has no word for
    /// "these keys typed, all others services", hence a function rather than a `FieldType`.
    public static func validateV1(_ tree: YAMLTree, isInterpolated: @escaping (NodeID) -> Bool = { _ in false }) -> [Diagnostic] {
        var validator = SchemaValidator(tree: tree, isInterpolated: isInterpolated)
        guard tree[tree.root].isMapping else {
            validator.check(tree.root, as: .map(.object(v1Service)), path: .root)
            return validator.diagnostics
        }
        for pair in tree.pairs(of: tree.root) {
            let key = tree[pair.key].text
            let path = NodePath.root.appending(key: key)
            if key == "version" {
                validator.check(pair.value, as: .string, path: path)
            } else if ComposeDocument.isV1ServiceKey(key) {
                validator.check(pair.value, as: .object(v1Service), path: path)
            }
        }
        return validator.diagnostics
    }
}
