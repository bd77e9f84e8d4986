/// The value of `aliyun.probe.url`, a service's health check: `http://container[:port]/path` (2xx or 3xx
/// is healthy, the port defaults to 80) or `tcp://container:port`. The platform probes each container
/// from its host, so the host part is not a name to resolve but the literal word `container` (ALIYUN.md
/// §3.2; the Kompose fork's `parseServiceProbe` refuses any other host, and a port that is not a number).
public enum AliyunProbe {
    public enum Problem: Sendable, Equatable {
        case malformed
        case unsupportedScheme(String)
        /// The host is not `container`; `corrected` is the URL with it replaced.
        case notContainer(host: String, corrected: String)
        case missingPort
        case invalidPort(String)

        /// What is wrong and how to write it, to follow "aliyun.probe.url is '…'; ".
        public var message: String {
            switch self {
            case .malformed:
                "it must be 'http://container[:port]/path' or 'tcp://container:port'"
            case .unsupportedScheme(let scheme):
                "the scheme '\(scheme)' is neither 'http' nor 'tcp' (the probe sends a plain HTTP GET or opens a TCP connection)"
            case .notContainer(let host, let corrected):
                "the host must be the word 'container' (the platform probes each container of the service), not '\(host)'; write '\(corrected)'"
            case .missingPort:
                "a tcp probe needs a port: 'tcp://container:PORT'"
            case .invalidPort(let port):
                "the port '\(port)' is not a number 1–65535"
            }
        }
    }

    public static func problems(_ url: String) -> [Problem] {
        guard let split = AliyunText.splitScheme(Substring(url)) else { return [.malformed] }
        let scheme = split.scheme.lowercased()
        guard scheme == "http" || scheme == "tcp" else { return [.unsupportedScheme(String(split.scheme))] }
        let slash = split.rest.firstIndex(ascii: "/") ?? split.rest.endIndex
        let authority = split.rest[..<slash]
        let colon = authority.lastIndex(ascii: ":")
        let host = authority[..<(colon ?? authority.endIndex)]
        let port = colon.map { authority[authority.index(after: $0)...] } ?? ""
        var problems: [Problem] = []
        if host != "container" {
            problems.append(.notContainer(host: String(host), corrected: "\(split.scheme)://container\(authority[host.endIndex...])\(split.rest[slash...])"))
        }
        if port.isEmpty {
            if scheme == "tcp" { problems.append(.missingPort) }
        } else if AliyunText.number(port, in: 1...65535) == nil {
            problems.append(.invalidPort(String(port)))
        }
        return problems
    }
}
