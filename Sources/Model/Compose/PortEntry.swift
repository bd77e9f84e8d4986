/// One entry of a service's `ports`, in short (`"127.0.0.1:8080-8081:80-81/udp"`) or long
/// (`{target: 80, published: "8080", protocol: tcp}`) syntax.
public struct PortEntry: Sendable {
    public let node: NodeRef
    /// The parsed mapping, or the reason the text is not a valid port specification. Parsed once: three
    /// rules read every port.
    public let spec: Result<PortSpec, PortSpec.Problem>

    /// The long syntax's fields (nil for the short syntax, which is one string).
    public var targetField: NodeRef? { node.isMapping ? node["target"] : nil }
    public var publishedField: NodeRef? { node.isMapping ? node["published"] : nil }
    public var hostIPField: NodeRef? { node.isMapping ? node["host_ip"] : nil }

    public init(_ node: NodeRef) {
        self.node = node
        if node.isMapping {
            spec = PortSpec.fromLongSyntax(node)
        } else if case .int(let number) = node.resolved {
            // Compose formats a number entry in decimal (`1_000` and `0x50` are YAML integers).
            spec = PortSpec.parse(String(number))
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

    /// Parses Compose's short syntax `[HOST_IP:][HOST_PORT[-END]:]CONTAINER_PORT[-END][/PROTOCOL]` as Docker's
    /// `nat.ParsePortSpec` does: split on every `:`, the last piece is the container port and protocol,
    /// the one before it the host port, and everything before those the host address, so an IPv6
    /// address may be written bare (`::1:8080:80`) or in brackets (`[::1]:8080:80`). The protocol
    /// follows the first `/` of the container port, `tcp` when absent or empty (`80/`). Numbers outside
    /// 1–65535 and ranges written high to low parse (the `port-range` rule reports them with the bound);
    /// the address and protocol are returned as written (`port-syntax` checks them). Text that is not a
    /// port at all is a problem. Read by bytes, as Docker's Go code reads it, with no array of pieces:
    /// every service's ports are parsed when the file is decoded.
    public static func parse(_ text: String) -> Result<PortSpec, Problem> {
        Substring(text).withBytes { parse(text, bytes: $0) }
    }

    private static func parse(_ text: String, bytes: UnsafeBufferPointer<UInt8>) -> Result<PortSpec, Problem> {
        let colon = UInt8(ascii: ":")
        // The last two ':' separate the container and host ports; what is before them is the address.
        var last = -1, beforeLast = -1
        for offset in bytes.indices where bytes[offset] == colon {
            beforeLast = last
            last = offset
        }
        var hostIP: String?
        var host: Range<Int>?
        var containerPart = 0..<bytes.count
        if last >= 0 {
            containerPart = last + 1..<bytes.count
            host = beforeLast + 1..<last
            if beforeLast >= 0 { hostIP = String(utf8Bytes: bytes, offset: 0, end: beforeLast) }
        }
        if bytes.first == UInt8(ascii: "[") {
            // Without a `]` in the address part, either none was written or the ports took it (`[::1]:80`
            // is the address `[:`, the host port `1]` and the container port `80`).
            let closes = bytes.contains(UInt8(ascii: "]"))
            guard let address = hostIP, address.utf8.contains(UInt8(ascii: "]")) else {
                return .failure(Problem(message: (closes ? BracketProblem.missingPorts : .unclosed).message(text)))
            }
            let inside = address.utf8.dropFirst().prefix { $0 != UInt8(ascii: "]") }
            guard inside.count + 2 == address.utf8.count, !inside.contains(UInt8(ascii: "[")) else {
                let after = address.utf8.dropFirst(inside.count + 2).first
                return .failure(Problem(message: (after == colon ? BracketProblem.tooManyParts : .trailing).message(text)))
            }
            hostIP = String(inside)
        }
        // The protocol follows the container port's first '/'.
        var proto = "tcp"
        var target = containerPart
        if let slash = bytes[containerPart].firstIndex(of: UInt8(ascii: "/")) {
            target = containerPart.lowerBound..<slash
            if slash + 1 < containerPart.upperBound { proto = String(utf8Bytes: bytes, offset: slash + 1, end: containerPart.upperBound) }
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

    /// Why a host address starting with `[` is not `[ADDRESS]` (Go's `net.SplitHostPort` of `ADDRESS:`,
    /// which Docker strips the brackets with: one pair, around the whole address).
    private enum BracketProblem {
        case unclosed, missingPorts, tooManyParts, trailing

        func message(_ text: String) -> String {
            switch self {
            case .unclosed: "'\(text)' opens an IPv6 address with '[' but never closes it"
            case .missingPorts: "'\(text)' needs a host port and a container port after the IPv6 address; write [ADDRESS]:HOST_PORT:CONTAINER_PORT, or [ADDRESS]::CONTAINER_PORT for any host port"
            case .tooManyParts: "'\(text)' has too many ':' after the IPv6 address; use [ADDRESS]:HOST_PORT:CONTAINER_PORT[/PROTOCOL]"
            case .trailing: "'\(text)' needs ':' right after the ']' that closes the IPv6 address"
            }
        }
    }

    static func fromLongSyntax(_ node: NodeRef) -> Result<PortSpec, Problem> {
        guard let target = node["target"]?.integer else { return .failure(Problem(message: "a long-syntax port needs an integer 'target'")) }
        var published: ClosedRange<Int>?
        // A number is read in decimal (`published: 1_000` is 1000).
        let publishedNode = node["published"]
        let publishedText = publishedNode.flatMap { if case .int(let number) = $0.resolved { String(number) } else { $0.string?.value } }
        if let value = publishedText, !value.isEmpty {
            guard let host = range(Substring(value)) else { return .failure(Problem(message: "published port '\(value)' is not a port or range")) }
            published = host
        }
        return .success(PortSpec(hostIP: node["host_ip"]?.string?.value, published: published,
                                 target: Int(clamping: target.value)...Int(clamping: target.value),
                                 protocol: node["protocol"]?.string?.value ?? "tcp"))
    }

    /// `N` or `N-M` of digits, as Docker's `nat.ParsePortRange` reads them: a second `-` ends the high
    /// end (`1-2-3` is 1–2); the range may be reversed (reported by `port-range`).
    static func range(_ text: Substring) -> ClosedRange<Int>? {
        text.withBytes { range($0, 0..<$0.count) }
    }

    /// `range(_:)` of the bytes `piece`.
    private static func range(_ bytes: UnsafeBufferPointer<UInt8>, _ piece: Range<Int>) -> ClosedRange<Int>? {
        guard let dash = bytes[piece].firstIndex(of: UInt8(ascii: "-")) else { return number(bytes[piece]).map { $0...$0 } }
        let highEnd = bytes[dash + 1..<piece.upperBound].firstIndex(of: UInt8(ascii: "-")) ?? piece.upperBound
        guard let low = number(bytes[piece.lowerBound..<dash]), let high = number(bytes[dash + 1..<highEnd]) else { return nil }
        return low <= high ? low...high : high...low
    }

    /// ASCII digits, leading zeros allowed (Go's `strconv.ParseUint`); nil for none, for anything else,
    /// and for more than 9 significant digits (no generic integer parsing).
    private static func number(_ digits: Slice<UnsafeBufferPointer<UInt8>>) -> Int? {
        guard !digits.isEmpty else { return nil }
        var value = 0
        var significant = 0
        for byte in digits {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            if value > 0 || byte != UInt8(ascii: "0") { significant += 1 }
            guard significant <= 9 else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }
}
