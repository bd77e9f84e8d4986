/// The fields of a Compose service that rules read, each declared once (`ComposeSchema.serviceFields`
/// gives their types). They read the service's node when asked, so a rule pays for the fields it
/// reads and no other. Each is the field's node: the rule that checks the value reads it as the
/// schema types it and reports at it; where Compose converts the value, `NodeRef.composeBoolean`
/// converts it as Compose does (`ComposeConversion`).
extension ComposeService {
    public var imageNode: NodeRef? { node["image"] }
    public var build: ComposeBuild? { node["build"].map(ComposeBuild.init) }
    public var extends: ComposeExtends? { node["extends"].map(ComposeExtends.init) }
    /// A plugin service (`provider: {type: …}`): Compose runs no container for it.
    public var provider: NodeRef? { node["provider"] }
    public var profiles: NodeRef? { node["profiles"] }
    public var containerNameNode: NodeRef? { node["container_name"] }
    public var environmentNode: NodeRef? { node["environment"] }
    public var volumesNode: NodeRef? { node["volumes"] }
    public var volumesFrom: NodeRef? { node["volumes_from"] }
    /// Links to containers outside the project.
    public var externalLinks: NodeRef? { node["external_links"] }
    public var envFile: NodeRef? { node["env_file"] }
    public var labelFile: NodeRef? { node["label_file"] }
    public var dependsOn: NodeRef? { node["depends_on"] }
    /// The `required` flag of the long-syntax `depends_on` entry for `service`, if written.
    public func dependencyRequired(on service: String) -> NodeRef? { node["depends_on"]?[service]?["required"] }
    public var devices: NodeRef? { node["devices"] }
    /// GPU requests: `all`, or a list of them.
    public var gpus: NodeRef? { node["gpus"] }
    /// The requests of a `gpus` list.
    public var gpuRequests: [ComposeDeviceRequest] { (node["gpus"]?.items ?? []).map(ComposeDeviceRequest.init) }
    public var tmpfs: NodeRef? { node["tmpfs"] }
    /// The secrets granted to the service.
    public var secrets: [ComposeGrant] { (node["secrets"]?.items ?? []).map(ComposeGrant.init) }
    public var configs: [ComposeGrant] { (node["configs"]?.items ?? []).map(ComposeGrant.init) }
    public var networks: NodeRef? { node["networks"] }
    public var networksKey: Located<String>? { node.locatedKey("networks") }
    /// The AI models the service uses: a list of names, or a mapping of names to `endpoint_var`/`model_var`.
    public var models: NodeRef? { node["models"] }
    public var extraHosts: NodeRef? { node["extra_hosts"] }
    public var expose: NodeRef? { node["expose"] }
    public var healthcheck: ComposeHealthcheck? { node["healthcheck"].map(ComposeHealthcheck.init) }
    public var deploy: ComposeDeploy? { node["deploy"].map(ComposeDeploy.init) }
    public var develop: NodeRef? { node["develop"] }
    /// `develop.watch` rules.
    public var watchRules: [ComposeWatchRule] { (node["develop"]?["watch"]?.items ?? []).map(ComposeWatchRule.init) }
    public var privileged: NodeRef? { node["privileged"] }
    public var capAdd: NodeRef? { node["cap_add"] }
    public var restart: NodeRef? { node["restart"] }
    public var workingDir: NodeRef? { node["working_dir"] }
    public var stopGracePeriod: NodeRef? { node["stop_grace_period"] }
    public var platform: NodeRef? { node["platform"] }
    /// The aliyun dialect's old spelling of `network_mode`.
    public var net: NodeRef? { node["net"] }
    public var networkMode: NodeRef? { node["network_mode"] }
    public var ipc: NodeRef? { node["ipc"] }
    public var pid: NodeRef? { node["pid"] }
    public var uts: NodeRef? { node["uts"] }
    public var usernsMode: NodeRef? { node["userns_mode"] }
    public var command: NodeRef? { node["command"] }
    public var entrypoint: NodeRef? { node["entrypoint"] }
    public var scale: NodeRef? { node["scale"] }
    /// The aliyun dialect's instance count.
    public var replicas: NodeRef? { node["replicas"] }
    public var cpuShares: NodeRef? { node["cpu_shares"] }
    public var cpus: NodeRef? { node["cpus"] }
    public var memLimit: NodeRef? { node["mem_limit"] }
    public var memswapLimit: NodeRef? { node["memswap_limit"] }
    public var memReservation: NodeRef? { node["mem_reservation"] }
    public var shmSize: NodeRef? { node["shm_size"] }
    public var pidsLimit: NodeRef? { node["pids_limit"] }
}

/// `build:` — a context path, or a mapping.
public struct ComposeBuild: Sendable {
    public let node: NodeRef
    public var shmSize: NodeRef? { node["shm_size"] }
    public var dockerfile: NodeRef? { node["dockerfile"] }
    public var dockerfileInline: NodeRef? { node["dockerfile_inline"] }
    public var platforms: NodeRef? { node["platforms"] }
    public var additionalContexts: NodeRef? { node["additional_contexts"] }
    /// The secrets granted to the build.
    public var secrets: [ComposeGrant] { (node["secrets"]?.items ?? []).map(ComposeGrant.init) }
}

/// A secret or config granted to a service or a build: its name, or `{source, target, …}`.
public struct ComposeGrant: Sendable {
    public let node: NodeRef
    /// The top-level entry it names.
    public var source: Located<String>? { node.isMapping ? node["source"]?.string : node.string }
}

/// `extends:` — a service name, or `{service, file}`.
public struct ComposeExtends: Sendable {
    public let node: NodeRef

    /// The view of an `extends:` value (a rule table's predicate receives the value's node).
    public init(node: NodeRef) {
        self.node = node
    }

    public var service: NodeRef? { node["service"] }
    public var file: NodeRef? { node["file"] }
}

public struct ComposeHealthcheck: Sendable {
    public let node: NodeRef
    public var test: NodeRef? { node["test"] }
    public var interval: NodeRef? { node["interval"] }
    public var timeout: NodeRef? { node["timeout"] }
    public var startPeriod: NodeRef? { node["start_period"] }
    public var startInterval: NodeRef? { node["start_interval"] }
}

public struct ComposeDeploy: Sendable {
    public let node: NodeRef
    public var replicas: NodeRef? { node["replicas"] }
    public var resources: ComposeResources? { node["resources"].map(ComposeResources.init) }
    public var restartPolicy: ComposeUpdatePolicy? { node["restart_policy"].map(ComposeUpdatePolicy.init) }
    public var updateConfig: ComposeUpdatePolicy? { node["update_config"].map(ComposeUpdatePolicy.init) }
    public var rollbackConfig: ComposeUpdatePolicy? { node["rollback_config"].map(ComposeUpdatePolicy.init) }
}

/// `deploy.restart_policy`, `deploy.update_config` or `deploy.rollback_config`: each field belongs to
/// some of them (`condition` and `window` to the restart policy, `monitor` to the other two).
public struct ComposeUpdatePolicy: Sendable {
    public let node: NodeRef
    public var condition: NodeRef? { node["condition"] }
    public var delay: NodeRef? { node["delay"] }
    public var window: NodeRef? { node["window"] }
    public var monitor: NodeRef? { node["monitor"] }
}

public struct ComposeResources: Sendable {
    public let node: NodeRef
    public var limits: ComposeResourceAmounts? { node["limits"].map(ComposeResourceAmounts.init) }
    public var reservations: ComposeResourceAmounts? { node["reservations"].map(ComposeResourceAmounts.init) }
}

/// `deploy.resources.limits` or `.reservations` (only reservations take `devices`).
public struct ComposeResourceAmounts: Sendable {
    public let node: NodeRef
    public var memory: NodeRef? { node["memory"] }
    public var cpus: NodeRef? { node["cpus"] }
    public var pids: NodeRef? { node["pids"] }
    /// Device requests (reservations only).
    public var devices: [ComposeDeviceRequest] { (node["devices"]?.items ?? []).map(ComposeDeviceRequest.init) }
}

/// A GPU or device request (`gpus`, `deploy.resources.reservations.devices`).
public struct ComposeDeviceRequest: Sendable {
    public let node: NodeRef
    public var count: NodeRef? { node["count"] }
    public var deviceIDsKey: Located<String>? { node.locatedKey("device_ids") }
}

/// A `develop.watch` rule.
public struct ComposeWatchRule: Sendable {
    public let node: NodeRef
    public var action: NodeRef? { node["action"] }
    public var target: NodeRef? { node["target"] }
}

/// A top-level volume, network, secret or config.
public struct ComposeResource: Sendable {
    public let node: NodeRef
    public var name: NodeRef? { node["name"] }
    public var external: NodeRef? { node["external"] }
    /// A secret's variable (`environment: NAME`).
    public var environment: NodeRef? { node["environment"] }
    /// The deprecated `external: {name: …}`.
    public var externalName: NodeRef? { node["external"]?["name"] }
}

extension NodeRef {
    /// A boolean field as Docker Compose reads it (`ComposeConversion.boolean`): `true`, or a string
    /// Compose converts (`"yes"`, a variable set to `true`); nil for a value it does not convert, which
    /// is the schema's `type-mismatch`.
    public var composeBoolean: Bool? {
        switch resolved {
        case .bool(let value): value
        case .string(let text): ComposeConversion.boolean.convert(text).flatMap { if case .bool(let value) = $0 { value } else { nil } }
        default: nil
        }
    }
}
