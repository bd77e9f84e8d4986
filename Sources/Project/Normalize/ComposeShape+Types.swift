/// compose-go v2.9.1's types, field by field (`types/types.go`, `healthcheck.go`, `develop.go`,
/// `hooks.go`, `device.go`, `models.go`). Fields Compose never prints (`json:"-"`: extensions, the
/// service name, custom labels) are absent, and so is `extends`, which loading resolves and removes.
extension ComposeShape {
    static let service = ComposeShape.object([
        .init("profiles", .list(.string)),
        .init("annotations", .stringMap),
        .init("attach", .pointer(.bool)),
        .init("build", .pointer(build)),
        .init("develop", .pointer(.object([.init("watch", .list(watchTrigger))]))),
        .init("blkio_config", .pointer(blkio)),
        .init("cap_add", .list(.string)),
        .init("cap_drop", .list(.string)),
        .init("cgroup_parent", .string),
        .init("cgroup", .string),
        .init("cpu_count", .integer),
        .init("cpu_percent", .float32),
        .init("cpu_period", .integer),
        .init("cpu_quota", .integer),
        .init("cpu_rt_period", .integer),
        .init("cpu_rt_runtime", .integer),
        .init("cpus", .float32),
        .init("cpuset", .string),
        .init("cpu_shares", .integer),
        .init("command", .shellCommand, always: true),
        .init("configs", .list(fileReference)),
        .init("container_name", .string),
        .init("credential_spec", .pointer(.object([.init("config", .string), .init("file", .string), .init("registry", .string)]))),
        .init("depends_on", .map(.object([.init("condition", .string), .init("restart", .bool), .init("required", .bool, always: true)]))),
        .init("deploy", .pointer(deploy)),
        .init("device_cgroup_rules", .list(.string)),
        .init("devices", .list(.object([.init("source", .string), .init("target", .string), .init("permissions", .string)]))),
        .init("dns", .stringList),
        .init("dns_opt", .list(.string)),
        .init("dns_search", .stringList),
        .init("dockerfile", .string),
        .init("domainname", .string),
        .init("entrypoint", .shellCommand, always: true),
        .init("provider", .pointer(.object([.init("type", .string), .init("options", .map(.stringList))]))),
        .init("environment", .mappingWithEquals),
        .init("env_file", .list(.object([.init("path", .string), .init("required", .bool, always: true), .init("format", .string)]))),
        .init("expose", .stringList),
        .init("external_links", .list(.string)),
        .init("extra_hosts", .hosts),
        .init("group_add", .list(.string)),
        .init("gpus", .list(deviceRequest)),
        .init("hostname", .string),
        .init("healthcheck", .pointer(healthcheck)),
        .init("image", .string),
        .init("init", .pointer(.bool)),
        .init("ipc", .string),
        .init("isolation", .string),
        .init("labels", .stringMap),
        .init("label_file", .list(.string)),
        .init("links", .list(.string)),
        .init("logging", .pointer(.object([.init("driver", .string), .init("options", .stringMap)]))),
        .init("log_driver", .string),
        .init("log_opt", .stringMap),
        .init("mem_limit", .bytes),
        .init("mem_reservation", .bytes),
        .init("memswap_limit", .bytes),
        .init("mem_swappiness", .bytes),
        .init("mac_address", .string),
        .init("models", .map(.pointer(.object([.init("endpoint_var", .string), .init("model_var", .string)])))),
        .init("net", .string),
        .init("network_mode", .string),
        .init("networks", .map(.pointer(serviceNetwork))),
        .init("oom_kill_disable", .bool),
        .init("oom_score_adj", .integer),
        .init("pid", .string),
        .init("pids_limit", .integer),
        .init("platform", .string),
        .init("ports", .list(port)),
        .init("privileged", .bool),
        .init("pull_policy", .string),
        .init("read_only", .bool),
        .init("restart", .string),
        .init("runtime", .string),
        .init("scale", .pointer(.integer)),
        .init("secrets", .list(fileReference)),
        .init("security_opt", .list(.string)),
        .init("shm_size", .bytes),
        .init("stdin_open", .bool),
        .init("stop_grace_period", .pointer(.duration)),
        .init("stop_signal", .string),
        .init("storage_opt", .stringMap),
        .init("sysctls", .stringMap),
        .init("tmpfs", .stringList),
        .init("tty", .bool),
        .init("ulimits", .map(.ulimit)),
        .init("use_api_socket", .bool),
        .init("user", .string),
        .init("userns_mode", .string),
        .init("uts", .string),
        .init("volume_driver", .string),
        .init("volumes", .list(serviceVolume)),
        .init("volumes_from", .list(.string)),
        .init("working_dir", .string),
        .init("post_start", .list(hook)),
        .init("pre_stop", .list(hook)),
    ])

    static let build = ComposeShape.object([
        .init("context", .string),
        .init("dockerfile", .string),
        .init("dockerfile_inline", .string),
        .init("entitlements", .list(.string)),
        .init("args", .mappingWithEquals),
        .init("provenance", .string),
        .init("sbom", .string),
        .init("ssh", .sshKeys),
        .init("labels", .stringMap),
        .init("cache_from", .stringList),
        .init("cache_to", .stringList),
        .init("no_cache", .bool),
        .init("additional_contexts", .stringMap),
        .init("pull", .bool),
        .init("extra_hosts", .hosts),
        .init("isolation", .string),
        .init("network", .string),
        .init("target", .string),
        .init("secrets", .list(fileReference)),
        .init("shm_size", .bytes),
        .init("tags", .stringList),
        .init("ulimits", .map(.ulimit)),
        .init("platforms", .stringList),
        .init("privileged", .bool),
    ])

    static let healthcheck = ComposeShape.object([
        .init("test", .healthTest),
        .init("timeout", .pointer(.duration)),
        .init("interval", .pointer(.duration)),
        .init("retries", .pointer(.integer)),
        .init("start_period", .pointer(.duration)),
        .init("start_interval", .pointer(.duration)),
        .init("disable", .bool),
    ])

    static let port = ComposeShape.object([
        .init("name", .string), .init("mode", .string), .init("host_ip", .string), .init("target", .integer),
        .init("published", .string), .init("protocol", .string), .init("app_protocol", .string),
    ])

    static let serviceVolume = ComposeShape.object([
        .init("type", .string),
        .init("source", .string),
        .init("target", .string),
        .init("read_only", .bool),
        .init("consistency", .string),
        .init("bind", .pointer(.object([.init("selinux", .string), .init("propagation", .string), .init("create_host_path", .bool), .init("recursive", .string)]))),
        .init("volume", .pointer(.object([.init("labels", .stringMap), .init("nocopy", .bool), .init("subpath", .string)]))),
        .init("tmpfs", .pointer(.object([.init("size", .bytes), .init("mode", .integer)]))),
        .init("image", .pointer(.object([.init("subpath", .string)]))),
    ])

    static let serviceNetwork = ComposeShape.object([
        .init("aliases", .list(.string)), .init("driver_opts", .stringMap), .init("gw_priority", .integer),
        .init("interface_name", .string), .init("ipv4_address", .string), .init("ipv6_address", .string),
        .init("link_local_ips", .list(.string)), .init("mac_address", .string), .init("priority", .integer),
    ])

    static let fileReference = ComposeShape.object([
        .init("source", .string), .init("target", .string), .init("uid", .string), .init("gid", .string), .init("mode", .pointer(.fileMode)),
    ])

    static let deviceRequest = ComposeShape.object([
        .init("capabilities", .list(.string)), .init("driver", .string), .init("count", .deviceCount),
        .init("device_ids", .list(.string)), .init("options", .stringMap),
    ])

    static let hook = ComposeShape.object([
        .init("command", .shellCommand, always: true), .init("user", .string), .init("privileged", .bool),
        .init("working_dir", .string), .init("environment", .mappingWithEquals),
    ])

    static let watchTrigger = ComposeShape.object([
        .init("path", .string, always: true), .init("action", .string, always: true), .init("target", .string), .init("exec", hook),
        .init("include", .stringList), .init("ignore", .stringList), .init("initial_sync", .bool),
    ])

    static let throttleDevice = ComposeShape.object([
        .init("Path", .string, always: true, from: "path"), .init("Rate", .bytes, always: true, from: "rate"),
    ])

    static let blkio = ComposeShape.object([
        .init("weight", .integer),
        .init("weight_device", .list(.object([.init("Path", .string, always: true, from: "path"), .init("Weight", .integer, always: true, from: "weight")]))),
        .init("device_read_bps", .list(throttleDevice)),
        .init("device_read_iops", .list(throttleDevice)),
        .init("device_write_bps", .list(throttleDevice)),
        .init("device_write_iops", .list(throttleDevice)),
    ])

    static let update = ComposeShape.object([
        .init("parallelism", .pointer(.integer)), .init("delay", .duration), .init("failure_action", .string),
        .init("monitor", .duration), .init("max_failure_ratio", .float32), .init("order", .string),
    ])

    static let resource = ComposeShape.object([
        .init("cpus", .nanoCPUs), .init("memory", .bytes), .init("pids", .integer), .init("devices", .list(deviceRequest)),
        .init("generic_resources", .list(.object([.init("discrete_resource_spec", .pointer(.object([
            .init("kind", .string, always: true), .init("value", .integer, always: true),
        ])))]))),
    ])

    static let deploy = ComposeShape.object([
        .init("mode", .string),
        .init("replicas", .pointer(.integer)),
        .init("labels", .stringMap),
        .init("update_config", .pointer(update)),
        .init("rollback_config", .pointer(update)),
        .init("resources", .object([.init("limits", .pointer(resource)), .init("reservations", .pointer(resource))])),
        .init("restart_policy", .pointer(.object([
            .init("condition", .string), .init("delay", .pointer(.duration)), .init("max_attempts", .pointer(.integer)), .init("window", .pointer(.duration)),
        ]))),
        .init("placement", .object([
            .init("constraints", .list(.string)), .init("preferences", .list(.object([.init("spread", .string)]))),
            .init("max_replicas_per_node", .integer),
        ])),
        .init("endpoint_mode", .string),
    ])

    static let network = ComposeShape.object([
        .init("name", .string),
        .init("driver", .string),
        .init("driver_opts", .stringMap),
        .init("ipam", .object([
            .init("driver", .string),
            .init("config", .list(.object([
                .init("subnet", .string), .init("gateway", .string), .init("ip_range", .string), .init("aux_addresses", .stringMap),
            ]))),
        ])),
        .init("external", .bool),
        .init("internal", .bool),
        .init("attachable", .bool),
        .init("labels", .stringMap),
        .init("enable_ipv4", .pointer(.bool)),
        .init("enable_ipv6", .pointer(.bool)),
    ])

    static let volume = ComposeShape.object([
        .init("name", .string), .init("driver", .string), .init("driver_opts", .stringMap), .init("external", .bool), .init("labels", .stringMap),
    ])

    /// `FileObjectConfig`, the shape of secrets and configs; `content` is printed for configs only
    /// (Compose hides a secret's).
    static func fileObject(printsContent: Bool) -> ComposeShape {
        .object([
            .init("name", .string), .init("file", .string), .init("environment", .string),
        ] + (printsContent ? [.init("content", .string)] : []) + [
            .init("external", .bool), .init("labels", .stringMap), .init("driver", .string),
            .init("driver_opts", .stringMap), .init("template_driver", .string),
        ])
    }
}
