/// One HTTP exchange as the platform clients see it: no libcurl type leaks out of `HTTPClient`.
public struct HTTPRequest: Sendable {
    public var method: String
    /// The absolute URL, query already encoded.
    public var url: String
    public var headers: [(name: String, value: String)]
    public var body: [UInt8]?

    public init(method: String, url: String, headers: [(name: String, value: String)] = [], body: [UInt8]? = nil) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
    }
}

public struct HTTPResponse: Sendable {
    public var status: Int
    public var headers: [(name: String, value: String)]
    public var body: [UInt8]

    public init(status: Int, headers: [(name: String, value: String)] = [], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// The last value of a header, names compared without case as HTTP wants.
    public func header(_ name: String) -> String? {
        headers.last { $0.name.lowercased() == name.lowercased() }?.value
    }

    public var text: String { String(decoding: body, as: UTF8.self) }
}

/// Why no HTTP response arrived. The kind decides whether a retry can help (`isTransient`) and the
/// message says what to change, because "SSL error 60" helps nobody in a CI log.
public struct TransportError: Error, Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// The server's certificate is not trusted by the given CA (or the host name does not match).
        case serverCertificate
        /// Our own certificate or key is missing, unreadable or refused.
        case clientCertificate
        /// A CA, certificate or key file the flags name is missing, unreadable or unusable.
        case localFile
        /// Any other TLS failure.
        case tls
        /// Refused, unreachable or the name did not resolve (the server's or the proxy's).
        case connect
        /// The proxy refused the tunnel (407: its credentials are missing or wrong).
        case proxy
        /// The connection broke mid-exchange (reset, empty reply).
        case connectionLost
        case timeout
        /// The answer was larger than the response bound.
        case responseTooLarge
        case other
    }

    public var kind: Kind
    public var message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    /// A later attempt may succeed: the network, not the request, failed.
    public var isTransient: Bool {
        switch kind {
        case .connect, .connectionLost, .timeout: true
        case .serverCertificate, .clientCertificate, .localFile, .tls, .proxy, .responseTooLarge, .other: false
        }
    }

    /// The exit status (DESIGN.md) of a failure nothing retried away: a file the flags name is a usage
    /// error (2); a certificate one side refuses, or a handshake that cannot succeed, is the user's to fix
    /// and would fail again, like a refused request (1); the rest may pass later (3).
    public var failureKind: SubmitFailure.Kind {
        switch kind {
        case .localFile: .usage
        case .serverCertificate, .clientCertificate, .tls: .rejected
        case .connect, .proxy, .connectionLost, .timeout, .responseTooLarge, .other: .unreachable
        }
    }
}
