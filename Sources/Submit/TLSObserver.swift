internal import CLibCurl

/// What the TLS layer said during one transfer: the server's error alert, whether it asked for a client
/// certificate and got one, and what was wrong with its own certificate. Failures are explained from this
/// rather than from the socket's last words, which with TLS 1.3 race the server's alert.
struct TLSReport: Sendable {
    /// A certificate as a message names it.
    struct Certificate: Sendable {
        var commonName: String
        var issuer: String
        /// subjectAltName DNS names and IP addresses.
        var names: [String]
        var notBefore: String
        var notAfter: String

        /// The names a client may call the server by: the subjectAltNames, else the common name.
        var hostNames: [String] { names.isEmpty ? [commonName].filter { !$0.isEmpty } : names }
    }

    /// The description of the server's error alert (RFC 8446 §6), e.g. 116 certificate_required.
    var alert: Int32?
    var certificateRequested = false
    var certificateSent = false
    /// A NewSessionTicket arrived: with TLS 1.3 the server accepted the handshake, our certificate included.
    var ticketReceived = false
    /// TLS 1.3 was spoken: the server judges our certificate after the handshake is complete for us.
    var tls13 = false
    /// The first `X509_V_ERR_*` of the server's chain, OpenSSL's words for it, and the certificate it is about
    /// (depth 0 is the server's own).
    var verifyError: Int32 = 0
    var verifyText = ""
    var verifyDepth = 0
    var failing: Certificate?
    /// The server's own certificate.
    var leaf: Certificate?
}

/// Records a `TLSReport` for one easy handle through `CURLOPT_SSL_CTX_FUNCTION` (`tls_observer.h`). Must
/// outlive the handle: OpenSSL reports the closing alert while libcurl cleans up.
final class TLSObserver {
    private let record = UnsafeMutablePointer<clibcurl_tls_observation>.allocate(capacity: 1)
    /// False when libcurl's TLS backend is not OpenSSL: then nothing is recorded and failures are told from
    /// libcurl's codes alone.
    let installed: Bool

    init(handle: UnsafeMutableRawPointer) {
        installed = clibcurl_observe_tls(handle, record) != 0
    }

    deinit {
        record.deallocate()
    }

    /// libcurl's TLS backend as it names itself ("OpenSSL/3.0.11").
    static var backend: String { String(cString: clibcurl_tls_backend()) }

    /// What was recorded; nil when nothing could be.
    var report: TLSReport? {
        guard installed else { return nil }
        let observed = record.pointee
        var report = TLSReport(alert: observed.alert_received >= 0 ? observed.alert_received : nil,
                               certificateRequested: observed.certificate_requested != 0, certificateSent: observed.certificate_sent != 0,
                               ticketReceived: observed.ticket_received != 0, tls13: observed.version == TLS1_3_VERSION)
        if observed.verify_error != 0 {
            report.verifyError = observed.verify_error
            report.verifyText = text(observed.verify_text)
            report.verifyDepth = Int(observed.verify_depth)
            report.failing = certificate(observed.failing)
        }
        report.leaf = certificate(observed.leaf)
        return report
    }

    private func certificate(_ described: clibcurl_tls_certificate) -> TLSReport.Certificate? {
        let value = TLSReport.Certificate(commonName: text(described.common_name), issuer: text(described.issuer),
                                          names: text(described.names).split(separator: ", ").map(String.init),
                                          notBefore: text(described.not_before), notAfter: text(described.not_after))
        return value.commonName.isEmpty && value.names.isEmpty && value.notAfter.isEmpty ? nil : value
    }
}

/// A NUL-terminated C `char[N]`, which Swift imports as a tuple.
private func text<Bytes>(_ bytes: Bytes) -> String {
    withUnsafeBytes(of: bytes) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
}
