internal import CLibCurl
import Diagnostics
import Glibc

/// A failed transfer explained from what the TLS layer said (`TLSReport`): whose certificate was refused,
/// by whom, why, and the flag that fixes it. A refusal will happen again on every retry, so none of these
/// is transient.
struct TLSFailure {
    var report: TLSReport
    var tls: TLSOptions
    /// The URL the request went to.
    var url: String
    /// libcurl refused the server's certificate (`CURLE_PEER_FAILED_VERIFICATION`).
    var verificationFailed: Bool
    /// The connection ended before the first byte of an answer (a send or receive error, an empty reply,
    /// a handshake that failed).
    var brokeBeforeAnswer: Bool
    /// Seconds since the epoch, for "this machine's clock says".
    var now = Int(time(nil))

    /// nil when the report explains nothing and libcurl's code has to do.
    var error: TransportError? {
        if verificationFailed {
            // OpenSSL checks the chain; libcurl checks the host name itself, after the handshake.
            if report.verifyError != 0 { return serverCertificateRefused() }
            if let leaf = report.leaf { return hostNameMismatch(leaf) }
        }
        if let alert = report.alert { return alerted(alert) }
        // No alert: with TLS 1.3 the server judges our certificate after our side of the handshake is done,
        // and its close can reset the connection before its alert is read. Asked for a certificate and
        // hanging up before any answer (and before a session ticket, its sign of acceptance) is the refusal.
        // With TLS 1.2 the verdict is part of the handshake, so its alert always arrives.
        if report.tls13 && report.certificateRequested && brokeBeforeAnswer && !report.ticketReceived {
            return report.certificateSent
                ? clientCertificateRefused("it closed the connection after receiving it, without an answer")
                : clientCertificateMissing("it asked for one and closed the connection without an answer")
        }
        return nil
    }

    private var origin: String { URLParts(url).origin }

    /// The host the certificate must name: the authority without port (and without an IPv6 address's brackets).
    private var hostName: String {
        let authority = URLParts(url).authority
        if authority.hasPrefix("["), let close = authority.firstIndex(of: "]") {
            return String(authority[authority.index(after: authority.startIndex)..<close])
        }
        return authority.split(separator: ":", omittingEmptySubsequences: false).first.map(String.init) ?? authority
    }

    /// Alerts a server sends about the client's certificate (or its absence) when it asked for one.
    private static let aboutClientCertificate = [SSL_AD_HANDSHAKE_FAILURE, SSL_AD_BAD_CERTIFICATE, SSL_AD_UNSUPPORTED_CERTIFICATE,
                                                 SSL_AD_CERTIFICATE_REVOKED, SSL_AD_CERTIFICATE_EXPIRED, SSL_AD_CERTIFICATE_UNKNOWN,
                                                 SSL_AD_UNKNOWN_CA, SSL_AD_ACCESS_DENIED]

    private func alerted(_ alert: Int32) -> TransportError {
        let evidence = "alert \(TLSAlert.name(alert))"
        if alert == SSL_AD_CERTIFICATE_REQUIRED || (report.certificateRequested && Self.aboutClientCertificate.contains(alert)) {
            return report.certificateSent ? clientCertificateRefused(evidence, alert: alert) : clientCertificateMissing(evidence)
        }
        switch alert {
        case SSL_AD_PROTOCOL_VERSION, SSL_AD_INSUFFICIENT_SECURITY, SSL_AD_HANDSHAKE_FAILURE:
            return TransportError(.tls, "TLS: \(origin) and stackc (\(TLSObserver.backend)) have no TLS version or cipher in common (\(evidence)); the server must offer TLS 1.2 or 1.3 with a current cipher")
        case SSL_AD_UNRECOGNIZED_NAME:
            return TransportError(.tls, "TLS: \(origin) does not serve the name \(hostName) (\(evidence)); check the host in the URL")
        default:
            return TransportError(.tls, "TLS: \(origin) ended the handshake (\(evidence))")
        }
    }

    private func clientCertificateMissing(_ evidence: String) -> TransportError {
        TransportError(.clientCertificate, "TLS: \(origin) requires a client certificate and none was given (\(evidence)); pass \(TLSOptions.clientCertificateFlags)")
    }

    private func clientCertificateRefused(_ evidence: String, alert: Int32? = nil) -> TransportError {
        let certificate = tls.clientCertificate ?? "of the cluster"
        let reason = switch alert {
        case SSL_AD_CERTIFICATE_EXPIRED: "it has expired; renew it"
        case SSL_AD_CERTIFICATE_REVOKED: "it has been revoked; ask for a new one"
        default: "the server does not trust your client certificate's CA; use a certificate signed by a CA it trusts (for an aliyun cluster, cert.pem and key.pem from the cluster's certificate folder, with --cert-dir DIR)"
        }
        return TransportError(.clientCertificate, "TLS: \(origin) refused the client certificate \(certificate) (\(evidence)): \(reason)")
    }

    private func serverCertificateRefused() -> TransportError {
        let subject = report.failing.map { "\"\($0.commonName)\"" } ?? "a certificate"
        let clock = "this machine's clock says \(utcDate(now))"
        let about = report.verifyDepth == 0 ? "the certificate of \(origin)" : "the certificate of \(origin) is signed by \(subject), whose certificate"
        switch report.verifyError {
        case X509_V_ERR_CERT_HAS_EXPIRED:
            return TransportError(.serverCertificate, "TLS: \(about) expired on \(report.failing?.notAfter ?? "?") (\(clock)); the server needs a renewed certificate")
        case X509_V_ERR_CERT_NOT_YET_VALID:
            return TransportError(.serverCertificate, "TLS: \(about) is not valid before \(report.failing?.notBefore ?? "?") (\(clock)); check this machine's clock")
        case X509_V_ERR_CERT_REVOKED:
            return TransportError(.serverCertificate, "TLS: \(about) has been revoked; the server needs a new certificate")
        case X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT:
            return TransportError(.serverCertificate, "TLS: the certificate of \(origin) is not trusted by \(tls.trustedCAs): it is self-signed (\(subject)); give that certificate itself with \(tls.caFlag)")
        case X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT, X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY, X509_V_ERR_UNABLE_TO_VERIFY_LEAF_SIGNATURE, X509_V_ERR_SELF_SIGNED_CERT_IN_CHAIN:
            let issuer = report.failing.map { "issued by \"\($0.issuer)\": " } ?? ""
            return TransportError(.serverCertificate, "TLS: the certificate of \(origin) is not trusted by \(tls.trustedCAs) (\(issuer)\(report.verifyText)); give the CA that signed it with \(tls.caFlag)")
        default:
            return TransportError(.serverCertificate, "TLS: the certificate of \(origin) failed verification: \(report.verifyText) (X509 error \(report.verifyError))")
        }
    }

    private func hostNameMismatch(_ leaf: TLSReport.Certificate) -> TransportError {
        let names = leaf.hostNames.isEmpty ? "no host name" : leaf.hostNames.joined(separator: ", ")
        return TransportError(.serverCertificate, "TLS: the certificate of \(origin) is for \(names), not \(hostName); use one of those names in the URL, or the server needs a certificate for \(hostName)")
    }
}

/// `2020-01-02 00:00:00 UTC`, the form `tls_observer.h` writes certificate dates in.
private func utcDate(_ seconds: Int) -> String {
    var time = time_t(seconds)
    var parts = tm()
    gmtime_r(&time, &parts)
    var text = [CChar](repeating: 0, count: 32)
    strftime(&text, text.count, "%Y-%m-%d %H:%M:%S UTC", &parts)
    return String(decoding: text.prefix { $0 != 0 }.map(UInt8.init), as: UTF8.self)
}

/// The names RFC 8446 §6 gives the alerts, for messages (OpenSSL's own are prose).
enum TLSAlert {
    private static let names: [Int32: String] = [
        0: "close_notify", 10: "unexpected_message", 20: "bad_record_mac", 22: "record_overflow", 40: "handshake_failure", 42: "bad_certificate",
        43: "unsupported_certificate", 44: "certificate_revoked", 45: "certificate_expired", 46: "certificate_unknown", 47: "illegal_parameter",
        48: "unknown_ca", 49: "access_denied", 50: "decode_error", 51: "decrypt_error", 70: "protocol_version", 71: "insufficient_security",
        80: "internal_error", 86: "inappropriate_fallback", 90: "user_canceled", 109: "missing_extension", 110: "unsupported_extension",
        112: "unrecognized_name", 113: "bad_certificate_status_response", 115: "unknown_psk_identity", 116: "certificate_required",
        120: "no_application_protocol",
    ]

    static func name(_ alert: Int32) -> String { names[alert] ?? "number \(alert)" }
}
