/// A v2 application spec (PLATFORM_API.md §5; its schema is `PlatformSchemas.application`), read
/// field by field as rules ask. Scalars are their nodes: the rules that check them read them as the
/// schema types them, and report at them.
public struct ApplicationDocument: Sendable {
    public let root: NodeRef

    public init(root: NodeRef) {
        self.root = root
    }

    public var imageRef: NodeRef? { root["imageRef"] }
    public var instanceNum: NodeRef? { root["instanceNum"] }
    public var networkType: NodeRef? { root["networkType"] }
    public var dockerLogDir: NodeRef? { root["dockerLogDir"] }
    public var dockerDataDir: NodeRef? { root["dockerDataDir"] }
    /// `{cpu, mem, disk, gpu}` as quantities.
    public var resources: Resources? { root["resources"].map(Resources.init) }
    public var scale: Scale? { root["scale"].map(Scale.init) }
    /// Disks mounted as one string, `"rbd1:/data/rbd1,rbd2:/data/rbd2"` (see `DiskMountList`).
    public var volumes: NodeRef? { root["volumes"] }
    /// The key of `volumes`, for a finding about the disks it mounts.
    public var volumesKey: Located<String>? { root.locatedKey("volumes") }
    /// Cloud disks, every item (a wrong one stays at its index, for messages).
    public var internalVolumes: [Disk] { (root["internalVolumes"]?.items ?? []).map(Disk.init) }
    public var internalVolumesKey: Located<String>? { root.locatedKey("internalVolumes") }
    public var dockerEnv: [EnvironmentVariable] { (root["dockerEnv"]?.items ?? []).map(EnvironmentVariable.init) }
    public var portMappings: [PortMapping] { (root["portMappings"]?.items ?? []).map(PortMapping.init) }
    public var configMaps: [KeyedReference] { (root["configMap"]?.items ?? []).map(KeyedReference.init) }
    public var secrets: [KeyedReference] { (root["secret"]?.items ?? []).map(KeyedReference.init) }

    public struct Resources: Sendable {
        public let node: NodeRef
        /// The four quantities in source order, each with its name.
        public var quantities: [(name: Located<String>, value: NodeRef)] {
            node.compactMapPairs(whereKey: Self.names.contains) { ($0, $1) }
        }
        static let names: Set<String> = ["cpu", "mem", "disk", "gpu"]
    }

    public struct Scale: Sendable {
        public let node: NodeRef
        public var minReplicas: NodeRef? { node["minReplicas"] }
        public var maxReplicas: NodeRef? { node["maxReplicas"] }
        public var targetCPUUtilization: NodeRef? { node["targetCPUUtilization"] }
    }

    /// An `internalVolumes` entry.
    public struct Disk: Sendable {
        public let node: NodeRef
        /// Gigabytes.
        public var volumeSize: NodeRef? { node["volumeSize"] }
        public var mountPath: NodeRef? { node["mountPath"] }
    }

    /// A `dockerEnv` entry.
    public struct EnvironmentVariable: Sendable {
        public let node: NodeRef
        public var name: NodeRef? { node["name"] }
    }

    public struct PortMapping: Sendable {
        public let node: NodeRef
        public var containerPort: NodeRef? { node["containerPort"] }
        /// `tcp` or `udp`.
        public var `protocol`: NodeRef? { node["protocol"] }
    }

    /// A `configMap[]` or `secret[]` entry: its keys as files (`type: Volume`, at `mountPath`) or as
    /// environment variables (`type: Env`).
    public struct KeyedReference: Sendable {
        public let node: NodeRef
        public var type: NodeRef? { node["type"] }
        public var name: NodeRef? { node["name"] }
        /// The `key` list, or its single key.
        public var keys: [NodeRef] { node["key"].map { $0.isSequence ? $0.items : [$0] } ?? [] }
        public var mountPath: NodeRef? { node["mountPath"] }
        public var mountPathKey: Located<String>? { node.locatedKey("mountPath") }
    }
}
