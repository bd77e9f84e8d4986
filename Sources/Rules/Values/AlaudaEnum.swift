import Model

/// An Alauda service field outside the values the API defines.
struct AlaudaEnum: Rule {
    static let description = RuleDescription(
        id: "alauda-enum", severity: .error, kinds: [.alaudaService],
        summary: "Alauda service fields with fixed values must use one of them",
        rationale: """
        The Alauda v1 services API (PLATFORM_API.md §4, source 003) lists the values of `instance_size` (`XS`, `S`, `M`,
        `L`, `XL`), `scaling_mode` (`MANUAL`, `AUTO`), `target_state` (`STARTED`, `STOPPED`), `region_name`
        (`BEIJING1`, `HONGKONG1`, `SHANGHAI1`) and `volumes[].volume_type` (`EBS`); the server refuses others, after
        the upload, and the values are case-sensitive. `instance_ports[].endpoint_type` and `protocol` are open lists
        in the source ("tcp-endpoint", "direct-endpoint", …): for them only a near miss of a known value (`TCP`,
        `tcp_endpoint`) or an endpoint type that does not end in `-endpoint` is reported.
        """,
        triggering: [
            Example("""
            service_name: web
            image_name: index.alauda.cn/team/web
            instance_size: ↓xs
            scaling_mode: ↓MANUEL
            target_state: STARTED
            region_name: ↓BEIJING
            """, messages: [
                "instance_size is 'xs', not one of 'XS', 'S', 'M', 'L', 'XL'; did you mean 'XS'?",
                "scaling_mode is 'MANUEL', not one of 'MANUAL', 'AUTO'; did you mean 'MANUAL'?",
                "region_name is 'BEIJING', not one of 'BEIJING1', 'HONGKONG1', 'SHANGHAI1'; did you mean 'BEIJING1'?",
            ], fixed: """
            service_name: web
            image_name: index.alauda.cn/team/web
            instance_size: XS
            scaling_mode: MANUAL
            target_state: STARTED
            region_name: BEIJING1
            """),
            Example("""
            service_name: web
            image_name: index.alauda.cn/team/web
            instance_ports:
              - {container_port: 22, protocol: ↓TCP, endpoint_type: ↓tcp_endpoint}
              - {container_port: 80, protocol: http, endpoint_type: ↓http}
            volumes:
              - {app_volume_dir: /data, volume_type: ↓ebs, size_gb: 10}
            """, messages: [
                "instance_ports[0].protocol is 'TCP', not one of 'tcp', 'udp', 'http'; did you mean 'tcp'?",
                "instance_ports[0].endpoint_type is 'tcp_endpoint', not one of 'tcp-endpoint', 'http-endpoint', 'internal-endpoint', 'direct-endpoint'; did you mean 'tcp-endpoint'?",
                "instance_ports[1].endpoint_type is 'http', not one of 'tcp-endpoint', 'http-endpoint', 'internal-endpoint', 'direct-endpoint'",
                "volumes[0].volume_type is 'ebs', not one of 'EBS'; did you mean 'EBS'?",
            ], fixed: """
            service_name: web
            image_name: index.alauda.cn/team/web
            instance_ports:
              - {container_port: 22, protocol: tcp, endpoint_type: tcp-endpoint}
              - {container_port: 80, protocol: http, endpoint_type: http}
            volumes:
              - {app_volume_dir: /data, volume_type: EBS, size_gb: 10}
            """),
        ],
        nonTriggering: [
            Example("""
            service_name: test
            namespace: madams
            image_name: index.alauda.cn/alauda/ubuntu
            image_tag: latest
            instance_size: XS
            scaling_mode: MANUAL
            target_state: STARTED
            instance_ports:
              - {container_port: 22, protocol: tcp, endpoint_type: tcp-endpoint}
              - {container_port: 22, protocol: tcp, endpoint_type: direct-endpoint}
            volumes:
              - {app_volume_dir: /data1, volume_type: EBS, size_gb: 10}
            region_name: SHANGHAI1
            """),
            Example("""
            service_name: web
            image_name: index.alauda.cn/team/web
            instance_ports:
              - {container_port: 53, protocol: udp, endpoint_type: balanced-endpoint}
            """),
        ])

    /// Fields whose values the source lists completely.
    static let closed: [(field: String, node: @Sendable (AlaudaServiceDocument) -> NodeRef?, values: [String])] = [
        ("instance_size", { $0.instanceSize }, ["XS", "S", "M", "L", "XL"]),
        ("scaling_mode", { $0.scalingMode }, ["MANUAL", "AUTO"]),
        ("target_state", { $0.targetState }, ["STARTED", "STOPPED"]),
        ("region_name", { $0.regionName }, ["BEIJING1", "HONGKONG1", "SHANGHAI1"]),
    ]
    static let protocols = ["tcp", "udp", "http"]
    static let endpointTypes = ["tcp-endpoint", "http-endpoint", "internal-endpoint", "direct-endpoint"]

    func check(_ document: Document, context: inout RuleContext) {
        guard case .alaudaService(let service) = document else { return }
        for (field, node, values) in Self.closed {
            if let value = node(service)?.string {
                context.requireOneOf(value, values, field: field)
            }
        }
        for (index, port) in service.instancePorts.enumerated() {
            if let value = port.protocol?.string, Self.isNearMiss(value.value, of: Self.protocols) {
                context.requireOneOf(value, Self.protocols, field: "instance_ports[\(index)].protocol")
            }
            if let value = port.endpointType?.string,
               Self.isNearMiss(value.value, of: Self.endpointTypes) || !value.value.hasSuffix(ascii: "-endpoint") {
                context.requireOneOf(value, Self.endpointTypes, field: "instance_ports[\(index)].endpoint_type")
            }
        }
        for (index, volume) in service.volumes.enumerated() {
            if let type = volume.volumeType?.string {
                context.requireOneOf(type, ["EBS"], field: "volumes[\(index)].volume_type")
            }
        }
    }

    /// For an open list: a value that is not known but close to a known one is a typo.
    static func isNearMiss(_ value: String, of known: [String]) -> Bool {
        !known.contains(value) && Suggestions.closest(to: value, among: known) != nil
    }
}
