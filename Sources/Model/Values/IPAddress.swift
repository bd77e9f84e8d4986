/// IP address text as Go's `net.ParseIP` reads it, which is what Docker uses for the host address of a
/// port binding (`127.0.0.1:8080:80`) and what registry hosts in brackets (`[::1]:5000/app`) must be.
/// Hand-written so the check costs no allocation and accepts exactly what Docker accepts: dotted-quad
/// IPv4 without leading zeros (rejected since Go 1.17), IPv6 with at most one `::` and an optional
/// trailing IPv4 part, no zone (`%eth0`).
public enum IPAddress {
    public static func isValid(_ text: Substring) -> Bool {
        isIPv4(text) || isIPv6(text)
    }

    public static func isIPv4(_ text: Substring) -> Bool {
        let parts = text.utf8.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        return parts.count == 4 && parts.allSatisfy { part in
            guard (1...3).contains(part.count), part.allSatisfy(isDigit) else { return false }
            guard part.count == 1 || part.first != UInt8(ascii: "0") else { return false }
            return part.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) } <= 255
        }
    }

    public static func isIPv6(_ text: Substring) -> Bool {
        var groups = 0
        var compressed = false
        var rest = text
        if rest.hasPrefix(ascii: "::") {
            compressed = true
            rest = rest.dropFirst(2)
            if rest.isEmpty { return true }
        }
        while !rest.isEmpty {
            let end = rest.firstIndex(ascii: ":") ?? rest.endIndex
            let group = rest[..<end]
            if end == rest.endIndex, group.contains(ascii: ".") {
                // A trailing IPv4 part stands for the last two groups.
                guard isIPv4(group) else { return false }
                groups += 2
                break
            }
            guard (1...4).contains(group.utf8.count), group.allBytes(satisfy: isHexDigit) else { return false }
            groups += 1
            rest = rest[end...]
            if rest.hasPrefix(ascii: "::") {
                guard !compressed else { return false }
                compressed = true
                rest = rest.dropFirst(2)
            } else if rest.hasPrefix(ascii: ":") {
                rest = rest.dropFirst()
                guard !rest.isEmpty else { return false }
            }
        }
        return compressed ? groups < 8 : groups == 8
    }

    static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    static func isHexDigit(_ byte: UInt8) -> Bool {
        isDigit(byte) || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "f")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "F"))
    }
}
