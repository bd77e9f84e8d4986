import Model

/// A v2 application that mounts a cloud disk but may run more than one instance.
struct SingleInstanceDisk: Rule {
    static let description = RuleDescription(
        id: "single-instance-disk", severity: .error, kinds: [.application],
        summary: "an application that mounts a cloud disk must run one instance",
        rationale: """
        A cloud disk attaches to one instance at a time: the v2 platform's guide says "an application that mounts a
        cloud disk may contain only one instance" (PLATFORM_API.md §5, 004: 挂载云硬盘的应用只可包含一个实例). An
        application with `internalVolumes` or disks in `volumes` (`rbd1:/data/rbd1`) and an `instanceNum` or
        `scale.maxReplicas` above 1 is refused, or its extra instances never start. (The API reference's own example
        combines both; the guide is the rule.)
        """,
        triggering: [
            Example("""
            kind: application
            name: orders
            imageRef: orders:1.0
            instanceNum: ↓2
            volumes: "rbd1:/data/rbd1"
            scale: {minReplicas: 1, maxReplicas: ↓5, targetCPUUtilization: 50}
            """, messages: [
                "instanceNum is 2, but an application with a cloud disk (volumes) runs only one instance; set it to 1, or mount no disk",
                "scale.maxReplicas is 5, but an application with a cloud disk (volumes) runs only one instance; set it to 1, or mount no disk",
            ]),
            Example("""
            kind: application
            name: orders
            imageRef: orders:1.0
            instanceNum: ↓3
            internalVolumes: [{allocateMode: new, fsType: ext4, volumeSize: 1, mountPath: /data}]
            """),
        ],
        nonTriggering: [
            Example("""
            kind: application
            name: orders
            imageRef: orders:1.0
            instanceNum: 1
            internalVolumes: [{allocateMode: new, fsType: xfs, volumeSize: 10, mountPath: /data}]
            scale: {minReplicas: 1, maxReplicas: 1, targetCPUUtilization: 50}
            """),
            Example("""
            kind: application
            name: orders
            imageRef: orders:1.0
            instanceNum: 4
            volumes: ""
            internalVolumes: []
            """),
        ])

    func check(_ document: Document, context: inout RuleContext) {
        guard case .application(let application) = document, let disk = Self.cloudDisk(application) else { return }
        let counts = [("instanceNum", application.instanceNum?.integer), ("scale.maxReplicas", application.scale?.maxReplicas?.integer)]
        for case let (field, count?) in counts where count.value > 1 {
            context.report("\(field) is \(count.value), but an application with a cloud disk (\(disk.value)) runs only one instance; set it to 1, or mount no disk",
                           at: count, notes: [disk.note("the disk is mounted here")])
        }
    }

    /// The field that mounts a cloud disk, if any: `internalVolumes` with an entry, or `volumes` naming a disk.
    static func cloudDisk(_ application: ApplicationDocument) -> Located<String>? {
        let internalVolumes = application.internalVolumes.isEmpty ? nil : application.internalVolumesKey
        let volumes = DiskMountList.parse(application.volumes?.string?.value ?? "").isEmpty ? nil : application.volumesKey
        // The one written first.
        return [internalVolumes, volumes].compactMap { $0 }.min { $0.range.start < $1.range.start }
    }
}
