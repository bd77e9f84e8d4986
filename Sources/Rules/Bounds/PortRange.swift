import Diagnostics
import Model

/// A port number outside 1–65535, or a port range written backwards.
struct PortRange: Rule {
    static let description = RuleDescription(
        id: "port-range", severity: .error, kinds: [.compose, .pod, .application, .alaudaService],
        summary: "port numbers must be from 1 to 65535 and ranges must run upwards",
        rationale: """
        A TCP or UDP port is a 16-bit number and port 0 is no port at all: Docker refuses a `ports` or `expose` entry
        outside the range when it creates the container ("invalid containerPort"), Kubernetes refuses a pod's
        `containerPort` and `hostPort` (PLATFORM_API.md §5: "ports 1–65535"), and the v2 and Alauda APIs take the same
        numbers in `portMappings[].containerPort` and `instance_ports[].container_port` (§4: "ports 1–65535"). The
        aliyun labels `aliyun.routing.port_<port>` and `aliyun.lb.port_<port>` name a container port, and an SLB entry
        `scheme://slb:<front port>` maps onto a front port, all 1–65535 (ALIYUN.md §3.2). A range such as `8081-8080`
        is refused by Docker ("invalid range specified"); stackc's own parser would read it either way, so it is
        reported here. A host port of 0 (Compose) asks Docker to pick a free port and `hostPort: 0` (pods) means none,
        so both pass. The shape of a port specification is `port-syntax`'s business, a port that is not a number at all
        the schema's (`type-mismatch`), and a literal beyond 64 bits `integer-overflow`'s.
        """,
        triggering: [
            Example("""
            services:
              web:
                image: nginx
                ports:
                  - ↓"70000:80"
                  - ↓"8081-8080:80-81"
                  - target: ↓0
                    published: ↓"9001-9000"
                expose: [↓"65536"]
            """, messages: [
                "port '70000:80' of service 'web' has the host port 70000; use a port from 1 to 65535",
                "port '8081-8080:80-81' of service 'web' has the range 8081-8080, which runs backwards; write 8080-8081",
                "ports[2].target of service 'web' is 0; use a port from 1 to 65535",
                "ports[2].published of service 'web' has the range 9001-9000, which runs backwards; write 9000-9001",
                "exposed port '65536' of service 'web' has the container port 65536; use a port from 1 to 65535",
            ]),
            Example("""
            containers:
              - name: mysql
                image: mysql
                ports:
                  - {containerPort: ↓0}
                  - {containerPort: 3306, hostPort: ↓99999}
            """, messages: [
                "containerPort of container 'mysql' is 0; use a port from 1 to 65535",
                "hostPort of container 'mysql' is 99999; use a port from 1 to 65535",
            ]),
            Example("""
            web:
              image: nginx
              ports: ["80:80"]
              labels:
                ↓aliyun.routing.port_0: http://www.example.com
                aliyun.lb.port_80: ↓tcp://my-slb:80;tcp://my-slb:80800
            """, messages: [
                "label aliyun.routing.port_0 of service 'web' names the container port 0; use a port from 1 to 65535",
                "label aliyun.lb.port_80 of service 'web' maps onto the front port 80800; use a port from 1 to 65535",
            ]),
            Example("""
            kind: application
            name: orders
            imageRef: orders:1.0
            portMappings: [{protocol: tcp, containerPort: ↓65536}]
            """),
            Example("""
            service_name: web
            image_name: index.alauda.cn/team/web
            instance_ports: [{container_port: ↓-22, protocol: tcp, endpoint_type: tcp-endpoint}]
            """),
        ],
        nonTriggering: [
            Example("""
            services:
              web:
                image: nginx
                ports:
                  - 80
                  - "0:8080"
                  - "8080-8081:80-81/udp"
                  - "[::1]:65535:65535"
                  - "${WEB_PORT}:80"
                  - {target: 443, published: "8443-8444"}
                expose: ["3000", 4000, "5000-5010/udp"]
                labels:
                  aliyun.routing.port_80: http://www.example.com
                  aliyun.lb.port_80: tcp://my-slb:8080;http://my-slb:80
            """),
            Example("""
            containers:
              - name: mysql
                image: mysql
                ports:
                  - {containerPort: 3306, hostPort: 0}
                  - {containerPort: 8080, hostPort: 8080, name: http}
            """),
            Example("""
            service_name: web
            image_name: index.alauda.cn/team/web
            instance_ports: [{container_port: 22, protocol: tcp, endpoint_type: tcp-endpoint}]
            """),
        ])

    static let ports = 1...65535

    func check(_ document: Document, context: inout RuleContext) {
        switch document {
        case .compose(let compose):
            for service in compose.services {
                // `ports` were parsed when the service was decoded; `expose` entries are parsed here.
                for (index, entry) in service.ports.enumerated() {
                    if entry.node.isMapping {
                        checkLongSyntax(entry, name: "ports[\(index)]", of: service, context: &context)
                    } else {
                        checkShortSyntax(entry, noun: "port", of: service, context: &context)
                    }
                }
                for node in service.expose?.items ?? [] {
                    checkShortSyntax(PortEntry(node), noun: "exposed port", of: service, context: &context)
                }
                checkLabels(service, context: &context)
            }
        case .pod(let pod):
            for container in pod.containers {
                for port in container.ports {
                    checkNumber(port.containerPort, name: "containerPort of \(container.label)", context: &context)
                    checkNumber(port.hostPort, name: "hostPort of \(container.label)", allowsZero: true, context: &context)
                }
            }
        case .application(let application):
            for (index, mapping) in application.portMappings.enumerated() {
                checkNumber(mapping.containerPort, name: "portMappings[\(index)].containerPort", context: &context)
            }
        case .alaudaService(let service):
            for (index, port) in service.instancePorts.enumerated() {
                checkNumber(port.containerPort, name: "instance_ports[\(index)].container_port", context: &context)
            }
        default:
            break
        }
    }

    /// A port given as a number field (pods, applications, Alauda services, Compose long syntax). A value
    /// that is no number at all is the schema's `type-mismatch` (or `port-syntax`'s, in Compose).
    /// - Parameter name: how the message names the field, spelled out only for a finding.
    func checkNumber(_ node: NodeRef?, name: @autoclosure () -> String, accepts types: IntegerReading.Accepted = .integers, allowsZero: Bool = false,
                     context: inout RuleContext) {
        guard let node, case .integer(let value) = IntegerReading(node, accepts: types),
              !Self.ports.contains(Int(clamping: value)), !(allowsZero && value == 0) else { return }
        context.report(Self.outside("\(name()) is \(value)"), at: node)
    }

    /// `HOST:CONTAINER` text of `ports` and `expose`; entries `port-syntax` refuses are left to it.
    func checkShortSyntax(_ entry: PortEntry, noun: String, of service: ComposeService, context: inout RuleContext) {
        guard let text = entry.node.checkedString(separators: ":/-"), case .success(let spec) = entry.spec else { return }
        // Spelled out only for a finding: nearly every port is fine.
        var label: String { "\(noun) '\(excerpt(text.value))' of \(service.owner)" }
        var outside = spec.published.map { Self.endsOutside($0, allowsZero: true).map { ("host", $0) } } ?? []
        outside += Self.endsOutside(spec.target, allowsZero: false).map { ("container", $0) }
        for (role, number) in outside {
            context.report(Self.outside("\(label) has the \(role) port \(number)"), at: text)
        }
        for (low, high) in Self.backwardRanges(in: text.value) {
            context.report(Self.backwards(label, low, high), at: text)
        }
    }

    /// `{target, published}`: the target a number, the published port a number or a range.
    func checkLongSyntax(_ entry: PortEntry, name: String, of service: ComposeService, context: inout RuleContext) {
        checkNumber(entry.targetField, name: "\(name).target of \(service.owner)", accepts: .integersOrStrings, context: &context)
        guard let published = entry.publishedField?.checkedString(separators: "-") else { return }
        if case .success(let spec) = PortSpec.parse(published.value) {
            for number in Self.endsOutside(spec.target, allowsZero: true) {
                context.report(Self.outside("\(name).published of \(service.owner) is \(number)"), at: published)
            }
        }
        for (low, high) in Self.backwardRanges(in: published.value) {
            context.report(Self.backwards("\(name).published of \(service.owner)", low, high), at: published)
        }
    }

    /// `aliyun.routing.port_<port>` and `aliyun.lb.port_<port>`, and the front ports of an SLB entry.
    func checkLabels(_ service: ComposeService, context: inout RuleContext) {
        for label in service.aliyunLabels where !label.nameHasVariable {
            let name = label.name.value
            guard let prefix = ["aliyun.routing.port_", "aliyun.lb.port_"].first(where: name.hasPrefix) else { continue }
            let port = String(name.dropFirst(prefix.count))
            if !Self.isPort(IntegerReading(text: port)) {
                context.report(Self.outside("label \(excerpt(name)) of \(service.owner) names the container port \(excerpt(port))"), at: label.name)
            }
            guard prefix == "aliyun.lb.port_", let value = label.value, !label.valueHasVariable else { continue }
            // Entries are `scheme://slb:front_port`; one without a numeric front port is a format error, not a range one.
            for entry in value.value.split(ascii: ";", omittingEmpty: true) {
                guard let colon = entry.lastIndex(ascii: ":") else { continue }
                let front = IntegerReading(text: String(entry[entry.index(after: colon)...]))
                if case .integer(let number) = front, !Self.isPort(front) {
                    context.report(Self.outside("label \(excerpt(name)) of \(service.owner) maps onto the front port \(number)"), at: value)
                }
            }
        }
    }

    static func isPort(_ reading: IntegerReading) -> Bool {
        guard case .integer(let value) = reading else { return false }
        return ports.contains(Int(clamping: value))
    }

    /// The ends of a range outside the port numbers (0 allowed where it means "any").
    static func endsOutside(_ range: ClosedRange<Int>, allowsZero: Bool) -> [Int] {
        func isOutside(_ end: Int) -> Bool { !ports.contains(end) && !(allowsZero && end == 0) }
        // Nearly every range is inside, and is answered without building a list of its ends.
        guard isOutside(range.lowerBound) || isOutside(range.upperBound) else { return [] }
        let ends = range.lowerBound == range.upperBound ? [range.lowerBound] : [range.lowerBound, range.upperBound]
        return ends.filter(isOutside)
    }

    /// `N-M` ranges written high to low, in source order. `PortSpec` reads them either way round, so the
    /// order is read from the text: without the protocol and any bracketed IPv6 address, every `-` in a
    /// port specification separates the two ends of a range.
    static func backwardRanges(in text: String) -> [(Int, Int)] {
        guard text.contains(ascii: "-") else { return [] }
        var body = Substring(text)
        if let slash = body.lastIndex(ascii: "/") { body = body[..<slash] }
        if let close = body.lastIndex(ascii: "]") { body = body[body.index(after: close)...] }
        return body.split(ascii: ":", omittingEmpty: true).compactMap { part in
            let ends = part.split(ascii: "-")
            guard ends.count == 2, let low = Int(ends[0]), let high = Int(ends[1]), low > high else { return nil }
            return (low, high)
        }
    }

    // MARK: Messages

    /// `… is 70000; use a port from 1 to 65535`: what was found, then the bound.
    private static func outside(_ finding: String) -> String {
        "\(finding); use a port from 1 to 65535"
    }

    private static func backwards(_ subject: String, _ low: Int, _ high: Int) -> String {
        "\(subject) has the range \(low)-\(high), which runs backwards; write \(high)-\(low)"
    }
}
