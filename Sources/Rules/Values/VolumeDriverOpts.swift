import Model

/// An aliyun data volume whose driver options the driver cannot use.
struct VolumeDriverOpts: Rule {
    static let description = RuleDescription(
        id: "volume-driver-opts", severity: .error, kinds: [.aliyunVolume],
        summary: "aliyun nas and ossfs volumes need their driver options, as strings, and no others",
        rationale: """
        The cluster's volume API (`POST /volumes/create`, PLATFORM_API.md §2) hands `driverOpts` to the volume driver.
        The `nas` driver needs `diskid`, `host`, `path` and `mode`; the `ossfs` driver needs `bucket`, `ak_id`,
        `ak_secret` and `url`, and also takes `no_stat_cache` (`"true"` or `"false"`) and `other_opts`. Docker passes
        driver options as strings, so a number such as `mode: 755` must be quoted. A missing or misspelt option makes
        the volume fail when a container first mounts it, long after it was created. A driver name close to `nas`
        or `ossfs` is taken for a typo; other drivers are volume plugins stackc does not know, and their options are
        not checked. Messages never show the value of `ak_secret`.
        """,
        triggering: [
            Example("""
            name: uploads
            driver: nas
            ↓driverOpts:
              diskid: 0b1234-abcd
              host: 0b1234-abcd.cn-hangzhou.nas.aliyuncs.com
              mode: ↓755
              ↓pth: /uploads
            """, messages: [
                "driverOpts.mode is an integer; the nas driver takes strings, quote it: '755'",
                "driverOpts has 'pth', which the nas driver does not take; did you mean 'path'?",
                "driverOpts lacks 'path', which the nas driver requires",
            ]),
            Example("""
            name: assets
            driver: ↓ossf
            """, messages: ["driver is 'ossf', not one of 'nas', 'ossfs'; did you mean 'ossfs'?"]),
            Example("""
            name: assets
            driver: ossfs
            driverOpts:
              bucket: my-assets
              ak_id: LTAI000000
              ak_secret: ↓12345
              url: oss-cn-hangzhou.aliyuncs.com
              no_stat_cache: ↓"yes"
            """, messages: [
                "driverOpts.ak_secret is an integer; the ossfs driver takes strings, quote it",
                "driverOpts.no_stat_cache is 'yes', not one of 'true', 'false'",
            ]),
        ],
        nonTriggering: [
            Example("""
            name: assets
            driver: ossfs
            driverOpts:
              bucket: my-assets
              ak_id: LTAI000000
              ak_secret: not-shown
              url: oss-cn-hangzhou.aliyuncs.com
              no_stat_cache: "true"
              other_opts: "-o max_stat_cache_size=1000"
            """),
            Example("""
            name: scratch
            driver: local
            driverOpts: {type: tmpfs, device: tmpfs, o: "size=100m"}
            """),
        ])

    /// Each known driver's required and optional options.
    static let drivers: [String: (required: [String], optional: [String])] = [
        "nas": (["diskid", "host", "path", "mode"], []),
        "ossfs": (["bucket", "ak_id", "ak_secret", "url"], ["no_stat_cache", "other_opts"]),
    ]
    static let driverNames = drivers.keys.sorted()
    /// Options whose values are credentials and must never appear in a message.
    static let credentials: Set<String> = ["ak_secret"]

    func check(_ document: Document, context: inout RuleContext) {
        guard case .other(.aliyunVolume, let root) = document, let driver = root["driver"]?.string else { return }
        guard let options = Self.drivers[driver.value] else {
            if Suggestions.closest(to: driver.value, among: Self.driverNames) != nil {
                context.requireOneOf(driver, Self.driverNames, field: "driver")
            }
            return
        }
        let given = root["driverOpts"]?.entries ?? []
        let known = options.required + options.optional
        for (key, value) in given {
            guard known.contains(key.value) else {
                let fix = Suggestions.closest(to: key.value, among: known).map { "did you mean '\($0)'?" }
                    ?? "it takes \(RuleContext.quotedList(known))"
                context.report("driverOpts has '\(key.value)', which the \(driver.value) driver does not take; \(fix)", at: key)
                continue
            }
            guard case .string = value.node.resolved, let text = value.string else {
                let found = value.isScalar ? value.node.resolved.typeDescription : "a \(value.isMapping ? "mapping" : "list")"
                let shown = Self.credentials.contains(key.value) || !value.isScalar || value.isNull ? "" : ": '\(value.node.text)'"
                context.report("driverOpts.\(key.value) is \(found); the \(driver.value) driver takes strings, quote it\(shown)", at: value)
                continue
            }
            if key.value == "no_stat_cache" {
                context.requireOneOf(text, ["true", "false"], field: "driverOpts.no_stat_cache")
            }
        }
        let missing = options.required.filter { name in !given.contains { $0.key.value == name } }
        if !missing.isEmpty {
            let anchor = root.entries.first { $0.key.value == "driverOpts" }?.key ?? driver
            context.report("driverOpts lacks \(RuleContext.quotedList(missing)), which the \(driver.value) driver requires", at: anchor)
        }
    }
}
