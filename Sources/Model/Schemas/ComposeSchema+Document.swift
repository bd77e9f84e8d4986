/// The top level of a `services:`-layout Compose file (v2, v3 and the Compose Specification) and the
/// shared resources it defines.
extension ComposeSchema {
    public static let document: FieldType = .object(file)

    static let file = ObjectSchema("Compose file", fields: [
        // A string: `version: 3.8` is a number and Compose refuses it (it ignores the value otherwise).
        ("version", .string),
        ("name", .string),
        ("include", .list(.oneOf([.string, .object(include)]))),
        // Not null: Compose refuses an empty `services:`, though it accepts `services: {}`.
        ("services", .map(.object(service))),
        ("models", .map(.object(model))),
        // `networks: {front: }` and `volumes: {data: }` declare a resource with every default.
        ("networks", .map(.oneOf([.object(network), .null]))),
        ("volumes", .map(.oneOf([.object(volume), .null]))),
        // Secrets and configs have no defaults to fall back on: each needs a mapping.
        ("secrets", .map(.object(secret))),
        ("configs", .map(.object(config))),
    ])

    /// An `include` entry in the long syntax. Compose reads includes before its schema pass and ignores
    /// keys it does not know, so an entry with a misspelt `pth:` silently includes nothing; stackc
    /// reports the key instead (and takes `x-` keys, as Compose does).
    static let include = ObjectSchema("project to include", fields: [
        ("path", .stringOrDistinctList),
        ("env_file", .stringOrDistinctList),
        ("project_directory", .string),
    ])

    static let model = ObjectSchema("model", required: ["model"], fields: [
        ("name", .string),
        ("model", .string),
        ("context_size", .integer),
        ("runtime_flags", .stringList),
    ])

    static let network = ObjectSchema("network", fields: [
        ("name", .string),
        ("driver", .string),
        ("driver_opts", driverOptions),
        ("ipam", .object(ipam)),
        ("external", external),
        ("internal", .convertedBoolean),
        ("enable_ipv4", .convertedBoolean),
        ("enable_ipv6", .convertedBoolean),
        ("attachable", .convertedBoolean),
        ("labels", .listOrDict),
    ])

    static let ipam = ObjectSchema("network IPAM section", fields: [
        ("driver", .string),
        ("config", .list(.object(ipamPool))),
        ("options", .map(.string)),
    ])

    static let ipamPool = ObjectSchema("subnet definition", fields: [
        ("subnet", .string),
        ("ip_range", .string),
        ("gateway", .string),
        ("aux_addresses", .map(.string)),
    ])

    static let volume = ObjectSchema("volume", fields: [
        ("name", .string),
        ("driver", .string),
        ("driver_opts", driverOptions),
        ("external", external),
        ("labels", .distinctListOrDict),
    ])

    static let secret = ObjectSchema("secret", fields: [
        ("name", .string),
        ("environment", .string),
        ("file", .string),
        ("external", external),
        ("labels", .distinctListOrDict),
        ("driver", .string),
        ("driver_opts", driverOptions),
        ("template_driver", .string),
    ])

    static let config = ObjectSchema("config", fields: [
        ("name", .string),
        ("content", .string),
        ("environment", .string),
        ("file", .string),
        ("external", external),
        ("labels", .distinctListOrDict),
        ("template_driver", .string),
    ])

    /// `external: true`, `external: "true"` or the deprecated `external: {name: real-name}`. For
    /// secrets and configs compose-spec leaves the object open, and Compose ignores unknown keys in it;
    /// stackc reports them everywhere, as Compose does for networks and volumes.
    static let external: FieldType = .oneOf([.convertedBoolean, .object(ObjectSchema("reference to an existing resource", fields: [("name", .string)]))])
}
