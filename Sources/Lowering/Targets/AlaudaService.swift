import Diagnostics
import Model
import Syntax

/// `POST /v1/services/{namespace}` — an Alauda service, from an Alauda service document, or compiled
/// from one service of a Compose file (`--service NAME`): image → image_name/image_tag, environment →
/// instance_envvars, ports → instance_ports, replicas/scale/deploy.replicas → target_num_instances,
/// named volumes → EBS volumes.
enum AlaudaService: LoweringTarget {
    static let id = TargetID.alaudaService
    static let kinds: [DocumentKind] = [.alaudaService, .compose]
    static let summary = "create an Alauda service: POST /v1/services/{namespace} (from an Alauda document, or one Compose service with --service)"
    static let bodySchema = FieldType.object(BodySchemas.alaudaService)

    static let fieldOrder = ["service_name", "namespace", "application", "image_name", "image_tag", "run_command", "instance_size", "scaling_mode",
                             "target_state", "custom_domain_name", "linked_to_apps", "target_num_instances", "instance_envvars", "instance_ports",
                             "autoscaling_config", "volumes", "region_name"]
    /// Size given to volumes compiled from Compose, which has no size: the smallest useful EBS disk.
    static let defaultVolumeSizeGB: Int64 = 10

    static func lower(_ input: LoweringInput) throws(LoweringFailure) -> Request {
        try input.requireKind(kinds, for: id)
        // One source for the namespace and the name: the checked values, which the document's own
        // `namespace` and `service_name` give unless a flag or the manifest overrides them.
        let namespace = try input.checked(input.metadata.project, .project, for: id)
        let name = try input.checked(input.metadata.name, .name, for: id)
        let body: JSONValue
        switch input.document {
        case .compose(let compose):
            body = try compile(compose, name: name, namespace: namespace, input: input)
        default:
            guard case .object(let members) = input.document.root.json else { throw LoweringFailure("\(id.rawValue) takes a mapping") }
            let identity: [JSONValue.Member] = [.init("service_name", .string(name)), .init("namespace", .string(namespace))]
            body = JSONValue.object(identity + members.filter { $0.key != "service_name" && $0.key != "namespace" }).ordered(fieldOrder)
        }
        return Request(method: "POST", path: "/v1/services/\(encodePathSegment(namespace))", headers: [("Content-Type", "application/json")], body: body)
    }

    private static func compile(_ compose: ComposeDocument, name: String, namespace: String, input: LoweringInput) throws(LoweringFailure) -> JSONValue {
        let serviceName = try input.checked(input.metadata.service, .service, for: id)
        let service = try input.checked(compose.service(named: serviceName), .service, for: id)
        guard let image = service.image?.value else { throw LoweringFailure("service '\(serviceName)' has no image, which an Alauda service needs") }
        let (imageName, imageTag) = splitImage(image)
        let instances = AliyunScale.scale(of: service) ?? 1
        let environment = service.environment.map { JSONValue.Member($0.name.value, .string($0.value?.value ?? "")) }
        let ports: [JSONValue] = service.ports.compactMap { entry in
            guard case .success(let spec) = entry.spec else { return nil }
            return .object([
                .init("container_port", .int(Int64(spec.target.lowerBound))),
                .init("protocol", .string(spec.protocol)),
                .init("endpoint_type", .string("tcp-endpoint")),
            ])
        }
        let volumes: [JSONValue] = service.volumes.compactMap { volume in
            guard case .named = volume.source, let target = volume.target else { return nil }
            return .object([.init("app_volume_dir", .string(target.value)), .init("volume_type", .string("EBS")), .init("size_gb", .int(defaultVolumeSizeGB))])
        }
        var members: [JSONValue.Member] = [
            .init("service_name", .string(name)),
            .init("namespace", .string(namespace)),
            .init("image_name", .string(imageName)),
            .init("image_tag", .string(imageTag)),
        ]
        if let command = service.command?.stringList, !command.isEmpty {
            members.append(.init("run_command", .string(command.map(\.value).joined(separator: " "))))
        }
        members += [
            .init("target_state", .string("STARTED")),
            .init("target_num_instances", .int(instances)),
            .init("instance_envvars", .object(environment)),
            .init("instance_ports", .array(ports)),
            .init("volumes", .array(volumes)),
        ]
        return .object(members)
    }

    /// `registry:5000/path/name:tag` → (`registry:5000/path/name`, `tag`); no tag means `latest`.
    static func splitImage(_ image: String) -> (name: String, tag: String) {
        let withoutDigest = image.split(separator: "@", maxSplits: 1).first.map(String.init) ?? image
        let lastSlash = withoutDigest.lastIndex(of: "/") ?? withoutDigest.startIndex
        if let colon = withoutDigest[lastSlash...].lastIndex(of: ":") {
            return (String(withoutDigest[..<colon]), String(withoutDigest[withoutDigest.index(after: colon)...]))
        }
        return (withoutDigest, "latest")
    }
}
