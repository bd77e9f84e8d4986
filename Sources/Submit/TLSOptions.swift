import Diagnostics

/// How the client proves who it is and decides whom to trust.
public struct TLSOptions: Sendable {
    /// PEM file of the CA that signed the server's certificate; nil trusts the system's CAs.
    public var caFile: String?
    /// Skip verifying the server. Only on request, and the commands warn when it is on.
    public var insecure: Bool
    /// PEM client certificate and key for mutual TLS (the aliyun cluster API).
    public var clientCertificate: String?
    public var clientKey: String?
    /// The same material in memory (from the OpenAPI's `/clusters/{id}/certs`), so a private key never
    /// touches the disk; used instead of the files when set.
    public var inMemory: (ca: String, certificate: String, key: String)?
    /// How the command lets the user name the CA, for "give the CA that signed it with …": the signed
    /// OpenAPI has a flag of its own.
    public var caFlag: String

    public init(caFile: String? = nil, insecure: Bool = false, clientCertificate: String? = nil, clientKey: String? = nil,
                inMemory: (ca: String, certificate: String, key: String)? = nil, caFlag: String = "--ca FILE or --cert-dir DIR") {
        self.caFile = caFile
        self.insecure = insecure
        self.clientCertificate = clientCertificate
        self.clientKey = clientKey
        self.inMemory = inMemory
        self.caFlag = caFlag
    }
}

extension TLSOptions {
    /// Whom the server's certificate must be signed by, for messages.
    var trustedCAs: String {
        caFile.map { "the CA in \($0)" } ?? (inMemory != nil ? "the cluster's CA" : "the system's CAs")
    }
}
