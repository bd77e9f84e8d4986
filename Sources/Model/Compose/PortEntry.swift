/// One entry of a service's `ports`, in short (`"127.0.0.1:8080-8081:80-81/udp"`) or long
/// (`{target: 80, published: "8080", protocol: tcp}`) syntax.
public struct PortEntry: Sendable {
    public let node: NodeRef

    public init(_ node: NodeRef) {
        self.node = node
    }

    /// The parsed mapping, or the reason the text is not a valid port specification.
    public var spec: Result<PortSpec, PortSpec.Problem> {
        if node.isMapping {
            return PortSpec.fromLongSyntax(node)
        }
        guard let text = node.string else { return .failure(.init(message: "a port must be a string, a number or a mapping")) }
        return PortSpec.parse(text.value)
    }
}

/// A port mapping: optional host IP, optional host port range, container port range, protocol.
public struct PortSpec: Sendable, Equatable {
    public var hostIP: String?
    /// Host ports; nil when Docker picks one.
    public var published: ClosedRange<Int>?
    public var target: ClosedRange<Int>
    public var `protocol`: String

    public struct Problem: Error, Sendable, Equatable {
        public let message: String
    }

    /// Parses Compose's short syntax `[HOST_IP:][HOST_PORT[-END]:]CONTAINER_PORT[-END][/PROTOCOL]`,
    /// IPv6 host addresses in brackets. Numbers outside 1–65535 parse (the `port-range` rule reports
    /// them with the bound); text that is not a port at all is a problem.
    public static func parse(_ text: String) -> Result<PortSpec, Problem> {
        var body = Substring(text)
        var proto = "tcp"
        if let slash = body.lastIndex(ascii: "/") {
            proto = String(body[body.index(after: slash)...])
            body = body[..<slash]
            guard !proto.isEmpty else { return .failure(Problem(message: "'\(text)' has an empty protocol after '/'")) }
        }
        var hostIP: String?
        if body.hasPrefix(ascii: "[") {
            guard let close = body.firstIndex(ascii: "]") else { return .failure(Problem(message: "'\(text)' opens an IPv6 address with '[' but never closes it")) }
            hostIP = String(body[body.index(after: body.startIndex)..<close])
            body = body[body.index(after: close)...]
            guard body.hasPrefix(ascii: ":") else { return .failure(Problem(message: "'\(text)' needs ':' after the IPv6 address")) }
            body = body.dropFirst()
        }
        var parts = body.split(ascii: ":")
        if hostIP == nil, parts.count == 3 {
            hostIP = String(parts.removeFirst())
        }
        guard parts.count == 1 || parts.count == 2 else {
            return .failure(Problem(message: "'\(text)' has too many ':'; use [HOST_IP:][HOST_PORT:]CONTAINER_PORT[/PROTOCOL]"))
        }
        guard let target = range(parts.last!) else {
            return .failure(Problem(message: "'\(text)' has no valid container port; use [HOST_IP:][HOST_PORT:]CONTAINER_PORT[/PROTOCOL]"))
        }
        var published: ClosedRange<Int>?
        if parts.count == 2, !parts[0].isEmpty {
            guard let host = range(parts[0]) else {
                return .failure(Problem(message: "'\(text)' has an invalid host port '\(parts[0])'"))
            }
            published = host
        }
        return .success(PortSpec(hostIP: hostIP, published: published, target: target, protocol: proto))
    }

    static func fromLongSyntax(_ node: NodeRef) -> Result<PortSpec, Problem> {
        guard let target = node["target"]?.integer else { return .failure(Problem(message: "a long-syntax port needs an integer 'target'")) }
        var published: ClosedRange<Int>?
        if let value = node["published"]?.string?.value, !value.isEmpty {
            guard let host = range(Substring(value)) else { return .failure(Problem(message: "published port '\(value)' is not a port or range")) }
            published = host
        }
        return .success(PortSpec(hostIP: node["host_ip"]?.string?.value, published: published,
                                 target: Int(clamping: target.value)...Int(clamping: target.value),
                                 protocol: node["protocol"]?.string?.value ?? "tcp"))
    }

    /// `N` or `N-M` of digits; the range may be reversed (reported by `port-range`).
    static func range(_ text: Substring) -> ClosedRange<Int>? {
        guard let dash = text.firstIndex(ascii: "-") else { return number(text).map { $0...$0 } }
        guard let low = number(text[..<dash]), let high = number(text[text.index(after: dash)...]) else { return nil }
        return low <= high ? low...high : high...low
    }

    /// 1 to 9 ASCII digits, read by bytes (no `Character` counting, no generic integer parsing).
    private static func number(_ text: Substring) -> Int? {
        guard !text.isEmpty, text.utf8.count <= 9 else { return nil }
        var value = 0
        for byte in text.utf8 {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }
}
