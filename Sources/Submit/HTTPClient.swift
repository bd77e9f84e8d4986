import Diagnostics
internal import CLibCurl
import Glibc

/// HTTPS over libcurl — with `TLSObserver`, the only file that touches libcurl. One easy handle per
/// request, nothing shared, so a value can be used from any thread. Verification is on unless `insecure`;
/// redirects are never followed (a redirect would carry credentials to whatever host it names); proxies
/// come from the environment (`https_proxy`, `no_proxy`, …) exactly as the curl tool reads them, because
/// that is libcurl's own default.
public struct HTTPClient: Sendable {
    public var tls: TLSOptions
    public var connectTimeout: Double
    public var totalTimeout: Double
    /// Answers longer than this abort the transfer: a misbehaving server cannot exhaust memory.
    public var maxResponseBytes: Int

    public init(tls: TLSOptions = TLSOptions(), connectTimeout: Double = 10, totalTimeout: Double = 60, maxResponseBytes: Int = 16 << 20) {
        self.tls = tls
        self.connectTimeout = connectTimeout
        self.totalTimeout = totalTimeout
        self.maxResponseBytes = maxResponseBytes
    }

    public func send(_ request: HTTPRequest) -> Result<HTTPResponse, TransportError> {
        guard clibcurl_available() != 0 else {
            return .failure(TransportError(.other, "libcurl is not installed (it is opened when a request is sent): apt-get install -y libcurl4"))
        }
        guard curlInitialised, let handle = clibcurl_easy_init() else {
            return .failure(TransportError(.other, "libcurl could not be initialised"))
        }
        let observer = TLSObserver(handle: handle)
        // The observer outlives the handle: OpenSSL reports the closing alert while libcurl cleans up.
        defer { withExtendedLifetime(observer) { clibcurl_easy_cleanup(handle) } }
        let collector = Collector(limit: maxResponseBytes)
        let context = Unmanaged.passUnretained(collector).toOpaque()
        let errorText = UnsafeMutablePointer<CChar>.allocate(capacity: Int(CURL_ERROR_SIZE) + 1)
        errorText.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
        defer { errorText.deallocate() }
        var headerList: UnsafeMutablePointer<curl_slist>?
        // "Expect:" stops curl from waiting for 100-continue before sending a body.
        for line in request.headers.map({ "\($0.name): \($0.value)" }) + ["Expect:"] {
            headerList = clibcurl_slist_append(headerList, line)
        }
        defer { clibcurl_slist_free_all(headerList) }

        clibcurl_setopt_string(handle, CURLOPT_URL, request.url)
        clibcurl_setopt_string(handle, CURLOPT_PROTOCOLS_STR, "https,http")
        clibcurl_setopt_long(handle, CURLOPT_FOLLOWLOCATION, 0)
        clibcurl_setopt_long(handle, CURLOPT_NOSIGNAL, 1)
        clibcurl_setopt_long(handle, CURLOPT_CONNECTTIMEOUT_MS, milliseconds(connectTimeout))
        clibcurl_setopt_long(handle, CURLOPT_TIMEOUT_MS, milliseconds(totalTimeout))
        clibcurl_setopt_offset(handle, CURLOPT_MAXFILESIZE_LARGE, curl_off_t(maxResponseBytes))
        clibcurl_setopt_pointer(handle, CURLOPT_ERRORBUFFER, errorText)
        clibcurl_setopt_pointer(handle, CURLOPT_HTTPHEADER, headerList)
        clibcurl_setopt_write_function(handle, CURLOPT_WRITEFUNCTION, collectBody)
        clibcurl_setopt_pointer(handle, CURLOPT_WRITEDATA, context)
        clibcurl_setopt_write_function(handle, CURLOPT_HEADERFUNCTION, collectHeader)
        clibcurl_setopt_pointer(handle, CURLOPT_HEADERDATA, context)
        configureTLS(handle)
        if request.method == "GET" && request.body == nil {
            clibcurl_setopt_long(handle, CURLOPT_HTTPGET, 1)
        } else {
            clibcurl_setopt_string(handle, CURLOPT_CUSTOMREQUEST, request.method)
            if let body = request.body {
                clibcurl_setopt_offset(handle, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(body.count))
                // COPYPOSTFIELDS copies the bytes, so the array need not outlive this call.
                body.withUnsafeBytes { bytes in
                    _ = clibcurl_setopt_pointer(handle, CURLOPT_COPYPOSTFIELDS, UnsafeMutableRawPointer(mutating: bytes.baseAddress ?? UnsafeRawPointer(errorText)))
                }
            }
        }

        let code = clibcurl_easy_perform(handle)
        var status = 0
        clibcurl_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &status)
        guard code == CURLE_OK else {
            var proxyStatus = 0
            clibcurl_getinfo_long(handle, CURLINFO_HTTP_CONNECTCODE, &proxyStatus)
            let failure = Failure(code: code, detail: String(cString: errorText), url: request.url, exceeded: collector.exceeded, proxyStatus: proxyStatus,
                                  answered: status != 0, tls: observer.report)
            return .failure(classify(failure))
        }
        return .success(HTTPResponse(status: status, headers: collector.headers, body: collector.body))
    }

    private func configureTLS(_ handle: UnsafeMutableRawPointer) {
        if tls.insecure {
            clibcurl_setopt_long(handle, CURLOPT_SSL_VERIFYPEER, 0)
            clibcurl_setopt_long(handle, CURLOPT_SSL_VERIFYHOST, 0)
        } else {
            clibcurl_setopt_long(handle, CURLOPT_SSL_VERIFYPEER, 1)
            clibcurl_setopt_long(handle, CURLOPT_SSL_VERIFYHOST, 2)
        }
        if let caFile = tls.caFile { clibcurl_setopt_string(handle, CURLOPT_CAINFO, caFile) }
        if let certificate = tls.clientCertificate { clibcurl_setopt_string(handle, CURLOPT_SSLCERT, certificate) }
        if let key = tls.clientKey { clibcurl_setopt_string(handle, CURLOPT_SSLKEY, key) }
        if let (ca, certificate, key) = tls.inMemory {
            for (option, pem) in [(CURLOPT_CAINFO_BLOB, ca), (CURLOPT_SSLCERT_BLOB, certificate), (CURLOPT_SSLKEY_BLOB, key)] {
                var pem = pem
                pem.withUTF8 { bytes in _ = clibcurl_setopt_blob(handle, option, bytes.baseAddress, bytes.count) }
            }
            clibcurl_setopt_string(handle, CURLOPT_SSLCERTTYPE, "PEM")
            clibcurl_setopt_string(handle, CURLOPT_SSLKEYTYPE, "PEM")
        }
    }

    /// A proxy that cannot be reached, or that refuses the tunnel: said as such, with the proxy's address
    /// (never its credentials). A 407 needs other credentials, so it is not retried; a proxy's 5xx may
    /// pass, and nothing reached the server, so it is retried like a refused connection.
    private func proxyFailure(_ code: CURLcode, status: Int, proxy: ProxySetting?, host: String, reason: String) -> TransportError? {
        let named = proxy.map { "the proxy \($0.address) (from \($0.variable))" } ?? "the proxy"
        if status == 407 {
            return TransportError(.proxy, "\(named) refused to connect to \(host): proxy authentication failed (HTTP 407); give the proxy's user and password in \(proxy?.variable ?? "https_proxy") (http://USER:PASSWORD@HOST:PORT), or exempt \(host) with no_proxy")
        }
        if status >= 400 {
            return TransportError(status >= 500 ? .connect : .proxy, "\(named) would not connect to \(host): HTTP \(status) to CONNECT")
        }
        switch code {
        case CURLE_COULDNT_RESOLVE_PROXY:
            return TransportError(.connect, "could not resolve \(named) for \(host): \(reason)")
        case CURLE_COULDNT_CONNECT where proxy != nil:
            return TransportError(.connect, "could not connect to \(named) for \(host): \(reason)")
        default:
            return nil
        }
    }

    /// What is known about a failed transfer.
    private struct Failure {
        var code: CURLcode
        /// libcurl's words (its error buffer).
        var detail: String
        var url: String
        /// The answer outgrew `maxResponseBytes`.
        var exceeded: Bool
        /// The proxy's answer to CONNECT (0 when there was none).
        var proxyStatus: Int
        /// The server's status line arrived.
        var answered: Bool
        /// What the TLS layer said; nil when libcurl's backend is not OpenSSL.
        var tls: TLSReport?
    }

    /// libcurl codes at which the TLS layer may know more than libcurl says.
    private static let tlsCodes = [CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CLIENTCERT, CURLE_SEND_ERROR,
                                   CURLE_RECV_ERROR, CURLE_GOT_NOTHING]

    /// A failure turned into what the user should do about it: from the TLS layer's report when it explains
    /// the failure, else from libcurl's numeric code.
    private func classify(_ failure: Failure) -> TransportError {
        let code = failure.code
        let reason = failure.detail.isEmpty ? String(cString: clibcurl_easy_strerror(code)) : failure.detail
        let host = URLParts(failure.url).origin
        let proxy = ProxySetting(for: failure.url, environment: { getenv($0).map { String(cString: $0) } })
        if let error = proxyFailure(code, status: failure.proxyStatus, proxy: proxy, host: host, reason: reason) { return error }
        if let report = failure.tls, Self.tlsCodes.contains(code),
           let error = TLSFailure(report: report, tls: tls, url: failure.url, verificationFailed: code == CURLE_PEER_FAILED_VERIFICATION,
                                  brokeBeforeAnswer: !failure.answered).error {
            return error
        }
        // Said when the TLS layer could not be asked: libcurl's own account is all there is.
        let account = failure.tls == nil ? " (libcurl uses \(TLSObserver.backend); stackc reads TLS alerts only from OpenSSL)" : ""
        switch code {
        case CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_CONNECT:
            return TransportError(.connect, "could not connect to \(host): \(reason)")
        case CURLE_OPERATION_TIMEDOUT:
            return TransportError(.timeout, "\(host) did not answer in time: \(reason)")
        case CURLE_PEER_FAILED_VERIFICATION:
            return TransportError(.serverCertificate, "TLS: the certificate of \(host) is not trusted by \(tls.trustedCAs) (\(reason))\(account); give the CA that signed it with \(tls.caFlag)")
        case CURLE_SSL_CACERT_BADFILE:
            return tls.unusableCA(reason: reason)
        case CURLE_SSL_CERTPROBLEM:
            return tls.unusableClientCertificate(reason: reason)
        case CURLE_SSL_CLIENTCERT:
            return TransportError(.clientCertificate, "TLS: \(host) requires a client certificate (\(reason)); pass \(TLSOptions.clientCertificateFlags)")
        case CURLE_SSL_CONNECT_ERROR:
            return TransportError(.tls, "TLS handshake with \(host) failed: \(reason)\(account)")
        case CURLE_SEND_ERROR, CURLE_RECV_ERROR, CURLE_GOT_NOTHING, CURLE_PARTIAL_FILE:
            return TransportError(.connectionLost, "the connection to \(host) broke: \(reason)")
        case CURLE_WRITE_ERROR where failure.exceeded, CURLE_FILESIZE_EXCEEDED:
            return TransportError(.responseTooLarge, "the answer of \(host) exceeds \(maxResponseBytes) bytes; raise --max-response-bytes if it is expected")
        case CURLE_UNSUPPORTED_PROTOCOL:
            return TransportError(.other, "\(reason); the endpoint must be an https:// (or http://) URL")
        default:
            return TransportError(.other, "request to \(host) failed: \(reason)")
        }
    }
}

private func milliseconds(_ seconds: Double) -> Int {
    Int(max(1, (seconds * 1000).rounded()))
}

private let curlInitialised: Bool = clibcurl_global_init(3) == CURLE_OK

/// Where the callbacks put what arrives; lives on the stack of `send` for one transfer.
private final class Collector {
    let limit: Int
    var body: [UInt8] = []
    var headers: [(name: String, value: String)] = []
    var exceeded = false

    init(limit: Int) {
        self.limit = limit
    }
}

private let collectBody: curl_write_callback = { data, size, count, context in
    let collector = Unmanaged<Collector>.fromOpaque(context!).takeUnretainedValue()
    let length = size * count
    guard collector.body.count + length <= collector.limit else {
        collector.exceeded = true
        return 0
    }
    if let data { collector.body.append(contentsOf: UnsafeRawBufferPointer(start: data, count: length)) }
    return length
}

/// Header lines arrive one per call; a new status line (after a 100 Continue or a proxy's CONNECT)
/// starts the list again so only the final response's headers remain.
private let collectHeader: curl_write_callback = { data, size, count, context in
    let collector = Unmanaged<Collector>.fromOpaque(context!).takeUnretainedValue()
    let length = size * count
    guard let data else { return length }
    let line = String(decoding: UnsafeRawBufferPointer(start: data, count: length), as: UTF8.self)
    if line.hasPrefix("HTTP/") {
        collector.headers = []
    } else if let colon = line.firstIndex(of: ":") {
        let name = String(line[..<colon])
        let value = line[line.index(after: colon)...].trimming(" \t\r\n")
        collector.headers.append((name, value))
    }
    return length
}
