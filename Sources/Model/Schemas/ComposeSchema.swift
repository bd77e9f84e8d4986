/// The Compose file schema as stackc checks it: the Compose Specification as Docker Compose v2.40.3
/// enforces it (its embedded `compose-spec.json`, plus what its loader refuses before or after that
/// schema pass), with the aliyun dialect on top. `scripts/oracle/compose_schema_cases.py` asks the
/// real binary about a few hundred small documents, and `ComposeSchemaOracleTests` holds these tables
/// to its answers; the few deliberate differences are listed there, each with its reason.
///
/// Value constraints the DSL has no words for (unique items, string patterns such as the one on
/// `container_name`, numeric bounds such as `cpu_percent` ≤ 100) are left to the value and bounds
/// rules, which can also explain them better than a schema message could.
public enum ComposeSchema {
    // MARK: Shapes shared by many keys (compose-spec's `definitions`)

    /// `command`, `entrypoint`: a shell string, an exec list, or null (reset to the image's default).
    static let command: FieldType = .oneOf([.null, .string, .list(.string)])
    /// `driver_opts`: strings or numbers (Compose writes them out as strings).
    static let driverOptions: FieldType = .map(.oneOf([.string, .number]))
    /// `extra_hosts`: `host:ip` strings, or a mapping from host to one address or a list of them.
    static let extraHosts: FieldType = .oneOf([.map(.oneOf([.string, .list(.string)])), .distinctStrings])
    /// `pull_policy`: compose-spec's pattern, unanchored as JSON Schema applies it (`missing_x` passes).
    static let pullPolicy: FieldType = .pattern("always|never|build|if_not_present|missing|refresh|daily|weekly|every_([0-9]+[wdhms])+",
                                                meaning: "a pull policy: always, never, build, missing, if_not_present, refresh, daily, weekly or every_<duration>")
    /// Ports and similar numbers written as a bare integer or a string (`"8080"`, `"8000-8010"`).
    static let integerOrString: FieldType = .integerOrString

    // MARK: The service

    /// The keys of a service in the Compose Specification, exactly (no dialect keys).
    public static let specificationService = ObjectSchema("service", fields: serviceFields)

    /// The service of the `services:` layout. Besides the Compose Specification it takes two aliyun
    /// dialect keys, `external` and `dns_options` (ALIYUN.md §3.1): the platforms' v2 templates are
    /// `version: '2'` files with `services:`, and rejecting the keys their own documentation shows would
    /// make stackc useless for them. Docker Compose itself refuses both (see the oracle test's
    /// divergences); the platform rules are where a Docker-only target can warn about them.
    public static let service = specificationService.adding(aliyunServiceExtras)

    /// The aliyun keys the `services:` layout also takes.
    static let aliyunServiceExtras: [(String, FieldType)] = [
        ("external", .object(externalLink)),
        ("dns_options", .list(.string)),
    ]

    /// `external: {host: $RDS_URL, ports: [3306]}` links a service to an address outside the cluster
    /// (ALIYUN.md §3.1). Without `host` it links to nothing, so `host` is required.
    static let externalLink = ObjectSchema("link to an external address", allowsExtensions: false, required: ["host"], fields: [
        ("host", .string),
        ("ports", .list(.oneOf([.integer, .string]))),
    ])

    static let serviceFields: [(String, FieldType)] = [
        ("develop", .oneOf([.object(develop), .null])),
        ("deploy", .oneOf([.object(deploy), .null])),
        ("annotations", .listOrDict),
        ("attach", .booleanOrString),
        ("build", .oneOf([.string, .object(build)])),
        ("blkio_config", .object(blkioConfig)),
        ("cap_add", .stringList),
        ("cap_drop", .stringList),
        ("cgroup", .enumeration(["host", "private"])),
        ("cgroup_parent", .string),
        ("command", command),
        ("configs", fileReferences),
        ("container_name", .string),
        ("cpu_count", .converted(.bounded(.integer, minimum: 0, maximum: nil), .integer)),
        ("cpu_percent", .converted(.bounded(.integer, minimum: 0, maximum: 100), .float)),
        ("cpu_shares", .numberConvertedToInteger),
        ("cpu_quota", .numberConvertedToInteger),
        ("cpu_period", .numberConvertedToInteger),
        ("cpu_rt_period", .numberConvertedToInteger),
        ("cpu_rt_runtime", .numberConvertedToInteger),
        ("cpus", .converted(.number, .float32)),
        ("cpuset", .string),
        ("credential_spec", .object(credentialSpec)),
        ("depends_on", .oneOf([.distinctStrings, .map(.object(dependency))])),
        ("device_cgroup_rules", .distinctStrings),
        ("devices", .list(.oneOf([.string, .object(device)]))),
        ("dns", .stringOrList),
        ("dns_opt", .stringList),
        ("dns_search", .stringOrList),
        ("domainname", .string),
        ("entrypoint", command),
        ("env_file", .oneOf([.string, .list(.oneOf([.string, .object(envFile)]))])),
        ("label_file", .stringOrList),
        ("environment", .listOrDict),
        ("expose", .list(.oneOf([.string, .number]))),
        ("extends", .oneOf([.string, .object(extends)])),
        ("provider", .object(provider)),
        ("external_links", .distinctStrings),
        ("extra_hosts", extraHosts),
        ("gpus", .oneOf([.enumeration(["all"]), .list(.object(gpuRequest))])),
        ("group_add", .distinctList(.oneOf([.string, .number]))),
        ("healthcheck", .object(healthcheck)),
        ("hostname", .string),
        ("image", .string),
        ("init", .convertedBoolean),
        ("ipc", .string),
        ("isolation", .string),
        ("labels", .listOrDict),
        ("links", .stringList),
        ("logging", .object(logging)),
        ("mac_address", .string),
        ("mem_limit", .numberOrString),
        ("mem_reservation", .integerOrString),
        ("mem_swappiness", .integerOrString),
        ("memswap_limit", .numberOrString),
        ("network_mode", .string),
        ("models", .oneOf([.distinctStrings, .map(.oneOf([.object(serviceModel), .null]))])),
        ("networks", .oneOf([.distinctStrings, .map(.oneOf([.object(networkAttachment), .null]))])),
        ("oom_kill_disable", .convertedBoolean),
        ("oom_score_adj", .converted(.bounded(.integer, minimum: -1000, maximum: 1000), .integer)),
        // compose-spec allows null here, but Compose 2.40.3 crashes on `pid:` with no value.
        ("pid", .string),
        ("pids_limit", .numberConvertedToInteger),
        ("platform", .string),
        // A float is refused when Compose reads the port, so the number form is an integer here.
        ("ports", .list(.oneOf([.integer, .string, .object(port)]))),
        ("post_start", .list(.object(hook))),
        ("pre_stop", .list(.object(hook))),
        ("privileged", .convertedBoolean),
        ("profiles", .stringList),
        ("pull_policy", pullPolicy),
        ("pull_refresh_after", .string),
        ("read_only", .convertedBoolean),
        ("restart", .string),
        ("runtime", .string),
        ("scale", .convertedInteger),
        ("security_opt", .distinctStrings),
        ("shm_size", .numberOrString),
        ("secrets", fileReferences),
        ("sysctls", .listOrDict),
        ("stdin_open", .convertedBoolean),
        ("stop_grace_period", .string),
        ("stop_signal", .string),
        // The spec says only "a mapping"; Compose then decodes each value into a string.
        ("storage_opt", .map(.scalarValue)),
        ("tmpfs", .stringOrList),
        ("tty", .convertedBoolean),
        ("ulimits", .object(ulimits)),
        // The one boolean of a service that Compose does not also take as a string.
        ("use_api_socket", .boolean),
        ("user", .string),
        ("uts", .string),
        ("userns_mode", .string),
        ("volumes", .list(.oneOf([.string, .object(volumeMount)]))),
        ("volumes_from", .distinctStrings),
        ("working_dir", .string),
    ]

    // MARK: Nested objects of a service

    static let develop = ObjectSchema("develop section", fields: [
        ("watch", .list(.object(watchRule))),
    ])

    static let watchRule = ObjectSchema("watch rule", required: ["path", "action"], fields: [
        ("ignore", .stringOrDistinctList),
        ("include", .stringOrDistinctList),
        ("path", .string),
        ("action", .enumeration(["rebuild", "sync", "restart", "sync+restart", "sync+exec"])),
        ("target", .string),
        ("exec", .object(hook)),
        ("initial_sync", .boolean),
    ])

    /// `post_start`, `pre_stop` and a watch rule's `exec`.
    static let hook = ObjectSchema("lifecycle hook", required: ["command"], fields: [
        ("command", command),
        ("user", .string),
        ("privileged", .booleanOrString),
        ("working_dir", .string),
        ("environment", .distinctListOrDict),
    ])

    static let build = ObjectSchema("build section", fields: [
        ("context", .string),
        ("dockerfile", .string),
        ("dockerfile_inline", .string),
        ("entitlements", .stringList),
        ("args", .listOrDict),
        ("ssh", .distinctListOrDict),
        ("labels", .listOrDict),
        ("cache_from", .stringList),
        ("cache_to", .stringList),
        ("no_cache", .booleanOrString),
        ("additional_contexts", .listOrDict),
        ("network", .string),
        ("provenance", .oneOf([.string, .boolean])),
        ("sbom", .oneOf([.string, .boolean])),
        ("pull", .booleanOrString),
        ("target", .string),
        ("shm_size", .integerOrString),
        ("extra_hosts", extraHosts),
        ("isolation", .string),
        ("privileged", .booleanOrString),
        ("secrets", fileReferences),
        ("tags", .stringList),
        ("ulimits", .object(ulimits)),
        ("platforms", .stringList),
    ])

    /// No `x-` keys here: compose-spec closes `blkio_config` and its items without them.
    static let blkioConfig = ObjectSchema("blkio config", allowsExtensions: false, fields: [
        ("device_read_bps", .list(.object(blkioLimit))),
        ("device_read_iops", .list(.object(blkioLimit))),
        ("device_write_bps", .list(.object(blkioLimit))),
        ("device_write_iops", .list(.object(blkioLimit))),
        ("weight", .integerOrString),
        ("weight_device", .list(.object(blkioWeight))),
    ])

    static let blkioLimit = ObjectSchema("device rate limit", allowsExtensions: false, fields: [
        ("path", .string),
        ("rate", .integerOrString),
    ])

    static let blkioWeight = ObjectSchema("device weight", allowsExtensions: false, fields: [
        ("path", .string),
        ("weight", .integerOrString),
    ])

    static let credentialSpec = ObjectSchema("credential spec", fields: [
        ("config", .string),
        ("file", .string),
        ("registry", .string),
    ])

    /// A `depends_on` entry in the long syntax. `condition` is required: Compose refuses an entry
    /// without it rather than assuming `service_started`.
    static let dependency = ObjectSchema("dependency", required: ["condition"], fields: [
        ("restart", .booleanOrString),
        ("required", .boolean),
        ("condition", .enumeration(["service_started", "service_healthy", "service_completed_successfully"])),
    ])

    static let device = ObjectSchema("device mapping", required: ["source"], fields: [
        ("source", .string),
        ("target", .string),
        ("permissions", .string),
    ])

    static let envFile = ObjectSchema("reference to an env file", allowsExtensions: false, required: ["path"], fields: [
        ("path", .string),
        ("format", .string),
        ("required", .booleanOrString),
    ])

    /// Compose merges `extends` before its schema pass and ignores keys it does not know there (a
    /// misspelt `fil:` silently extends from this file); stackc reports them, and takes `x-` keys.
    static let extends = ObjectSchema("base-service reference", required: ["service"], fields: [
        ("service", .string),
        ("file", .string),
    ])

    static let provider = ObjectSchema("provider", required: ["type"], fields: [
        ("type", .string),
        ("options", .map(.oneOf([.string, .number, .boolean, .list(.oneOf([.string, .number, .boolean]))]))),
    ])

    /// A `gpus` entry. compose-spec misplaces its `additionalProperties: false`, so Compose lets any key
    /// through here and then ignores it: `capabilites: [gpu]` silently requests no capability. stackc
    /// reports unknown keys, as it does in the identical `deploy` device request.
    static let gpuRequest = ObjectSchema("GPU request", fields: deviceRequestFields)

    static let deviceRequestFields: [(String, FieldType)] = [
        ("capabilities", .distinctStrings),
        ("count", .oneOf([.string, .integer])),
        ("device_ids", .distinctStrings),
        ("driver", .string),
        ("options", .listOrDict),
    ]

    static let healthcheck = ObjectSchema("healthcheck", fields: [
        ("disable", .convertedBoolean),
        // Durations are strings only: `interval: 30` is refused (no unit).
        ("interval", .string),
        ("retries", .converted(.number, .integer)),
        ("test", .stringOrList),
        ("timeout", .string),
        ("start_period", .string),
        ("start_interval", .string),
    ])

    static let logging = ObjectSchema("logging section", fields: [
        ("driver", .string),
        ("options", .map(.oneOf([.string, .number, .null]))),
    ])

    static let serviceModel = ObjectSchema("model reference", fields: [
        ("endpoint_var", .string),
        ("model_var", .string),
    ])

    static let networkAttachment = ObjectSchema("network attachment", fields: [
        ("aliases", .stringList),
        ("interface_name", .string),
        ("ipv4_address", .string),
        ("ipv6_address", .string),
        ("link_local_ips", .stringList),
        ("mac_address", .string),
        ("driver_opts", driverOptions),
        ("priority", .number),
        ("gw_priority", .number),
    ])

    /// A port in the long syntax. Compose's loader refuses one without `target` (the container port).
    static let port = ObjectSchema("port mapping", required: ["target"], fields: [
        ("name", .string),
        ("mode", .string),
        ("host_ip", .string),
        ("target", .convertedInteger),
        ("published", .oneOf([.string, .integer])),
        ("protocol", .string),
        ("app_protocol", .string),
    ])

    /// `secrets` and `configs` of a service: names, or `{source, target, uid, gid, mode}`.
    static let fileReferences: FieldType = .list(.oneOf([.string, .object(fileReference)]))

    static let fileReference = ObjectSchema("file reference", fields: [
        ("source", .string),
        ("target", .string),
        // Strings only: `uid: 1000` is refused.
        ("uid", .string),
        ("gid", .string),
        ("mode", .numberOrString),
    ])

    /// The limit names Docker knows (docker/go-units `ulimitNameMapping`). compose-spec only checks
    /// the values of lower-case keys, so Compose passes `nofle: 1024` and the Docker engine refuses it
    /// when the container is created; stackc reports it at the key, with a suggestion. No `x-` keys:
    /// Compose reads an `x-` key here as a limit, too.
    static let ulimitNames = ["core", "cpu", "data", "fsize", "locks", "memlock", "msgqueue", "nice",
                              "nofile", "nproc", "rss", "rtprio", "rttime", "sigpending", "stack"]

    static let ulimits = ObjectSchema("ulimits section", allowsExtensions: false,
                                      fields: ulimitNames.map { ($0, .oneOf([.convertedInteger, .object(ulimitPair)])) })

    static let ulimitPair = ObjectSchema("ulimit", required: ["soft", "hard"], fields: [
        ("hard", .convertedInteger),
        ("soft", .convertedInteger),
    ])

    /// A volume in the long syntax. `type` is required by the schema, `target` by Compose's loader.
    static let volumeMount = ObjectSchema("volume mount", required: ["type", "target"], fields: [
        ("type", .enumeration(["bind", "volume", "tmpfs", "cluster", "npipe", "image"])),
        ("source", .string),
        ("target", .string),
        ("read_only", .convertedBoolean),
        ("consistency", .string),
        ("bind", .object(bindOptions)),
        ("volume", .object(volumeOptions)),
        ("tmpfs", .object(tmpfsOptions)),
        ("image", .object(imageOptions)),
    ])

    static let bindOptions = ObjectSchema("set of bind options", fields: [
        ("propagation", .string),
        ("create_host_path", .booleanOrString),
        ("recursive", .enumeration(["enabled", "disabled", "writable", "readonly"])),
        ("selinux", .enumeration(["z", "Z"])),
    ])

    static let volumeOptions = ObjectSchema("set of volume options", fields: [
        ("labels", .distinctListOrDict),
        ("nocopy", .convertedBoolean),
        ("subpath", .string),
    ])

    static let tmpfsOptions = ObjectSchema("set of tmpfs options", fields: [
        ("size", .oneOf([.bounded(.integer, minimum: 0, maximum: nil), .string])),
        ("mode", .numberOrString),
    ])

    static let imageOptions = ObjectSchema("set of mount options for an image", fields: [
        ("subpath", .string),
    ])
}
