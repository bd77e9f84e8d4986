/// One entry of an `aliyun.routing.port_<containerPort>` label: `[scheme://]domain-or-prefix[/context]`,
/// read and judged as the platform does (ALIYUN.md §3.2, "Rules for aliyun.routing.port_<containerPort>",
/// after the Kompose fork's `parseRouting`).
public struct AliyunRoute: Sendable, Equatable {
    public static let schemes = ["http", "https", "ws", "wss", "tcp"]

    /// The scheme as written, `http` when there is none.
    public let scheme: String
    /// A domain, or a prefix (no dot) that the platform extends to a test domain
    /// `<prefix>.<cluster_id>.<region_id>.alicontainer.com`.
    public let host: String
    /// Empty, or the path from the first `/` after the host on.
    public let contextRoot: String

    public var isPrefix: Bool { !host.contains(ascii: ".") }

    public init(_ entry: Substring) {
        var rest = entry
        if let split = AliyunText.splitScheme(entry) {
            scheme = String(split.scheme)
            rest = split.rest
        } else {
            scheme = "http"
        }
        let slash = rest.firstIndex(ascii: "/") ?? rest.endIndex
        host = String(rest[..<slash])
        contextRoot = String(rest[slash...])
    }

    public enum Problem: Sendable, Equatable {
        case unknownScheme(String)
        case missingHost
        case prefixWithHTTPS(String)
        case reservedDomain(String)
        case invalidPrefix(String)
        case invalidDomain(String)
        case domainTooLong(Int)
        case invalidContextRoot(String)
        case contextRootTooLong(Int)
        case duplicate

        /// What is wrong and how to write it, to follow "entry '…'" in a message.
        public var message: String {
            switch self {
            case .unknownScheme(let scheme):
                "has the scheme '\(scheme)', not one of \(AliyunText.quoted(AliyunRoute.schemes))"
                    + (Suggestions.closest(to: scheme, among: AliyunRoute.schemes).map { "; did you mean '\($0)'?" } ?? "")
            case .missingHost:
                "has no domain or prefix; write a domain ('http://www.example.com/app') or a prefix ('web') for a test domain"
            case .prefixWithHTTPS(let prefix):
                "uses the prefix '\(prefix)' with https, but the platform's test domains serve only http; give a domain of your own ('https://\(prefix).example.com') or drop 'https://'"
            case .reservedDomain(let domain):
                "uses the domain '\(domain)', but names under alicontainer.com are the platform's own; write only the prefix ('\(domain.prefix { $0 != "." })') to get a test domain"
            case .invalidPrefix(let prefix):
                "uses the prefix '\(prefix)', which may hold only letters, digits and inner '-' (it becomes the first part of a test domain)" + Self.portHint(prefix)
            case .invalidDomain(let domain):
                "has the domain '\(domain)', which is not a domain name: dot-separated parts of letters, digits and inner '-', ending in 2–63 letters (e.g. 'www.example.com')"
                    + Self.portHint(domain)
            case .domainTooLong(let count):
                "has a domain of \(count) characters; it must be shorter than 128"
            case .invalidContextRoot(let path):
                "has the context root '\(path)', which may hold only letters, digits, '-', '_', '/' and '.' after its leading '/'"
            case .contextRootTooLong(let count):
                "has a context root of \(count) characters; it must be shorter than 128"
            case .duplicate:
                "repeats an earlier route of this label (same scheme, domain and context root); remove one"
            }
        }

        /// A `:` in a host is usually a port, which routing takes from the label name.
        static func portHint(_ host: String) -> String {
            host.contains(ascii: ":") ? "; the container port belongs in the label name (aliyun.routing.port_<port>), not here" : ""
        }
    }

    /// What the platform would refuse in this route. An unknown scheme hides the rest, which then cannot
    /// be read the platform's way.
    public var problems: [Problem] {
        guard Self.schemes.contains(scheme) else { return [.unknownScheme(scheme)] }
        var problems: [Problem] = []
        if let problem = hostProblem { problems.append(problem) }
        if contextRoot.utf8.count >= 128 {
            problems.append(.contextRootTooLong(contextRoot.utf8.count))
        } else if contextRoot.utf8.count > 1, !Self.isContextRoot(contextRoot) {
            problems.append(.invalidContextRoot(contextRoot))
        }
        return problems
    }

    var hostProblem: Problem? {
        if host.isEmpty { return .missingHost }
        if isPrefix {
            if scheme == "https" { return .prefixWithHTTPS(host) }
            return Self.isDomainLabel(host.utf8[...]) ? nil : .invalidPrefix(host)
        }
        if host.lowercased().hasSuffix(ascii: "alicontainer.com") { return .reservedDomain(host) }
        if host.utf8.count >= 128 { return .domainTooLong(host.utf8.count) }
        return Self.isDomain(host) ? nil : .invalidDomain(host)
    }

    /// The problems of every entry of a label value, duplicates included, with the entry's text.
    public static func problems(in value: String) -> [(entry: Substring, problem: Problem)] {
        var seen: [AliyunRoute] = []
        var result: [(entry: Substring, problem: Problem)] = []
        for entry in AliyunText.entries(value) {
            let route = AliyunRoute(entry)
            result += route.problems.map { (entry, $0) }
            if seen.contains(route) {
                result.append((entry, .duplicate))
            }
            seen.append(route)
        }
        return result
    }

    /// `([a-z0-9]+(-[a-z0-9]+)*\.)+[a-z]{2,63}`, in any case.
    static func isDomain(_ host: String) -> Bool {
        let parts = host.utf8.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard parts.count >= 2, let last = parts.last, (2...63).contains(last.count), last.allSatisfy(AliyunText.isLetter) else { return false }
        return parts.dropLast().allSatisfy(isDomainLabel)
    }

    /// `[a-z0-9]+(-[a-z0-9]+)*`, in any case: letters and digits, single `-` only between them.
    static func isDomainLabel(_ label: Substring.UTF8View) -> Bool {
        var previous: UInt8 = UInt8(ascii: "-")
        for byte in label {
            let isAlphanumeric = AliyunText.isLetter(byte) || AliyunText.isDigit(byte)
            guard isAlphanumeric || (byte == UInt8(ascii: "-") && previous != UInt8(ascii: "-")) else { return false }
            previous = byte
        }
        return previous != UInt8(ascii: "-")
    }

    /// `/[a-z0-9-_/.]+`, in any case.
    static func isContextRoot(_ path: String) -> Bool {
        path.hasPrefix(ascii: "/") && path.allBytes(satisfy: AliyunText.isPathByte)
    }
}
