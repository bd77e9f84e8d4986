import Diagnostics
/// A base URL from the user (`--endpoint`, `--openapi`, a trigger URL) or from a server (a cluster's
/// `master_url`), checked before anything is sent: a scheme stackc speaks, a host, a port that is a
/// port number, no whitespace or control character (libcurl would send some of them and refuse others
/// with "URL using bad/illegal format"). Neither the URL nor its messages show the user information.
public struct EndpointURL: Sendable, Equatable {
    public enum Scheme: String, Sendable {
        case https, http
    }

    public let scheme: Scheme
    /// The URL as it is sent, the scheme in lower case.
    public let text: String
    /// `https://host:port`, for messages.
    public let origin: String

    /// - throws: `EndpointError`, whose message is about `role` (`--endpoint`, "the trigger URL").
    public init(_ text: String, role: String) throws(EndpointError) {
        if let position = text.unicodeScalars.firstIndex(where: { $0.properties.isWhitespace || $0.properties.generalCategory == .control }) {
            throw EndpointError("\(role) has a space or control character at character \(text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: position) + 1); percent-encode it")
        }
        let parts = URLParts(text)
        guard !parts.scheme.isEmpty else {
            throw EndpointError("\(role) is not a URL: expected https://HOST[:PORT][/PATH]")
        }
        let name = parts.scheme.dropLast(3).lowercased()
        guard let scheme = Scheme(rawValue: name) else {
            throw EndpointError("\(role) uses \(name.isEmpty ? "no scheme" : "'\(name)://'"): expected https://HOST[:PORT][/PATH]")
        }
        let (host, port) = EndpointURL.hostAndPort(parts.authority)
        guard !host.isEmpty else { throw EndpointError("\(role) has no host: expected \(scheme)://HOST[:PORT][/PATH]") }
        if let port, !(port.allSatisfy(\.isASCII) && port.allSatisfy(\.isNumber) && (1...65535).contains(Int(port) ?? 0)) {
            throw EndpointError("\(role) \(scheme)://\(host) has port '\(port)', which is not a number from 1 to 65535")
        }
        self.scheme = scheme
        self.text = scheme.rawValue + "://" + text.dropFirst(parts.scheme.count)
        origin = scheme.rawValue + "://" + parts.authority
    }

    /// A cluster's `master_url` as the OpenAPI gives it: `https://host:port`, or only `host:port`, which
    /// means https.
    public static func masterURL(_ text: String) throws(EndpointError) -> EndpointURL {
        try EndpointURL(URLParts(text).scheme.isEmpty ? "https://" + text : text, role: "the cluster's master_url")
    }

    /// `host` and the text after its `:`, if any; an IPv6 host keeps its brackets.
    private static func hostAndPort(_ authority: String) -> (host: String, port: String?) {
        let portColon = authority.hasPrefix("[") ? authority.firstRange(of: "]:")?.upperBound : authority.lastIndex(of: ":").map { authority.index(after: $0) }
        guard let portStart = portColon else { return (authority, nil) }
        return (String(authority[..<authority.index(before: portStart)]), String(authority[portStart...]))
    }
}

public struct EndpointError: Error, Sendable, Equatable, CustomStringConvertible {
    public let description: String

    init(_ description: String) {
        self.description = description
    }
}
