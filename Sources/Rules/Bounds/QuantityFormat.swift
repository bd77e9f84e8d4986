import Diagnostics
import Model
import Syntax

/// A resource amount the platform cannot read: a Kubernetes quantity, a Docker byte size or a CPU count.
struct QuantityFormat: Rule {
    static let description = RuleDescription(
        id: "quantity", severity: .error, kinds: [.pod, .application, .compose],
        summary: "resource amounts must be Kubernetes quantities (pods, applications) or Docker sizes and CPU counts (Compose)",
        rationale: """
        Pods and v2 applications run on Kubernetes (PLATFORM_API.md §5), whose quantities are a number with an optional
        suffix: `100m` (thousandths), `0.5`, `1e3`, `128Mi`/`1Gi` (powers of 1024) or `128M`/`1G` (powers of 1000) —
        checked in a pod container's `resources.requests` and `resources.limits` and an application's `resources`
        (`cpu: "0.1"`, `mem: 256Mi`, `disk: 1Gi`, `gpu: "0"`). A memory or disk amount with the suffix `m` is
        thousandths of a byte (`128m` is 0.128 bytes), never what was meant; GPUs are whole devices; no amount may be
        negative; and Kubernetes refuses a request above its limit. Compose's memory fields (`mem_limit`,
        `memswap_limit`, `mem_reservation`, `shm_size`, `deploy.resources.*.memory`) take Docker sizes instead — bytes,
        or a number with `b`, `k`, `m`, `g`, `t` or `p` (powers of 1024, case-insensitive, optionally with `i`/`b`:
        `256m`, `1g`, `512KiB`), as go-units `RAMInBytes` reads them, with `memswap_limit: -1` meaning unlimited swap —
        and `cpus` takes a decimal number of CPUs (`0.5`). Docker Compose and the platforms refuse anything else. A
        size of 2⁶³ bytes or more (`8589934592g`) is refused too: `docker compose config` turns it silently into
        -9223372036854775808, which the engine rejects only at deployment. Deliberately stricter than `docker compose
        config`: a negative size or CPU count (`mem_limit: -1`, `cpus: -0.5`) passes Compose, and the Docker engine
        refuses it when it creates the container ("Minimum memory limit allowed is 6MB", "SHM size can not be less
        than 0", "Range of CPUs is from 0.01 to N"), after the platform took the project; a `memswap_limit` below -1
        passes the engine too and runc refuses it when it starts the container ("unable to set swap limit without
        memory limit", "memory+swap limit should be >= memory limit").
        """,
        triggering: [
            Example("""
            containers:
              - name: mysql
                image: mysql
                resources:
                  requests: {cpu: ↓2, memory: ↓128m}
                  limits: {cpu: 1, memory: ↓128MB}
            """, messages: [
                "resources.requests.memory of container 'mysql' is '128m', which is 128 thousandths of a byte (m means milli); write '128Mi' for mebibytes",
                "resources.limits.memory of container 'mysql' is '128MB', which is not a Kubernetes quantity; write a number with an optional suffix, such as '500m', '0.5', '128Mi' or '1G'",
                "resources.requests.cpu of container 'mysql' is '2', more than its limit '1'; lower the request or raise the limit",
            ], fixed: """
            containers:
              - name: mysql
                image: mysql
                resources:
                  requests: {cpu: 2, memory: 128Mi}
                  limits: {cpu: 1, memory: 128MB}
            """),
            Example("""
            kind: application
            name: orders
            imageRef: orders:1.0
            resources: {cpu: ↓"-0.5", mem: 256Mi, disk: ↓1 Gi, gpu: ↓"0.5"}
            """, messages: [
                "resources.cpu is '-0.5', which is negative; write a number with an optional suffix, such as '500m', '0.5', '128Mi' or '1G'",
                "resources.disk is '1 Gi', which is not a Kubernetes quantity; write a number with an optional suffix, such as '500m', '0.5', '128Mi' or '1G'",
                "resources.gpu is '0.5', which is not a whole number of GPUs; write '0', '1' or another whole number",
            ]),
            Example("""
            services:
              web:
                image: nginx
                mem_limit: ↓512mega
                mem_reservation: ↓8589934592g
                shm_size: ↓-1
                cpus: ↓-2.5
                deploy:
                  resources:
                    limits: {memory: ↓1.5 GiB extra, cpus: ↓"-1"}
            """, messages: [
                "mem_limit of service 'web' is '512mega', which is not a size; write bytes, or a number with b, k, m, g, t or p (powers of 1024) such as '256m' or '1g'",
                "mem_reservation of service 'web' is '8589934592g', more than the largest size Docker holds (8589934591g, 2⁶³ bytes less 1 GiB); it would be read as -9223372036854775808",
                "shm_size of service 'web' is '-1', which is not a size; write bytes, or a number with b, k, m, g, t or p (powers of 1024) such as '256m' or '1g'",
                "deploy.resources.limits.memory of service 'web' is '1.5 GiB extra', which is not a size; write bytes, or a number with b, k, m, g, t or p (powers of 1024) such as '256m' or '1g'",
                "cpus of service 'web' is '-2.5', which is not a number of CPUs; write a decimal such as '0.5' or '2'",
                "deploy.resources.limits.cpus of service 'web' is '-1', which is not a number of CPUs; write a decimal such as '0.5' or '2'",
            ]),
            Example("""
            services:
              web:
                image: nginx
                mem_limit: ↓${MEM_LIMIT}
                deploy: {resources: {reservations: {cpus: ↓"${CPUS}"}}}
            """, messages: [
                "mem_limit of service 'web', written ${MEM_LIMIT}, is empty after substitution; Docker Compose refuses an empty value there: set the variable or give it a default, such as ${MEMORY:-512m}",
                "deploy.resources.reservations.cpus of service 'web', written \"${CPUS}\", is empty after substitution; Docker Compose refuses an empty value there: set the variable or give it a default, such as ${CPUS:-0.5}",
            ]),
        ],
        nonTriggering: [
            Example("""
            containers:
              - name: mysql
                image: mysql
                resources:
                  requests: {cpu: 100m, memory: 128Mi, ephemeral-storage: 1Gi}
                  limits: {cpu: "1", memory: 1e9, nvidia.com/gpu: 1}
            """),
            Example("""
            kind: application
            name: orders
            imageRef: orders:1.0
            resources: {cpu: "0.1", mem: 256Mi, disk: 1Gi, gpu: "0"}
            """),
            Example("""
            services:
              c1:
                image: docker.oa.com:8080/public/helloworld
                mem_limit: 256m
                memswap_limit: -1
                shm_size: 1gb
                mem_reservation: 134217728
                cpus: 0.5
                deploy:
                  resources:
                    limits: {memory: 10000Mb, cpus: '0.001'}
                    reservations: {memory: 1.5G, cpus: "2"}
              c2:
                image: nginx
                mem_limit: 8589934591g
            """),
        ])

    /// Resources measured in bytes, where the suffix `m` (thousandths) is always a mistake.
    static let byteResources: Set<String> = ["memory", "ephemeral-storage", "mem", "disk"]

    func check(_ document: Document, context: inout RuleContext) {
        switch document {
        case .pod(let pod):
            for container in pod.containers {
                checkPodResources(container.resources, owner: container.label, context: &context)
            }
        case .application(let application):
            for (key, value) in application.resources?.quantities ?? [] {
                _ = checkQuantity(value, resource: key.value, name: "resources.\(key.value)", context: &context)
            }
        case .compose(let compose):
            for service in compose.services {
                checkCompose(service, context: &context)
            }
        default:
            break
        }
    }

    /// Each request and limit, then each request against its limit.
    func checkPodResources(_ resources: PodResources?, owner: String, context: inout RuleContext) {
        typealias Amounts = [String: (value: Double, text: Located<String>)]
        func amounts(_ section: String, _ entries: [(key: Located<String>, value: NodeRef)]) -> Amounts {
            var amounts: Amounts = [:]
            for (key, value) in entries {
                let name = "resources.\(section).\(key.value) of \(owner)"
                if let quantity = checkQuantity(value, resource: key.value, name: name, context: &context) {
                    amounts[key.value] = (quantity.value, value.located(value.node.text))
                }
            }
            return amounts
        }
        let requests = amounts("requests", resources?.requests ?? [])
        let limits = amounts("limits", resources?.limits ?? [])
        for (key, request) in requests.sorted(by: { $0.key < $1.key }) {
            guard let limit = limits[key], request.value > limit.value else { continue }
            context.report(Self.message("resources.requests.\(key) of \(owner)", request.text.value, Self.aboveLimit(limit.text.value)),
                           at: request.text, notes: [limit.text.note("the limit is set here")])
        }
    }

    /// One Kubernetes quantity; the quantity when it is valid, for comparing a request with its limit.
    func checkQuantity(_ node: NodeRef, resource: String, name: String, context: inout RuleContext) -> Quantity? {
        guard node.isNumberOrString else { return nil }
        let text = node.located(node.text)
        let problem: String
        var fix: Fix?
        if let quantity = Quantity.kubernetes(Substring(text.value)) {
            if quantity.value < 0 {
                problem = Self.negative
            } else if quantity.suffix == "m", Self.byteResources.contains(resource) || resource.hasPrefix(ascii: "hugepages-") {
                problem = Self.thousandthsOfAByte(text.value.dropLast())
                fix = text.replacement(text.value.dropLast() + "Mi")
            } else if resource == "gpu", quantity.value.rounded() != quantity.value {
                problem = Self.fractionOfAGPU
            } else {
                return quantity
            }
        } else {
            problem = Self.notAQuantity
        }
        context.report(Self.message(name, text.value, problem), at: text, fix: fix)
        return nil
    }

    func checkCompose(_ service: ComposeService, context: inout RuleContext) {
        let resources = service.deploy?.resources
        let limits = resources?.limits, reservations = resources?.reservations
        func report(_ key: String, _ node: NodeRef, _ problem: String) {
            context.report(Self.message("\(key) of \(service.owner)", node.text, problem), at: node)
        }
        // Each value is resolved once, in place: the size and CPU fields of every service are read here.
        func checkSize(_ key: String, _ node: NodeRef?) {
            guard let node, !context.reportLeftEmpty(node, "\(key) of \(service.owner)", example: "${MEMORY:-512m}"), let value = node.checkableValue else { return }
            let bytes: Double?
            switch value {
            case .bool, .null: return
            // `memswap_limit: -1` is unlimited swap.
            case _ where key == "memswap_limit" && node.text == "-1": return
            case .string(let text): bytes = Quantity.byteSize(Substring(text))?.value
            case .int, .float: bytes = value.spelledNumber.flatMap { $0 >= 0 ? $0 : nil }
            }
            guard let bytes else { return report(key, node, Self.notASize) }
            if bytes >= Self.firstOverflowingSize { report(key, node, Self.overflowsASize) }
        }
        /// - Parameter conversion: how Compose converts a string there (the service's `cpus`); one it
        ///   cannot convert is the schema's `type-mismatch`, and the rule judges what it converts to.
        func checkCPUs(_ key: String, _ node: NodeRef?, converted conversion: ComposeConversion? = nil) {
            // A converted field's empty substitution is the schema's finding.
            guard let node, conversion != nil || !context.reportLeftEmpty(node, "\(key) of \(service.owner)", example: "${CPUS:-0.5}"), var value = node.checkableValue else { return }
            if let conversion, value.isString {
                guard let converted = conversion.convert(node.text) else { return }
                value = converted
            }
            switch value {
            case .bool, .null: return
            case .int, .float, .string: if !(value.spelledNumber.map { $0 >= 0 } ?? false) { report(key, node, Self.notCPUs) }
            }
        }
        // Services seldom set these: one pass over the service's keys rules them all out for most.
        let mayHoldFields = service.node.containsAnyKey(Self.serviceFields)
        func field(_ read: (ComposeService) -> NodeRef?) -> NodeRef? { mayHoldFields ? read(service) : nil }
        checkSize("mem_limit", field(\.memLimit))
        checkSize("memswap_limit", field(\.memswapLimit))
        checkSize("mem_reservation", field(\.memReservation))
        checkSize("shm_size", field(\.shmSize))
        checkSize("build.shm_size", field { $0.build?.shmSize })
        checkSize("deploy.resources.limits.memory", limits?.memory)
        checkSize("deploy.resources.reservations.memory", reservations?.memory)
        checkCPUs("cpus", field(\.cpus), converted: .float32)
        checkCPUs("deploy.resources.limits.cpus", limits?.cpus)
        checkCPUs("deploy.resources.reservations.cpus", reservations?.cpus)
    }

    /// The keys of a service (other than `deploy`) that `checkCompose` reads.
    static let serviceFields = KeySet(["mem_limit", "memswap_limit", "mem_reservation", "shm_size", "build", "cpus"])

    /// 2⁶³ bytes: go-units converts the size to `int64`, and from here on it comes out as `Int64.min`.
    static let firstOverflowingSize = 0x1p63

    // MARK: Messages

    /// `mem_limit of service 'web' is '512mega', which is not a size; write …`: the field, its text, what
    /// is wrong and what a valid value looks like.
    private static func message(_ field: String, _ text: String, _ problem: String) -> String {
        "\(field) is '\(excerpt(text))', \(problem)"
    }

    private static let kubernetesFix = "write a number with an optional suffix, such as '500m', '0.5', '128Mi' or '1G'"
    private static let notAQuantity = "which is not a Kubernetes quantity; \(kubernetesFix)"
    private static let negative = "which is negative; \(kubernetesFix)"
    private static let fractionOfAGPU = "which is not a whole number of GPUs; write '0', '1' or another whole number"
    private static let notASize = "which is not a size; write bytes, or a number with b, k, m, g, t or p (powers of 1024) such as '256m' or '1g'"
    private static let overflowsASize = "more than the largest size Docker holds (8589934591g, 2⁶³ bytes less 1 GiB); it would be read as -9223372036854775808"
    private static let notCPUs = "which is not a number of CPUs; write a decimal such as '0.5' or '2'"

    private static func thousandthsOfAByte(_ number: Substring) -> String {
        "which is \(excerpt(String(number))) thousandths of a byte (m means milli); write '\(excerpt(String(number)))Mi' for mebibytes"
    }

    private static func aboveLimit(_ limit: String) -> String {
        "more than its limit '\(excerpt(limit))'; lower the request or raise the limit"
    }
}
