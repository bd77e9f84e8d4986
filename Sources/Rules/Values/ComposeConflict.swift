import Diagnostics
import Model
import Syntax

/// Compose settings that Docker Compose refuses together.
struct ComposeConflict: Rule {
    static let description = RuleDescription(
        id: "compose-conflict", severity: .error, kinds: [.compose],
        summary: "Compose settings that exclude each other must not be set together",
        rationale: """
        Docker Compose (compose-go v2.9's loader and validation) refuses a service that sets `network_mode` and
        `networks` ("declares mutually exclusive `network_mode` and `networks`"); a `container_name` with `scale` or
        `deploy.replicas` above 1, since every container needs its own name ("can't set container_name and scale as
        container name must be unique"); `scale` and `deploy.replicas` with different values ("can't set distinct
        values on 'scale' and 'deploy.replicas'"); and a `gpus` or `deploy.resources.reservations.devices` entry with
        both `count` and `device_ids` ("attributes are exclusive"). A top-level volume with `external: true` may
        carry only `name` and `x-` extensions: Compose does not create it, so `driver`, `driver_opts` or `labels`
        beside it are refused ("conflicting parameters "external" and "driver" specified"); and a volume, network,
        secret or config whose `name` differs from its deprecated `external.name` is refused too ("name and
        external.name conflict"). A service that `extends` another in the file gets its settings merged in first,
        so an inherited `network_mode` or `container_name` counts (the finding is at the service's own setting).
        The same validation refuses a service-level `cpus`, `mem_limit`, `mem_reservation` or `pids_limit` that
        differs from its `deploy.resources` counterpart once that section (`limits` or `reservations`) exists — an
        absent counterpart counts as 0 ("can't set distinct values on 'cpus' and 'deploy.resources.limits.cpus'") —,
        `dockerfile` with `dockerfile_inline`, `build.platforms` that leave out the service's `platform`, a
        `develop.watch` rule without `target` for an action other than rebuild or restart, and a build
        `additional_contexts` entry `service:NAME` naming no service, or one without `build`. These are read from
        the service's own keys.
        Compose checks only the services its profiles enable; stackc checks every service as if its profiles were
        enabled, since the conflict stops the project as soon as they are. Compose accepts an external network
        with a `driver`, and so does this rule.
        """,
        triggering: [
            Example("""
            services:
              web:
                image: nginx
                network_mode: ↓host
                networks: [front]
              proxy:
                image: haproxy
                network_mode: bridge
              worker:
                extends: proxy
                ↓networks: [front]
            networks:
              front: {}
            """, messages: [
                "service 'web' sets both network_mode 'host' and networks; Docker Compose takes one or the other: remove networks, or remove network_mode to attach the service to its networks",
                "service 'worker' sets both network_mode 'bridge' (from service 'proxy' through extends) and networks; Docker Compose takes one or the other: remove networks, or remove network_mode to attach the service to its networks",
            ]),
            Example("""
            services:
              web:
                image: nginx
                container_name: web
                scale: ↓3
              worker:
                image: app
                container_name: worker
                deploy:
                  replicas: ↓"2"
              batch:
                image: app
                scale: 2
                deploy: {replicas: ↓4}
            """, messages: [
                "service 'web' sets container_name 'web' and scale 3; Docker Compose refuses both, as 3 containers cannot share one name: remove container_name, or set scale to 1",
                "service 'worker' sets container_name 'worker' and deploy.replicas 2; Docker Compose refuses both, as 2 containers cannot share one name: remove container_name, or set deploy.replicas to 1",
                "service 'batch' sets scale 2 and deploy.replicas 4; Docker Compose refuses different values: remove one of them, or give both the same count",
            ]),
            Example("""
            services:
              trainer:
                image: trainer
                gpus:
                  - {driver: nvidia, count: 1, ↓device_ids: ["0"]}
                deploy:
                  resources:
                    reservations:
                      devices:
                        - capabilities: [gpu]
                          count: all
                          ↓device_ids: ["1", "2"]
            """, messages: [
                "gpus[0] of service 'trainer' sets both count and device_ids; Docker Compose takes one of them: count for a number of devices, device_ids for particular ones",
                "deploy.resources.reservations.devices[0] of service 'trainer' sets both count and device_ids; Docker Compose takes one of them: count for a number of devices, device_ids for particular ones",
            ]),
            Example("""
            services:
              db:
                image: postgres
            volumes:
              data:
                external: true
                ↓driver: local
                ↓labels: {backup: daily}
              logs:
                name: app-logs
                external: {name: ↓old-logs}
            """, messages: [
                "volume 'data' is external, so Docker Compose refuses 'driver' beside it: Compose does not create the volume; remove 'driver', or remove external to let Compose create it",
                "volume 'data' is external, so Docker Compose refuses 'labels' beside it: Compose does not create the volume; remove 'labels', or remove external to let Compose create it",
                "volume 'logs' has name 'app-logs' and external.name 'old-logs', which Docker Compose refuses; write the name once, as name beside external: true (external.name is deprecated)",
            ]),
            Example("""
            services:
              web:
                image: nginx
                cpus: 0.5
                mem_limit: ↓1g
                deploy:
                  resources:
                    limits: {cpus: ↓"1"}
              app:
                platform: ↓linux/amd64
                build:
                  context: .
                  dockerfile: Dockerfile
                  dockerfile_inline: ↓"FROM alpine"
                  platforms: [linux/arm64]
                  additional_contexts: {base: ↓"service:web"}
                develop:
                  watch: [{path: ./src, action: ↓sync}]
            """, messages: [
                "service 'web' sets cpus 0.5 and deploy.resources.limits.cpus 1; Docker Compose refuses different values: set the limit once, or give both the same value",
                "service 'web' sets mem_limit 1g and deploy.resources.limits.memory, which is not set there (0); Docker Compose refuses different values: set the limit once, or give both the same value",
                "service 'app' sets both dockerfile and dockerfile_inline; Docker Compose takes one of them: remove one",
                "service 'app' sets platform 'linux/amd64', which build.platforms does not include; Docker Compose refuses it: add it to build.platforms, or change platform",
                "additional_contexts 'base' of service 'app' names service 'web', which has no build; Docker Compose needs a service it builds: name one with build, or use an image or a folder",
                "develop.watch[0] of service 'app' has action 'sync' but no target; Docker Compose needs the container path to sync to: add target, or use action rebuild or restart",
            ]),
        ],
        nonTriggering: [
            Example("""
            services:
              web:
                image: nginx
                cpus: 0.5
                mem_limit: 1g
                deploy: {resources: {limits: {cpus: "0.5", memory: 1024m}, reservations: {cpus: "0.25"}}}
              app:
                platform: linux/amd64
                build: {context: ., platforms: [linux/amd64, linux/arm64], additional_contexts: {base: "service:base"}}
                develop: {watch: [{path: ., action: rebuild}, {path: ./src, action: sync, target: /app}]}
              base:
                build: {context: ./base, dockerfile_inline: "FROM alpine"}
            """),
            Example("""
            services:
              web:
                image: nginx
                network_mode: host
                container_name: web
                scale: 1
              worker:
                image: app
                networks: [default]
                scale: 2
                deploy: {replicas: 2}
              gpu:
                image: trainer
                gpus:
                  - {driver: nvidia, device_ids: ["0"]}
                  - {driver: nvidia, count: 1}
            """),
            Example("""
            services:
              db:
                image: postgres
                container_name: db
                deploy: {replicas: 0}
            volumes:
              data:
                external: true
                name: prod-data
                x-backup: daily
              cache:
                external: false
                driver: local
            networks:
              edge:
                external: true
                driver: overlay
            """),
        ])

    func check(_ document: Document, context: inout RuleContext) {
        guard case .compose(let compose) = document else { return }
        let relations = ComposeRelations.of(compose, sharedBy: context)
        for (service, node) in compose.services.enumerated() {
            // Most services hold none of the keys these checks start from, unless they inherit them.
            let mayConflict = relations.bases[service] != nil || node.node.containsAnyKey(Self.serviceKeys)
            if mayConflict {
                checkNetworking(service, relations, context: &context)
                checkCounts(service, relations, context: &context)
            }
            if mayConflict {
                checkDevices(node.gpuRequests, field: "gpus", of: node, context: &context)
            }
            if let devices = node.deploy?.resources?.reservations?.devices {
                checkDevices(devices, field: "deploy.resources.reservations.devices", of: node, context: &context)
            }
            // One pass over the service's keys rules both checks out for most services.
            if node.node.containsAnyKey(Self.resourceAndBuildKeys) {
                checkResources(node, context: &context)
                checkBuild(node, in: compose, context: &context)
            }
        }
        guard compose.layout == .services else { return }
        checkExternalVolumes(compose.resources(.volumes), context: &context)
        for section in ComposeDocument.Section.allCases {
            checkExternalNames(compose.resources(section), noun: section.noun, context: &context)
        }
    }

    // MARK: Services

    /// The keys that start a service check, `deploy` aside: a service with none of them (and no base to
    /// inherit them from) has nothing to conflict.
    static let serviceKeys = KeySet(["network_mode", "scale", "container_name", "gpus"])

    /// `network_mode` beside `networks`. Both may come from the `extends` chain: the finding is at the
    /// service's own one, and a service that has neither of its own is left to the one it inherits them from.
    func checkNetworking(_ service: Int, _ relations: ComposeRelations, context: inout RuleContext) {
        guard let mode = relations.inherited(service, { $0.networkMode?.string.flatMap { $0.value.isEmpty ? nil : $0 } }),
              let networks = relations.inherited(service, { Self.networksKey(of: $0) }) else { return }
        let at = mode.owner == service ? mode.value : networks.owner == service ? networks.value : nil
        guard let at else { return }
        context.report("\(relations.services[service].owner) sets both network_mode '\(mode.value.value)'\(relations.origin(mode.owner, of: service)) and "
                       + "networks\(relations.origin(networks.owner, of: service)); Docker Compose takes one or the other: "
                       + "remove networks, or remove network_mode to attach the service to its networks", at: at)
    }

    /// The `networks` key of a service that lists at least one network.
    static func networksKey(of service: ComposeService) -> Located<String>? {
        guard let networks = service.networks, networks.isMapping ? !networks.entries.isEmpty : !networks.items.isEmpty else { return nil }
        return service.networksKey
    }

    /// `container_name` with more than one container, and `scale` against `deploy.replicas`.
    func checkCounts(_ service: Int, _ relations: ComposeRelations, context: inout RuleContext) {
        let scale = relations.inherited(service) { Self.count($0.scale, named: "scale") }
        let name = relations.inherited(service) { $0.containerName }
        // `deploy.replicas` alone conflicts with nothing: most services are done here.
        guard scale != nil || name != nil else { return }
        let replicas = relations.inherited(service) { Self.count($0.deploy?.replicas, named: "deploy.replicas") }
        let owner = relations.services[service].owner
        if let scale, let replicas, scale.value.number != replicas.value.number {
            // Compose stops at this before it looks at container_name.
            guard let at = replicas.owner == service ? replicas : scale.owner == service ? scale : nil else { return }
            context.report("\(owner) sets scale \(scale.value.number)\(relations.origin(scale.owner, of: service)) and deploy.replicas \(replicas.value.number)"
                           + "\(relations.origin(replicas.owner, of: service)); Docker Compose refuses different values: remove one of them, or give both the same count",
                           at: at.value.value)
            return
        }
        // Compose counts `scale` when it is set, else `deploy.replicas`.
        guard let count = scale ?? replicas, count.value.number > 1, let name else { return }
        let at = count.owner == service ? count.value.value : name.owner == service ? name.value.map { _ in count.value.number } : nil
        guard let at else { return }
        let field = count.value.field
        context.report("\(owner) sets container_name '\(name.value.value)'\(relations.origin(name.owner, of: service)) and \(field) \(count.value.number)"
                       + "\(relations.origin(count.owner, of: service)); Docker Compose refuses both, as \(count.value.number) containers cannot share one name: "
                       + "remove container_name, or set \(field) to 1", at: at)
    }

    /// A count as Compose reads it (`"2"` converts), with the field that holds it.
    static func count(_ node: NodeRef?, named field: String) -> (number: Int64, field: String, value: Located<Int64>)? {
        guard let node, case .integer(let number) = IntegerReading(node, accepts: .convertedIntegers) else { return nil }
        return (number, field, node.located(number))
    }

    /// GPU and device requests: `count` and `device_ids` exclude each other.
    func checkDevices(_ requests: [ComposeDeviceRequest], field: String, of service: ComposeService, context: inout RuleContext) {
        for (index, request) in requests.enumerated() where request.count != nil {
            guard let ids = request.deviceIDsKey else { continue }
            context.report("\(field)[\(index)] of \(service.owner) sets both count and device_ids; Docker Compose takes one of them: "
                           + "count for a number of devices, device_ids for particular ones", at: ids)
        }
    }

    // MARK: Resources and builds

    /// The keys `checkResources` and `checkBuild` start from.
    static let resourceAndBuildKeys = KeySet(["cpus", "mem_limit", "mem_reservation", "pids_limit", "build", "develop"])

    /// A service-level setting and its `deploy.resources` counterpart, both present or the section at least.
    struct ResourcePair: Sendable {
        let key: String, section: String, field: Amount
        let own: @Sendable (ComposeService) -> NodeRef?
        let amounts: @Sendable (ComposeResources) -> ComposeResourceAmounts?
        let counterpart: @Sendable (ComposeResourceAmounts) -> NodeRef?
    }

    static let resourcePairs = [
        ResourcePair(key: "cpus", section: "limits", field: .cpus, own: { $0.cpus }, amounts: { $0.limits }, counterpart: { $0.cpus }),
        ResourcePair(key: "mem_limit", section: "limits", field: .memory, own: { $0.memLimit }, amounts: { $0.limits }, counterpart: { $0.memory }),
        ResourcePair(key: "mem_reservation", section: "reservations", field: .memory, own: { $0.memReservation }, amounts: { $0.reservations }, counterpart: { $0.memory }),
        ResourcePair(key: "pids_limit", section: "limits", field: .pids, own: { $0.pidsLimit }, amounts: { $0.limits }, counterpart: { $0.pids }),
    ]

    /// How Compose compares an amount.
    enum Amount: String {
        case cpus, memory, pids
    }

    /// `cpus`, `mem_limit`, `mem_reservation` and `pids_limit` against `deploy.resources`: Compose refuses
    /// different values, an absent counterpart in an existing section counting as 0.
    func checkResources(_ service: ComposeService, context: inout RuleContext) {
        guard let resources = service.deploy?.resources else { return }
        for pair in Self.resourcePairs {
            guard let own = pair.own(service), let ownValue = Self.amount(own, field: pair.field), ownValue != 0,
                  let section = pair.amounts(resources), section.node.isMapping else { continue }
            let other = pair.counterpart(section)
            let otherValue = other.flatMap { Self.amount($0, field: pair.field) } ?? (other == nil ? 0 : nil)
            guard let otherValue, otherValue != ownValue else { continue }
            let counterpart = "deploy.resources.\(pair.section).\(pair.field.rawValue)"
            let found = other.map { "\(counterpart) \(excerpt($0.text))" } ?? "\(counterpart), which is not set there (0)"
            context.report("\(service.owner) sets \(pair.key) \(excerpt(own.text)) and \(found); Docker Compose refuses different values: "
                           + "set the limit once, or give both the same value", at: other ?? own)
        }
    }

    /// An amount as Compose compares it: CPUs as a 32-bit float, memory in bytes, pids as an integer.
    static func amount(_ node: NodeRef, field: Amount) -> Double? {
        guard node.isCheckableScalar else { return nil }
        switch field {
        case .memory:
            if let number = node.resolved.numericValue { return number }
            return Quantity.byteSize(Substring(node.text))?.value
        case .cpus:
            return ComposeConversion.float32.convert(node.text)?.numericValue.map { Double(Float($0)) }
        case .pids:
            return ComposeConversion.integer.convert(node.text)?.numericValue
        }
    }

    /// `dockerfile` with `dockerfile_inline`, `build.platforms` without the service's `platform`, and a
    /// `develop.watch` rule or an `additional_contexts` entry Compose cannot act on.
    func checkBuild(_ service: ComposeService, in compose: ComposeDocument, context: inout RuleContext) {
        if let build = service.build, build.node.isMapping {
            if build.dockerfile.map({ !$0.text.isEmpty }) == true, let inline = build.dockerfileInline, !inline.text.isEmpty {
                context.report("\(service.owner) sets both dockerfile and dockerfile_inline; Docker Compose takes one of them: remove one", at: inline)
            }
            if let platform = service.platform, !platform.text.isEmpty, let platforms = build.platforms, !platforms.items.isEmpty,
               !platforms.items.contains(where: { $0.text == platform.text }) {
                context.report("\(service.owner) sets platform '\(excerpt(platform.text))', which build.platforms does not include; "
                               + "Docker Compose refuses it: add it to build.platforms, or change platform", at: platform)
            }
            for (name, value) in build.additionalContexts?.entries ?? [] where value.text.hasPrefix(ascii: "service:") {
                let target = String(value.text.dropFirst("service:".count))
                let problem: String
                // A service the run's profiles set aside is `inactive-dependency`'s.
                guard context.setAside[target] == nil else { continue }
                if let other = compose.service(named: target) {
                    guard other.build == nil else { continue }
                    problem = "names service '\(excerpt(target))', which has no build; Docker Compose needs a service it builds: name one with build, or use an image or a folder"
                } else {
                    problem = "names service '\(excerpt(target))', which is not a service of this file; Docker Compose refuses it"
                }
                context.report("additional_contexts '\(excerpt(name.value))' of \(service.owner) \(problem)", at: value)
            }
        }
        for (index, rule) in service.watchRules.enumerated() {
            guard let action = rule.action, !["rebuild", "restart"].contains(action.text), (rule.target?.text ?? "").isEmpty else { continue }
            context.report("develop.watch[\(index)] of \(service.owner) has action '\(excerpt(action.text))' but no target; Docker Compose needs "
                           + "the container path to sync to: add target, or use action rebuild or restart", at: action)
        }
    }

    // MARK: Top-level resources

    /// An external volume holds only `name` and extensions.
    func checkExternalVolumes(_ volumes: [(name: Located<String>, resource: ComposeResource)], context: inout RuleContext) {
        for (name, volume) in volumes where volume.isExternal {
            for (key, _) in volume.node.entries where key.value != "name" && key.value != "external" && !key.value.hasPrefix(ascii: "x-") {
                context.report("volume '\(name.value)' is external, so Docker Compose refuses '\(key.value)' beside it: Compose does not create the volume; "
                               + "remove '\(key.value)', or remove external to let Compose create it", at: key)
            }
        }
    }

    /// `name` against the deprecated `external.name`: Compose takes them only when they agree.
    func checkExternalNames(_ section: [(name: Located<String>, resource: ComposeResource)], noun: String, context: inout RuleContext) {
        for (key, resource) in section {
            guard let name = resource.name?.string, let external = resource.externalName?.string, external.value != name.value else { continue }
            context.report("\(noun) '\(key.value)' has name '\(name.value)' and external.name '\(external.value)', which Docker Compose refuses; "
                           + "write the name once, as name beside external: true (external.name is deprecated)", at: external)
        }
    }
}
