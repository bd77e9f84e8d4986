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
    /// The flags that give a client certificate, for messages that ask for one.
    static let clientCertificateFlags = "--cert-dir DIR with cert.pem and key.pem, or --cert FILE --key FILE"

    /// Whom the server's certificate must be signed by, for messages.
    var trustedCAs: String {
        caFile.map { "the CA in \($0)" } ?? (inMemory != nil ? "the cluster's CA" : "the system's CAs")
    }

    /// libcurl could not use the CA file: named, with why (a usage error).
    func unusableCA(reason: String) -> TransportError {
        guard let caFile else { return TransportError(.other, "TLS: the system's CAs cannot be used (\(reason))") }
        if case .failure(let failure) = FileBytes.contents(ofFile: caFile, maxBytes: 1 << 20) {
            return TransportError(.localFile, "the CA file \(caFile): \(failure.message); give the CA with \(caFlag)")
        }
        return TransportError(.localFile, "the CA file \(caFile) holds no PEM certificate; give the CA with \(caFlag)")
    }

    /// libcurl could not use the client certificate or its key: which file, and why (a usage error). libcurl
    /// says only which of the two it failed on; a readable PEM key it refuses belongs to another certificate.
    func unusableClientCertificate(reason: String) -> TransportError {
        guard let certificate = clientCertificate else {
            return TransportError(.clientCertificate, "TLS: the cluster's client certificate or key from the OpenAPI cannot be used (\(reason))")
        }
        let key = clientKey ?? certificate
        let fix = "pass \(Self.clientCertificateFlags)"
        let certificateText: [UInt8]
        switch FileBytes.contents(ofFile: certificate, maxBytes: 1 << 20) {
        case .failure(let failure): return TransportError(.localFile, "the client certificate \(certificate): \(failure.message); \(fix)")
        case .success(let bytes): certificateText = bytes
        }
        if reason.hasPrefix("could not load") || !String(decoding: certificateText, as: UTF8.self).contains("-----BEGIN CERTIFICATE-----") {
            return TransportError(.localFile, "the client certificate \(certificate) is not a PEM certificate; \(fix)")
        }
        switch FileBytes.contents(ofFile: key, maxBytes: 1 << 20) {
        case .failure(let failure):
            return TransportError(.localFile, "the client key \(key): \(failure.message); \(fix)")
        case .success(let bytes):
            let text = String(decoding: bytes, as: UTF8.self)
            if text.contains("ENCRYPTED") { return TransportError(.localFile, "the client key \(key) is encrypted; stackc needs it without a pass phrase") }
            if !text.contains("PRIVATE KEY-----") { return TransportError(.localFile, "the client key \(key) is not a PEM private key; \(fix)") }
            return TransportError(.localFile, "the client key \(key) does not belong to the client certificate \(certificate); \(fix)")
        }
    }
}
