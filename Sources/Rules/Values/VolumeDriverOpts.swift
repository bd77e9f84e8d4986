import Model

/// An aliyun data volume whose driver the cluster does not document, or whose driver options the driver cannot use.
struct VolumeDriverOpts: Rule {
    static let description = RuleDescription(
        id: "volume-driver-opts", severity: .error, kinds: [.aliyunVolume],
        summary: "aliyun volumes use the nas or ossfs driver with its driver options, as non-empty strings, and no others",
        rationale: """
        The cluster's volume API (`POST /volumes/create`, PLATFORM_API.md §2) documents two drivers: "currently
        supports ossfs, nas" (002; 000 names only nas), and requires `driverOpts`, which it hands to the driver. Any
        other driver (`local`, a volume plugin) is an error: the platform documents no other, so such a volume is
        refused, or works only on a cluster that happens to have the plugin, with options nobody checked; a name
        close to `nas` or `ossfs` gets the fix suggested. The `nas` driver needs `diskid`, `host`, `path` and `mode`;
        the `ossfs` driver needs `bucket`, `ak_id`, `ak_secret` and `url`, and also takes `no_stat_cache` (`"true"`
        or `"false"`) and `other_opts`. All are documented as strings: Docker passes driver options as strings, so a
        number such as `mode: 755` must be quoted, and a required option that is empty or null (`diskid: ""`) names
        no disk, host or bucket. A missing, empty or misspelt option makes the volume fail when a container first
        mounts it, long after it was created. A value left empty by an unset variable is `unset-variable`'s.
        Messages never show the value of `ak_secret`.
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
            """, messages: ["driver is 'ossf', not one of 'nas', 'ossfs'; did you mean 'ossfs'?"], fixed: """
            name: assets
            driver: ossfs
            """),
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
            Example("""
            name: scratch
            driver: ↓local
            driverOpts: {type: tmpfs, device: tmpfs, o: "size=100m"}
            """, messages: ["driver is 'local', not one of 'nas', 'ossfs'"]),
            Example("""
            name: uploads
            driver: ↓nas
            """, messages: ["the volume has no driverOpts; the nas driver requires driverOpts with 'diskid', 'host', 'path', 'mode'"]),
            Example("""
            name: uploads
            driver: nas
            driverOpts:
              diskid: ↓""
              host: ↓'  '
              path:↓
              mode: "755"
            """, messages: [
                "driverOpts.diskid is empty; the nas driver requires a non-empty string: the NAS disk id",
                "driverOpts.host is blank; the nas driver requires a non-empty string: the NAS mount-point domain",
                "driverOpts.path is null; the nas driver requires a non-empty string: the sub-directory of the NAS disk to mount, such as '/uploads'",
            ]),
            Example("""
            name: assets
            driver: ossfs
            driverOpts: {bucket: my-assets, ak_id: LTAI000000, ak_secret: ↓"", url: oss-cn-hangzhou.aliyuncs.com, other_opts: ↓~}
            """, messages: [
                "driverOpts.ak_secret is empty; the ossfs driver requires a non-empty string: the AccessKey secret",
                "driverOpts.other_opts is null; the ossfs driver takes strings: give it a value or leave it out",
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
            name: uploads
            driver: nas
            driverOpts:
              diskid: 0b1234-abcd
              host: "${NAS_HOST}"
              path: /
              mode: "755"
            """),
            Example("""
            name: assets
            driver: "${VOLUME_DRIVER}"
            """),
            Example("""
            name: assets
            driver: ossfs
            driverOpts: {bucket: my-assets, ak_id: LTAI000000, ak_secret: "${OSS_SECRET}", url: oss-cn-hangzhou.aliyuncs.com, other_opts: ""}
            """),
        ])

    /// Each documented driver's required and optional options.
    static let drivers: [String: (required: [String], optional: [String])] = [
        "nas": (["diskid", "host", "path", "mode"], []),
        "ossfs": (["bucket", "ak_id", "ak_secret", "url"], ["no_stat_cache", "other_opts"]),
    ]
    static let driverNames = drivers.keys.sorted()
    /// What each required option holds, for the message when it is empty (PLATFORM_API.md §2).
    static let meanings: [String: String] = [
        "diskid": "the NAS disk id", "host": "the NAS mount-point domain",
        "path": "the sub-directory of the NAS disk to mount, such as '/uploads'", "mode": "the access mode, such as '755'",
        "bucket": "the OSS bucket name", "ak_id": "the AccessKey ID", "ak_secret": "the AccessKey secret",
        "url": "the OSS endpoint domain, such as 'oss-cn-hangzhou.aliyuncs.com'",
    ]
    /// `requires a non-empty string: the NAS disk id`.
    static func requirement(_ option: String) -> String {
        "requires a non-empty string: \(meanings[option] ?? option)"
    }
    /// Options whose values are credentials and must never appear in a message.
    static let credentials: Set<String> = ["ak_secret"]

    func check(_ document: Document, context: inout RuleContext) {
        // A driver an unset variable left empty is `unset-variable`'s.
        guard case .aliyunVolume(let volume) = document, let driver = volume.driver?.checkedString() else { return }
        guard let options = Self.drivers[driver.value] else {
            context.requireOneOf(driver, Self.driverNames, field: "driver")
            return
        }
        guard let section = volume.driverOptions else {
            context.report("the volume has no driverOpts; the \(driver.value) driver requires driverOpts with \(RuleContext.quotedList(options.required))",
                           at: driver)
            return
        }
        let given = section.value.entries
        let known = options.required + options.optional
        for (key, value) in given {
            guard known.contains(key.value) else {
                let fix = Suggestions.closest(to: key.value, among: known).map { "did you mean '\($0)'?" }
                    ?? "it takes \(RuleContext.quotedList(known))"
                context.report("driverOpts has '\(key.value)', which the \(driver.value) driver does not take; \(fix)", at: key)
                continue
            }
            let isRequired = options.required.contains(key.value)
            if value.isNull {
                // An empty value an unset variable left (`diskid: ${DISK}`) reads as null; it is `unset-variable`'s.
                if value.isWrittenWithVariable { continue }
                let fix = isRequired ? Self.requirement(key.value) : "takes strings: give it a value or leave it out"
                context.report("driverOpts.\(key.value) is null; the \(driver.value) driver \(fix)", at: value)
                continue
            }
            guard case .string = value.node.resolved, value.string != nil else {
                let found = value.isScalar ? value.node.resolved.typeDescription : "a \(value.isMapping ? "mapping" : "list")"
                let shown = Self.credentials.contains(key.value) || !value.isScalar ? "" : ": '\(value.node.text)'"
                context.report("driverOpts.\(key.value) is \(found); the \(driver.value) driver takes strings, quote it\(shown)", at: value)
                continue
            }
            // A value an unset variable left empty is `unset-variable`'s.
            guard let text = value.checkedString() else { continue }
            if isRequired, text.value.allSatisfy(\.isWhitespace) {
                context.report("driverOpts.\(key.value) is \(text.value.isEmpty ? "empty" : "blank"); the \(driver.value) driver \(Self.requirement(key.value))",
                               at: text)
            } else if key.value == "no_stat_cache" {
                context.requireOneOf(text, ["true", "false"], field: "driverOpts.no_stat_cache")
            }
        }
        let missing = options.required.filter { name in !given.contains { $0.key.value == name } }
        if !missing.isEmpty {
            context.report("driverOpts lacks \(RuleContext.quotedList(missing)), which the \(driver.value) driver requires", at: section.key)
        }
    }
}
