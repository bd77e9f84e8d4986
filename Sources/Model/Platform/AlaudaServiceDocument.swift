/// An Alauda v1 service definition (PLATFORM_API.md §4; its schema is `PlatformSchemas.alaudaService`),
/// read field by field as rules ask. Scalars are their nodes, which the rules read and report at.
public struct AlaudaServiceDocument: Sendable {
    public let root: NodeRef

    public init(root: NodeRef) {
        self.root = root
    }

    public var imageName: NodeRef? { root["image_name"] }
    public var imageTag: NodeRef? { root["image_tag"] }
    public var targetNumInstances: NodeRef? { root["target_num_instances"] }
    public var customDomainName: NodeRef? { root["custom_domain_name"] }
    /// `XS` … `XL`.
    public var instanceSize: NodeRef? { root["instance_size"] }
    /// `MANUAL` or `AUTO` (which needs `autoscaling_config`).
    public var scalingMode: NodeRef? { root["scaling_mode"] }
    /// `STARTED` or `STOPPED`.
    public var targetState: NodeRef? { root["target_state"] }
    public var regionName: NodeRef? { root["region_name"] }
    public var autoscalingConfig: Autoscaling? { root["autoscaling_config"].map(Autoscaling.init) }
    public var instancePorts: [Port] { (root["instance_ports"]?.items ?? []).map(Port.init) }
    /// Every item of `volumes` (a wrong one stays at its index, for messages).
    public var volumes: [Volume] { (root["volumes"]?.items ?? []).map(Volume.init) }

    /// The scaling policy; the documentation writes its numbers as strings, the schema takes both.
    public struct Autoscaling: Sendable {
        public let node: NodeRef
        public var minimumNumInstances: NodeRef? { node["minimum_num_instances"] }
        public var maximumNumInstances: NodeRef? { node["maximum_num_instances"] }
        public var increaseDelta: NodeRef? { node["increase_delta"] }
        public var decreaseDelta: NodeRef? { node["decrease_delta"] }
        /// CPU fractions.
        public var upperThreshold: NodeRef? { node["upper_threshold"] }
        public var lowerThreshold: NodeRef? { node["lower_threshold"] }
        /// Seconds.
        public var waitPeriod: NodeRef? { node["wait_period"] }
    }

    /// An `instance_ports` entry.
    public struct Port: Sendable {
        public let node: NodeRef
        public var containerPort: NodeRef? { node["container_port"] }
        public var `protocol`: NodeRef? { node["protocol"] }
        public var endpointType: NodeRef? { node["endpoint_type"] }
    }

    public struct Volume: Sendable {
        public let node: NodeRef
        public var appVolumeDir: NodeRef? { node["app_volume_dir"] }
        public var volumeType: NodeRef? { node["volume_type"] }
        /// Gigabytes.
        public var sizeGB: NodeRef? { node["size_gb"] }
    }
}
