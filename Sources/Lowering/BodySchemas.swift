import Model

/// The request bodies' shapes, from PLATFORM_API.md; each target's `bodySchema` picks one. Kept in one
/// file because several targets share pieces (the aliyun project fields, podstack scale).
enum BodySchemas {
    static let environment: FieldType = .map(.string)

    static let aliyunProject = ObjectSchema("aliyun project create body", allowsExtensions: false, required: ["name", "template"], fields: [
        ("name", .string), ("description", .string), ("template", .string), ("version", .string),
        ("environment", environment), ("latest_image", .boolean),
    ])

    static let aliyunProjectUpdate = ObjectSchema("aliyun project update body", allowsExtensions: false, required: ["template", "version"], fields: [
        ("update_method", .enumeration(["blue-green"])), ("description", .string), ("template", .string), ("version", .string),
        ("latest_image", .boolean), ("environment", environment),
    ])

    static let aliyunVolume = ObjectSchema("aliyun volume body", allowsExtensions: false, required: ["name", "driver", "driverOpts"], fields: [
        ("name", .string), ("driver", .string), ("driverOpts", .map(.string)),
    ])

    static let aliyunScale = ObjectSchema("aliyun scale body", allowsExtensions: false, required: ["type", "value"], fields: [
        ("type", .enumeration(["scale_to"])), ("value", .integer),
    ])

    static let scale = ObjectSchema("scale", allowsExtensions: false, required: ["minReplicas", "maxReplicas", "targetCPUUtilization"], fields: [
        ("minReplicas", .integer), ("maxReplicas", .integer), ("targetCPUUtilization", .integer),
    ])

    static let podstack = ObjectSchema("podstack create body", allowsExtensions: false, required: ["stackInstanceName", "content", "scale"], fields: [
        ("stackInstanceName", .string), ("content", .string), ("scale", .object(scale)),
    ])

    static let podstackUpdate = ObjectSchema("podstack update body", allowsExtensions: false, required: ["content"], fields: [("content", .string)])

    static let compose = ObjectSchema("compose create body", allowsExtensions: false, required: ["stackInstanceName", "content"], fields: [
        ("stackInstanceName", .string), ("content", .string),
    ])

    static let keyedData = ObjectSchema("configmap or secret body", allowsExtensions: false, required: ["name", "data"], fields: [
        ("name", .string), ("data", .map(.string)),
    ])

    static let application = ObjectSchema("application create body", allowsExtensions: false, required: ["name", "imageRef"], fields: [
        ("name", .string), ("imageRef", .string), ("resources", .map(.string)), ("instanceNum", .integer), ("cmd", .string),
        ("dockerEnv", .list(.object(ObjectSchema("dockerEnv entry", allowsExtensions: false, fields: [("name", .string), ("value", .string)])))),
        ("portMappings", .list(.object(ObjectSchema("port mapping", allowsExtensions: false, fields: [("protocol", .enumeration(["tcp", "udp"])), ("containerPort", .integer)])))),
        ("dockerLogDir", .string), ("dockerDataDir", .string), ("volumes", .string), ("networkType", .integer), ("userName", .string),
        ("scale", .object(scale)), ("configMap", .list(.any)), ("secret", .list(.any)), ("internalVolumes", .list(.any)), ("nodeLabels", .map(.string)),
    ])

    static let alaudaService = ObjectSchema("Alauda service create body", allowsExtensions: false, required: ["service_name", "image_name"], fields: [
        ("service_name", .string), ("namespace", .string), ("application", .oneOf([.string, .null])), ("image_name", .string), ("image_tag", .string),
        ("run_command", .string), ("instance_size", .enumeration(["XS", "S", "M", "L", "XL"])), ("scaling_mode", .enumeration(["MANUAL", "AUTO"])),
        ("target_state", .enumeration(["STARTED", "STOPPED"])), ("custom_domain_name", .string), ("linked_to_apps", .any),
        ("target_num_instances", .integer), ("instance_envvars", .map(.string)), ("instance_ports", .list(.object(ObjectSchema("instance port", allowsExtensions: false, fields: [
            ("container_port", .integer), ("protocol", .string), ("endpoint_type", .string),
        ])))),
        ("autoscaling_config", .map(.oneOf([.string, .integer]))),
        ("volumes", .list(.object(ObjectSchema("volume", allowsExtensions: false, fields: [("app_volume_dir", .string), ("volume_type", .string), ("size_gb", .integer)])))),
        ("region_name", .string),
    ])
}
