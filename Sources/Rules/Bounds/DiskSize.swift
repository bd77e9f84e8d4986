import Model

/// A disk of no gigabytes, or fewer.
struct DiskSize: Rule {
    static let description = RuleDescription(
        id: "disk-size", severity: .error, kinds: [.alaudaService, .application],
        summary: "disk sizes (Alauda size_gb, application volumeSize) must be whole numbers of gigabytes, at least 1",
        rationale: """
        An Alauda service's `volumes[].size_gb` (PLATFORM_API.md §4) and a v2 application's
        `internalVolumes[].volumeSize` (§5) are the size of a disk created for the service, in gigabytes. Neither
        source states a least size, but a disk of 0 or fewer gigabytes holds nothing and cannot be created: the EBS
        volumes Alauda provisions (`volume_type: EBS`) are at least 1 GiB, and the v2 platform's cloud disks are
        Cinder volumes (its `POST /v2/cinder/{projectName}/volumes {size}`), which OpenStack refuses unless the size
        is above 0. So 0 is an error as well as a negative size, found at upload time rather than when the service
        first starts. A size that is not a whole number is `type-mismatch`'s, one beyond 32 bits
        `integer-overflow`'s, one left empty by an unset variable `unset-variable`'s.
        """,
        triggering: [
            Example("""
            service_name: web
            image_name: index.alauda.cn/team/web
            volumes:
              - {app_volume_dir: /data, volume_type: EBS, size_gb: ↓-10}
              - {app_volume_dir: /logs, volume_type: EBS, size_gb: ↓0}
            """, messages: [
                "volumes[0].size_gb is -10; a disk holds at least 1 GB: use a whole number of gigabytes of 1 or more",
                "volumes[1].size_gb is 0; a disk holds at least 1 GB: use a whole number of gigabytes of 1 or more",
            ]),
            Example("""
            kind: application
            name: orders
            imageRef: orders:1.0
            instanceNum: 1
            internalVolumes: [{allocateMode: new, fsType: ext4, volumeSize: ↓0, mountPath: /data}]
            """, messages: [
                "internalVolumes[0].volumeSize is 0; a disk holds at least 1 GB: use a whole number of gigabytes of 1 or more",
            ]),
        ],
        nonTriggering: [
            Example("""
            service_name: web
            image_name: index.alauda.cn/team/web
            volumes: [{app_volume_dir: /data, volume_type: EBS, size_gb: 10}]
            """),
            Example("""
            kind: application
            name: reports
            imageRef: docker.oa.com:8080/team/reports:2.0
            internalVolumes:
              - {allocateMode: new, fsType: xfs, volumeSize: 1, mountPath: /cache}
              - {allocateMode: new, fsType: ext4, volumeSize: 500, mountPath: /archive}
            """),
        ])

    func check(_ document: Document, context: inout RuleContext) {
        switch document {
        case .alaudaService(let service): check(service.volumes.map(\.sizeGB), list: "volumes", size: "size_gb", context: &context)
        case .application(let application): check(application.internalVolumes.map(\.volumeSize), list: "internalVolumes", size: "volumeSize", context: &context)
        default: return
        }
    }

    /// - Parameter sizes: each disk's size, in the list's order.
    private func check(_ sizes: [NodeRef?], list: String, size key: String, context: inout RuleContext) {
        for (index, size) in sizes.enumerated() {
            // The schema takes integers only; anything else, and a value past 32 bits, is another rule's.
            guard let node = size, let size = IntegerReading(node, accepts: .integers).within32Bits, size < 1 else { continue }
            context.report("\(list)[\(index)].\(key) is \(size); a disk holds at least 1 GB: use a whole number of gigabytes of 1 or more",
                           at: node)
        }
    }
}
