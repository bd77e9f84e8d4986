/// An aliyun volume (ALIYUN.md; schema `PlatformSchemas.aliyunVolume`): a name, a driver (`nas`,
/// `ossfs`) and the driver's options, which the volume-driver-opts rule knows.
public struct AliyunVolumeDocument: Sendable {
    public let root: NodeRef

    public init(root: NodeRef) {
        self.root = root
    }

    public var name: NodeRef? { root["name"] }
    public var driver: NodeRef? { root["driver"] }
    /// The options section with its key, for a finding about the section itself.
    public var driverOptions: (key: Located<String>, value: NodeRef)? {
        guard let key = root.locatedKey("driverOpts"), let value = root["driverOpts"] else { return nil }
        return (key, value)
    }
}
