/// `deploy:` of a Compose service (the swarm-era section Compose v2 reads for replicas and resources).
/// Every object here takes `x-` keys, as compose-spec allows.
extension ComposeSchema {
    static let deploy = ObjectSchema("deploy section", fields: [
        ("mode", .string),
        ("endpoint_mode", .string),
        // `replicas: "3"` is fine (and `${REPLICAS}` before substitution); `2.5` is not.
        ("replicas", .convertedInteger),
        ("labels", .listOrDict),
        ("rollback_config", .object(updateConfig("rollback config"))),
        ("update_config", .object(updateConfig("rolling-update config"))),
        ("resources", .object(resources)),
        ("restart_policy", .object(restartPolicy)),
        ("placement", .object(placement)),
    ])

    static func updateConfig(_ name: String) -> ObjectSchema {
        ObjectSchema(name, fields: [
            ("parallelism", .convertedUnsigned),
            ("delay", .string),
            ("failure_action", .string),
            ("monitor", .string),
            ("max_failure_ratio", .converted(.number, .float)),
            ("order", .enumeration(["start-first", "stop-first"])),
        ])
    }

    static let resources = ObjectSchema("resources section", fields: [
        ("limits", .object(resourceLimits)),
        ("reservations", .object(resourceReservations)),
    ])

    static let resourceLimits = ObjectSchema("resource limit section", fields: [
        ("cpus", .numberOrString),
        // A bare number has no unit, and Compose refuses it: `memory: 512M`, not `memory: 512`.
        ("memory", .string),
        ("pids", .integerOrString),
    ])

    static let resourceReservations = ObjectSchema("resource reservation section", fields: [
        ("cpus", .numberOrString),
        ("memory", .string),
        ("generic_resources", .list(.object(genericResource))),
        ("devices", .list(.object(deviceRequest))),
    ])

    static let genericResource = ObjectSchema("generic resource", fields: [
        ("discrete_resource_spec", .object(ObjectSchema("discrete resource", fields: [
            ("kind", .string),
            ("value", .numberOrString),
        ]))),
    ])

    /// A device reservation must say which capabilities it needs (`[gpu]`).
    static let deviceRequest = ObjectSchema("device request", required: ["capabilities"], fields: deviceRequestFields)

    static let restartPolicy = ObjectSchema("restart policy", fields: [
        ("condition", .string),
        ("delay", .string),
        ("max_attempts", .convertedUnsigned),
        ("window", .string),
    ])

    static let placement = ObjectSchema("placement section", fields: [
        ("constraints", .stringList),
        ("preferences", .list(.object(ObjectSchema("placement preference", fields: [("spread", .string)])))),
        ("max_replicas_per_node", .convertedUnsigned),
    ])
}
