/// The `aliyun.*` label names the classic (Swarm) Container Service knows and what each takes, after
/// ALIYUN.md §3.2 (Alibaba's Kompose fork, `pkg/loader/compose/aliyun.go`, mirrors the service's own
/// parser). A name the platform does not know is silently ignored there, so a typo loses the setting
/// without a word; this catalogue is what tells the two apart.
public enum AliyunLabelCatalogue {
    /// What a label's value must be.
    public enum Value: Sendable, Equatable {
        /// A whole number, at least `minimum`; `meaning` says what it counts, for messages.
        case integer(minimum: Int, meaning: String?)
        /// `true` or `false`, in any case.
        case boolean
        /// Comma-separated service names (`aliyun.depends`).
        case serviceNames
        /// `[scheme://]domain-or-prefix[/context]` entries separated by `;` (`AliyunRoute`).
        case routing
        /// `scheme://slb_name_or_id:front_port` entries separated by `;` (`AliyunLoadBalancer`).
        case loadBalancer
        /// `http://container[:port]/path` or `tcp://container:port` (`AliyunProbe`).
        case probeURL
        /// `stdout` or an absolute path inside the container.
        case logPath
        /// Text the catalogue knows only by name (a command, a project, a monitoring setting).
        case text

        /// The format as messages describe it.
        public var format: String {
            switch self {
            case .integer(let minimum, let meaning): "a whole number ≥ \(minimum)" + (meaning.map { " (\($0))" } ?? "")
            case .boolean: "'true' or 'false'"
            case .serviceNames: "service names separated by commas, e.g. 'db,cache'"
            case .routing: "'[scheme://]domain-or-prefix[/context]' entries separated by ';', e.g. 'web;http://www.example.com/app'"
            case .loadBalancer: "'scheme://slb_name_or_id:front_port' entries separated by ';', e.g. 'tcp://my-slb:80'"
            case .probeURL: "'http://container[:port]/path' or 'tcp://container:port'"
            case .logPath: "'stdout' or an absolute path inside the container"
            case .text: "text"
            }
        }
    }

    /// What a label name is.
    public enum Entry: Sendable, Equatable {
        case known(Value)
        /// A family whose name ends in a container port (`aliyun.routing.port_80`), with a suffix that is
        /// not a port 1–65535.
        case invalidPort(family: String, suffix: String)
        /// A family whose name ends in a logstore name (`aliyun.log_store_access`), with none.
        case missingLogstore(family: String)
        case unknown
    }

    /// Labels of fixed name.
    public static let fixed: [String: Value] = {
        var names: [String: Value] = [
            "aliyun.scale": .integer(minimum: 0, meaning: "the number of containers"),
            "aliyun.global": .boolean,
            "aliyun.rolling_updates": .boolean,
            "aliyun.rolling_updates.parallelism": .integer(minimum: 1, meaning: "containers updated at a time"),
            "aliyun.depends": .serviceNames,
            "aliyun.routing.session_sticky": .boolean,
            "aliyun.probe.url": .probeURL,
            "aliyun.probe.cmd": .text,
            "aliyun.probe.timeout_seconds": .integer(minimum: 0, meaning: "seconds"),
            "aliyun.probe.initial_delay_seconds": .integer(minimum: 0, meaning: "seconds"),
            "aliyun.log_project": .text,
            "aliyun.log.timestamp": .boolean,
            "aliyun.logs": .text,
            "aliyun.latest_image": .boolean,
            "aliyun.gpu": .integer(minimum: 0, meaning: "the number of GPUs"),
            "aliyun.custom_addon": .text,
            "aliyun.addon": .text,
        ]
        for metric in ["cpu", "memory", "internetInRate", "internetOutRate", "instances"] {
            for bound in ["max", "min"] {
                names["aliyun.auto_scaling.\(bound)_\(metric)"] = .integer(minimum: 0, meaning: metric == "instances" ? "containers" : nil)
            }
        }
        names["aliyun.auto_scaling.step"] = .integer(minimum: 0, meaning: "containers added or removed at a time")
        names["aliyun.auto_scaling.period"] = .integer(minimum: 0, meaning: nil)
        // Known by name only (Kompose constants, official samples): any value passes.
        let namesOnly = ["routing.weight", "routing.ssl_cert", "routing.extra_setting", "routing.timeout_setting", "routing.worker",
                         "monitoring.conf", "monitoring.http", "monitoring.script", "monitoring.reload", "monitoring.tags",
                         "monitoring.format", "monitoring.interval", "monitoring.addon.influxdb",
                         "monitoring.addon.influxdb_retention_policy", "monitoring.addon.prometheus"]
        for name in namesOnly {
            names["aliyun." + name] = .text
        }
        return names
    }()

    /// Families whose name ends in a container port.
    public static let portFamilies: [(prefix: String, value: Value)] = [
        ("aliyun.routing.port_", .routing),
        ("aliyun.lb.port_", .loadBalancer),
        ("aliyun.vip.port_", .text),
    ]

    /// Families whose name ends in a logstore name.
    public static let logstoreFamilies: [(prefix: String, value: Value)] = [
        ("aliyun.log_store_", .logPath),
        ("aliyun.log_ttl_", .integer(minimum: 1, meaning: "days")),
    ]

    /// Settings of the acs/proxy image, seen in samples with any name (`aliyun.proxy.VIRTUAL_HOST`).
    public static let proxyPrefix = "aliyun.proxy."

    public static func entry(_ name: String) -> Entry {
        if let value = fixed[name] { return .known(value) }
        for family in portFamilies where name.hasPrefix(ascii: family.prefix) {
            guard containerPort(of: name) != nil else { return .invalidPort(family: family.prefix, suffix: String(name.dropFirst(family.prefix.count))) }
            return .known(family.value)
        }
        for family in logstoreFamilies where name.hasPrefix(ascii: family.prefix) {
            return name.count == family.prefix.count ? .missingLogstore(family: family.prefix) : .known(family.value)
        }
        return name.hasPrefix(ascii: proxyPrefix) && name.count > proxyPrefix.count ? .known(.text) : .unknown
    }

    /// The container port a name of a port family ends in (`aliyun.lb.port_80`: 80); nil for other
    /// names, and for a suffix that is not 1–65535 written in digits.
    public static func containerPort(of name: String) -> Int? {
        portFamilies.first { name.hasPrefix(ascii: $0.prefix) }.flatMap { AliyunText.number(name.dropFirst($0.prefix.count), in: 1...65535) }
    }

    /// The known name an unknown one most likely misspells. Family names are tried with the unknown
    /// name's own ending, split where the family's prefix would end (give or take two characters), so
    /// `aliyun.routing.prot_80` finds `aliyun.routing.port_80`. `aliyun.proxy.*` is left out: it takes
    /// any name, so it would "correct" every misspelt `aliyun.probe.*`.
    public static func suggestion(for name: String) -> String? {
        var candidates = Array(fixed.keys)
        for prefix in (portFamilies + logstoreFamilies).map(\.prefix) {
            for cut in max(0, prefix.count - 2)...(prefix.count + 2) where cut < name.count {
                candidates.append(prefix + name.dropFirst(cut))
            }
        }
        // Sorted so that ties between equally close names always resolve the same way.
        return Suggestions.closest(to: name, among: candidates.sorted())
    }
}
