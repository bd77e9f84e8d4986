/// One entry of an `aliyun.lb.port_<containerPort>` label, `scheme://slb_name_or_id:front_port`, which
/// puts a container port behind a Server Load Balancer (ALIYUN.md §3.2, "Rules for
/// aliyun.lb.port_<containerPort>": the whole entry must match
/// `^[a-z]{3,5}://[a-zA-Z0-9-_\/.]{1,80}:[0-9]{1,5}$`, with a known scheme and ports 1–65535).
public enum AliyunLoadBalancer {
    public static let schemes = ["tcp", "udp", "http", "https"]

    public enum Problem: Sendable, Equatable {
        case malformed
        case missingPort(name: String)
        case unknownScheme(String)
        case missingName
        case invalidName(String)
        case nameTooLong(Int)
        case invalidPort(String)

        /// What is wrong and how to write it, to follow "entry '…'" in a message.
        public var message: String {
            switch self {
            case .malformed:
                "is not 'scheme://slb_name_or_id:front_port'; write e.g. 'tcp://my-slb:80'"
            case .missingPort(let name):
                "has no front port; write the SLB port after a ':', e.g. 'tcp://\(name):80'"
            case .unknownScheme(let scheme):
                "has the scheme '\(scheme)', not one of \(AliyunText.quoted(AliyunLoadBalancer.schemes))"
                    + (Suggestions.closest(to: scheme, among: AliyunLoadBalancer.schemes).map { "; did you mean '\($0)'?" } ?? "")
            case .missingName:
                "names no SLB; write the SLB's name or id between '://' and ':'"
            case .invalidName(let name):
                "names the SLB '\(name)', which may hold only letters, digits, '-', '_', '/' and '.'"
            case .nameTooLong(let count):
                "names an SLB of \(count) characters; it may have at most 80"
            case .invalidPort(let port):
                "has the front port '\(port)', not a number 1–65535"
            }
        }
    }

    /// The problems of one entry; several may apply (a bad scheme and a bad port).
    public static func problems(_ entry: Substring) -> [Problem] {
        guard let split = AliyunText.splitScheme(entry) else { return [.malformed] }
        let (scheme, rest) = split
        guard let colon = rest.lastIndex(ascii: ":") else { return [.missingPort(name: String(rest))] }
        var problems: [Problem] = []
        if !schemes.contains(String(scheme)) {
            problems.append(.unknownScheme(String(scheme)))
        }
        let name = rest[..<colon]
        if name.isEmpty {
            problems.append(.missingName)
        } else if name.utf8.count > 80 {
            problems.append(.nameTooLong(name.utf8.count))
        } else if !name.allBytes(satisfy: AliyunText.isPathByte) {
            problems.append(.invalidName(String(name)))
        }
        let port = rest[rest.index(after: colon)...]
        if port.utf8.count > 5 || AliyunText.number(port, in: 1...65535) == nil {
            problems.append(.invalidPort(String(port)))
        }
        return problems
    }

    /// The problems of every entry of a label value, with the entry's text.
    public static func problems(in value: String) -> [(entry: Substring, problem: Problem)] {
        AliyunText.entries(value).flatMap { entry in problems(entry).map { (entry, $0) } }
    }
}
