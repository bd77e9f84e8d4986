/// One entry of a service's `ports`, in short (`"127.0.0.1:8080-8081:80-81/udp"`) or long
/// (`{target: 80, published: "8080", protocol: tcp}`) syntax.
public struct PortEntry: Sendable {
    public let node: NodeRef
    /// The parsed mapping, or the reason the text is not a valid port specification. Parsed once: three
    /// rules read every port.
    public let spec: Result<PortSpec, PortSpec.Problem>

    public init(_ node: NodeRef) {
        self.node = node
        if node.isMapping {
            spec = PortSpec.fromLongSyntax(node)
        } else if let text = node.string {
            spec = PortSpec.parse(text.value)
        } else {
            spec = .failure(.init(message: "a port must be a string, a number or a mapping"))
        }
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
    /// them with the bound); text that is not a port at all is a problem. Read by bytes, as Compose's Go
    /// code reads it, with no array of pieces: every service's ports are parsed when the file is decoded.
    public static func parse(_ text: String) -> Result<PortSpec, Problem> {
        Substring(text).withBytes { parse(text, bytes: $0) }
    }

    private static func parse(_ text: String, bytes: UnsafeBufferPointer<UInt8>) -> Result<PortSpec, Problem> {
        var end = bytes.count
        var proto = "tcp"
        if let slash = bytes.lastIndex(of: UInt8(ascii: "/")) {
            guard slash + 1 < bytes.count else { return .failure(Problem(message: "'\(text)' has an empty protocol after '/'")) }
            proto = String(utf8Bytes: bytes, offset: slash + 1, end: bytes.count)
            end = slash
        }
        var start = 0
        var hostIP: String?
        if end > 0, bytes[0] == UInt8(ascii: "[") {
            guard let close = bytes[..<end].firstIndex(of: UInt8(ascii: "]")) else {
                return .failure(Problem(message: "'\(text)' opens an IPv6 address with '[' but never closes it"))
            }
            hostIP = String(utf8Bytes: bytes, offset: 1, end: close)
            guard close + 1 < end, bytes[close + 1] == UInt8(ascii: ":") else { return .failure(Problem(message: "'\(text)' needs ':' after the IPv6 address")) }
            start = close + 2
        }
        // The pieces between ':'s: only the first two separators are kept, more is an error anyway.
        var colons = 0, first = end, second = end
        for offset in start..<end where bytes[offset] == UInt8(ascii: ":") {
            if colons == 0 { first = offset } else if colons == 1 { second = offset }
            colons += 1
        }
        var host: Range<Int>?
        let target: Range<Int>
        switch colons {
        case 0:
            target = start..<end
        case 1:
            host = start..<first
            target = first + 1..<end
        case 2 where hostIP == nil:
            hostIP = String(utf8Bytes: bytes, offset: start, end: first)
            host = first + 1..<second
            target = second + 1..<end
        default:
            return .failure(Problem(message: "'\(text)' has too many ':'; use [HOST_IP:][HOST_PORT:]CONTAINER_PORT[/PROTOCOL]"))
        }
        guard let targetPorts = range(bytes, target) else {
            return .failure(Problem(message: "'\(text)' has no valid container port; use [HOST_IP:][HOST_PORT:]CONTAINER_PORT[/PROTOCOL]"))
        }
        var published: ClosedRange<Int>?
        if let host, !host.isEmpty {
            guard let hostPorts = range(bytes, host) else {
                return .failure(Problem(message: "'\(text)' has an invalid host port '\(String(utf8Bytes: bytes, offset: host.lowerBound, end: host.upperBound))'"))
            }
            published = hostPorts
        }
        return .success(PortSpec(hostIP: hostIP, published: published, target: targetPorts, protocol: proto))
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
        text.withBytes { range($0, 0..<$0.count) }
    }

    /// `range(_:)` of the bytes `piece`.
    private static func range(_ bytes: UnsafeBufferPointer<UInt8>, _ piece: Range<Int>) -> ClosedRange<Int>? {
        guard let dash = bytes[piece].firstIndex(of: UInt8(ascii: "-")) else { return number(bytes[piece]).map { $0...$0 } }
        guard let low = number(bytes[piece.lowerBound..<dash]), let high = number(bytes[dash + 1..<piece.upperBound]) else { return nil }
        return low <= high ? low...high : high...low
    }

    /// 1 to 9 ASCII digits (no generic integer parsing).
    private static func number(_ digits: Slice<UnsafeBufferPointer<UInt8>>) -> Int? {
        guard !digits.isEmpty, digits.count <= 9 else { return nil }
        var value = 0
        for byte in digits {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }
}
