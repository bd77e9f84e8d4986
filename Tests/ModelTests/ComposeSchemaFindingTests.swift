import Model
import Testing

/// The exact findings — rule, position and message — for a hand-picked set of the oracle's documents:
/// typos at several depths, wrong scalar types, wrong shapes, missing keys, and a typo brought in by a
/// merge key, which is reported where it was written.
struct ComposeSchemaFindingTests {
    static let expected: [(name: String, findings: [String])] = [
        ("top-typo-service", ["unknown-field@1:1 a Compose file has no key 'service'; did you mean 'services'?"]),
        ("top-unknown-key", ["unknown-field@4:1 a Compose file has no key 'foo' (stackc schema lists the keys it allows)"]),
        ("services-null", ["type-mismatch@1:10 services must be a mapping, not null"]),
        ("version-number", ["type-mismatch@1:10 version must be a string, not a number"]),
        ("service-typo-image", ["unknown-field@4:5 services.web (a service) has no key 'imag'; did you mean 'image'?"]),
        ("image-number", ["type-mismatch@3:12 services.web.image must be a string, not a number"]),
        ("user-integer", ["type-mismatch@4:11 services.web.user must be a string, not an integer"]),
        ("environment-null", ["type-mismatch@4:17 services.web.environment must be a mapping or a list of strings, not null"]),
        ("environment-nested-list", ["type-mismatch@5:10 services.web.environment.A must be a string or a number or a boolean or empty, not a sequence"]),
        ("command-list-number", ["type-mismatch@4:22 services.web.command[1] must be a string, not an integer"]),
        ("ports-long-typo", [
            "unknown-field@5:9 services.web.ports[0] (a port mapping) has no key 'taget'; did you mean 'target'?",
            "missing-field@5:9 services.web.ports[0] (a port mapping) needs the key 'target'",
        ]),
        ("ports-float-item", ["type-mismatch@5:9 services.web.ports[0] must be an integer or a string or a mapping, not a number"]),
        ("volumes-long-bad-type", ["type-mismatch@5:15 services.web.volumes[0].type must be one of 'bind', 'volume', 'tmpfs', 'cluster', 'npipe', 'image', not 'nfs'"]),
        ("volumes-long-bind-typo", ["unknown-field@9:11 services.web.volumes[0].bind (a set of bind options) has no key 'propogation'; did you mean 'propagation'?"]),
        ("depends-on-map-missing-condition", ["missing-field@6:9 services.web.depends_on.db (a dependency) needs the key 'condition'"]),
        ("depends-on-map-bad-condition", ["type-mismatch@6:20 services.web.depends_on.db.condition must be one of 'service_started', 'service_healthy', 'service_completed_successfully', not 'service_ready'"]),
        ("build-typo", ["unknown-field@5:7 services.web.build (a build section) has no key 'dockerfil'; did you mean 'dockerfile'?"]),
        ("healthcheck-interval-number", ["type-mismatch@6:17 services.web.healthcheck.interval must be a string, not an integer"]),
        ("deploy-typo-replica", ["unknown-field@5:7 services.web.deploy (a deploy section) has no key 'replica'; did you mean 'replicas'?"]),
        ("deploy-limits-memory-number", ["type-mismatch@7:19 services.web.deploy.resources.limits.memory must be a string, not an integer"]),
        ("deploy-reservations-device-missing-capabilities", ["missing-field@8:15 services.web.deploy.resources.reservations.devices[0] (a device request) needs the key 'capabilities'"]),
        ("logging-options-boolean", ["type-mismatch@6:19 services.web.logging.options.compress must be a string or a number or empty, not a boolean"]),
        ("ulimits-missing-hard", ["missing-field@6:9 services.web.ulimits.nofile (a ulimit) needs the key 'hard'"]),
        ("blkio-config-extension", ["unknown-field@5:7 services.web.blkio_config (a blkio config) has no key 'x-note' (stackc schema lists the keys it allows)"]),
        ("gpus-bad-string", ["type-mismatch@4:11 services.web.gpus must be one of 'all' or a list of mappings, not a string"]),
        ("networks-ipam-config-typo", ["unknown-field@8:11 networks.front.ipam.config[0] (a subnet definition) has no key 'subnt'; did you mean 'subnet'?"]),
        ("volumes-string-value", ["type-mismatch@5:9 volumes.data must be a mapping or empty, not a string"]),
        ("secrets-typo", ["unknown-field@6:5 secrets.token (a secret) has no key 'fiel'; did you mean 'file'?"]),
        ("merge-key-brings-typo", ["unknown-field@3:3 services.web (a service) has no key 'restrat'; did you mean 'restart'?"]),
        ("variable-in-boolean-key", ["type-mismatch@4:21 services.web.use_api_socket must be a boolean, not a string"]),
    ]

    @Test func enoughCases() {
        #expect(Self.expected.count >= 20)
    }

    /// Counts Compose decodes into unsigned fields: -1 passes its schema and fails the decoding
    /// ("cannot parse value as 'uint64': -1 overflows uint", v2.40.3); 0 is fine.
    @Test func unsignedCountsRefuseNegativeValues() {
        let text = """
            services:
              web:
                image: busybox
                deploy:
                  update_config: {parallelism: -1}
                  rollback_config: {parallelism: 0}
                  restart_policy: {max_attempts: "-1"}
                  placement: {max_replicas_per_node: -2}
            """
        #expect(SchemaFindings.of(text, as: ComposeSchema.document) == [
            "type-mismatch@5:36 services.web.deploy.update_config.parallelism must be an integer of 0 or more or a string Docker Compose reads as an integer, not -1",
            "type-mismatch@7:38 services.web.deploy.restart_policy.max_attempts is '-1', which Docker Compose reads as an integer, not an integer of 0 or more; use a whole number such as 3",
            "type-mismatch@8:42 services.web.deploy.placement.max_replicas_per_node must be an integer of 0 or more or a string Docker Compose reads as an integer, not -2",
        ])
    }

    @Test(arguments: expected.map(\.name))
    func exactFindings(_ name: String) throws {
        let oracle = try #require(ComposeSchemaOracleTests.cases.first { $0.name == name }, "no oracle case \(name)")
        #expect(!oracle.composeAccepts, "Compose refuses every case here")
        let expected = Self.expected.first { $0.name == name }!.findings
        #expect(SchemaFindings.of(oracle.yaml, as: ComposeSchema.document) == expected)
    }
}
