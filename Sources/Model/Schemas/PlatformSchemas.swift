/// The stackc document kinds whose shape is a platform request body (PLATFORM_API.md §2, §4, §5):
/// configmap, secret, v2 application, Alauda service and aliyun volume.
///
/// Each takes a top-level `kind:` string, the explicit marker document detection reads; lowering drops
/// it. No `x-` keys: these documents are sent as they are written, so an extension key would reach the
/// API. Types are the bodies' own, so what lints clean also builds a body its schema accepts, except
/// where noted (values a template may write as numbers that lowering sends as strings).
public enum PlatformSchemas {
    static let kindMarker: (String, FieldType) = ("kind", .string)

    // MARK: ConfigMap and Secret (v2 API)

    /// `{name, data}`. Values are strings: a file's or a variable's content (`port: "8080"`; an
    /// unquoted `8080` is a number and the API takes only strings).
    public static let configMap: FieldType = .object(ObjectSchema("configmap", allowsExtensions: false, required: ["name", "data"], fields: [
        kindMarker,
        ("name", .string),
        ("data", .map(.string)),
    ]))

    /// `{name, data?, stringData?}`: `data` values are base64 (as the API wants them), `stringData`
    /// values are plain text that stackc encodes, as in Kubernetes. Neither is required on its own:
    /// a secret may be written either way (the secret rules check that it has some data).
    public static let secret: FieldType = .object(ObjectSchema("secret", allowsExtensions: false, required: ["name"], fields: [
        kindMarker,
        ("name", .string),
        ("data", .map(.string)),
        ("stringData", .map(.string)),
    ]))

    // MARK: v2 application

    public static let application: FieldType = .object(ObjectSchema("v2 application", allowsExtensions: false, required: ["name", "imageRef"], fields: [
        kindMarker,
        ("name", .string),
        ("imageRef", .string),
        ("resources", .object(applicationResources)),
        ("instanceNum", .integer),
        ("cmd", .string),
        ("dockerEnv", .list(.object(ObjectSchema("dockerEnv entry", allowsExtensions: false, required: ["name"], fields: [
            ("name", .string), ("value", .string),
        ])))),
        ("portMappings", .list(.object(ObjectSchema("port mapping", allowsExtensions: false, required: ["containerPort"], fields: [
            // `tcp` or `udp`: the port-syntax rule checks the value.
            ("protocol", .string), ("containerPort", .integer),
        ])))),
        ("dockerLogDir", .string),
        ("dockerDataDir", .string),
        // `"rbd1:/data/rbd1,rbd2:/data/rbd2"`: one string, as the API takes it.
        ("volumes", .string),
        ("networkType", .integer),
        ("userName", .string),
        ("scale", .object(scale)),
        ("configMap", .list(.object(keyedMount("configMap reference")))),
        ("secret", .list(.object(keyedMount("secret reference")))),
        ("internalVolumes", .list(.object(ObjectSchema("disk volume (internalVolumes)", allowsExtensions: false, required: ["volumeSize", "mountPath"], fields: [
            ("allocateMode", .enumeration(["new"])),
            ("fsType", .enumeration(["ext4", "xfs"])),
            // Gigabytes.
            ("volumeSize", .integer),
            ("mountPath", .string),
        ])))),
        ("nodeLabels", .map(.string)),
    ]))

    /// `{cpu, mem, disk, gpu}`. The API shows strings (`"0.1"`, `"256Mi"`, `"0"`); a template may
    /// write `cpu: 0.5` or `gpu: 0`, which lowering sends as strings.
    static let applicationResources = ObjectSchema("resources section", allowsExtensions: false, fields: [
        ("cpu", .numberOrString), ("mem", .numberOrString), ("disk", .numberOrString), ("gpu", .numberOrString),
    ])

    /// The autoscaling bounds of podstack and applications.
    static let scale = ObjectSchema("scale section", allowsExtensions: false, required: ["minReplicas", "maxReplicas"], fields: [
        ("minReplicas", .integer), ("maxReplicas", .integer), ("targetCPUUtilization", .integer),
    ])

    /// A configMap or secret given to an application: as files (`type: Volume`, with `mountPath`) or
    /// as environment variables (`type: Env`).
    static func keyedMount(_ name: String) -> ObjectSchema {
        ObjectSchema(name, allowsExtensions: false, required: ["type", "name"], fields: [
            ("type", .enumeration(["Volume", "Env"])),
            ("name", .string),
            ("key", .stringList),
            ("mountPath", .string),
        ])
    }

    // MARK: Alauda service (v1 API)

    public static let alaudaService: FieldType = .object(ObjectSchema("service definition for Alauda", allowsExtensions: false, required: ["service_name", "image_name"], fields: [
        kindMarker,
        ("service_name", .string),
        ("namespace", .string),
        // An application's name, or null for a service outside any application.
        ("application", .oneOf([.string, .null])),
        ("image_name", .string),
        ("image_tag", .string),
        ("run_command", .string),
        // The fields with fixed values are strings here: the alauda-enum rule checks their values
        // and suggests the right spelling (`xs` → `XS`), which a schema message could not.
        ("instance_size", .string),
        ("scaling_mode", .string),
        ("target_state", .string),
        ("custom_domain_name", .string),
        // Not documented beyond its name (003): names of applications to link to, as a list or a
        // mapping; left unchecked rather than guessed.
        ("linked_to_apps", .any),
        ("target_num_instances", .integer),
        ("instance_envvars", .map(.string)),
        ("instance_ports", .list(.object(ObjectSchema("service port (instance_ports)", allowsExtensions: false, required: ["container_port"], fields: [
            ("container_port", .integer),
            ("protocol", .string),
            ("endpoint_type", .string),
        ])))),
        ("autoscaling_config", .object(autoscalingConfig)),
        ("volumes", .list(.object(ObjectSchema("volume", allowsExtensions: false, required: ["app_volume_dir", "size_gb"], fields: [
            ("app_volume_dir", .string),
            ("volume_type", .string),
            ("size_gb", .integer),
        ])))),
        ("region_name", .string),
    ]))

    /// Used when `scaling_mode` is `AUTO`. The documentation's example sends every value as a string
    /// (`"0.6"`, `"2"`); numbers are accepted as well, because that is how a template naturally
    /// writes them.
    static let autoscalingConfig = ObjectSchema("scaling policy (autoscaling_config)", allowsExtensions: false, fields: [
        ("metric_name", .string),
        ("metric_stat", .string),
        ("upper_threshold", .numberOrString),
        ("lower_threshold", .numberOrString),
        ("decrease_delta", .numberOrString),
        ("increase_delta", .numberOrString),
        ("minimum_num_instances", .numberOrString),
        ("maximum_num_instances", .numberOrString),
        ("wait_period", .numberOrString),
    ])

    // MARK: aliyun volume

    /// `{name, driver, driverOpts}`. The driver and its options are the volume-driver-opts rule's: it
    /// knows the documented drivers (`nas`, `ossfs`) and the options each requires, says to quote
    /// `mode: 755` and what an empty or null option should hold, so here the options are only scalars
    /// or null, and `driverOpts` itself is optional (the rule names the options a missing one needs).
    public static let aliyunVolume: FieldType = .object(ObjectSchema("volume definition for aliyun", allowsExtensions: false, required: ["name", "driver"], fields: [
        kindMarker,
        ("name", .string),
        ("driver", .string),
        ("driverOpts", .map(.oneOf([.string, .number, .boolean, .null]))),
    ]))
}
