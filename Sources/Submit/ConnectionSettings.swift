/// How `submit` and `trigger` reach a platform, as plain values (the command's flags fill them in), so a
/// whole flow can run in-process.
public struct ConnectionSettings: Sendable {
    /// Folder with ca.pem, cert.pem and key.pem; `ca`, `cert` and `key` override its files one by one.
    public var certDir: String?
    public var ca: String?
    public var cert: String?
    public var key: String?
    public var insecure = false
    public var allowHTTP = false
    /// Attempts after the first for connection failures, 429, 502, 503 and 504.
    public var retries = 3
    /// Limits of one attempt, each clipped to what `timeout` leaves.
    public var connectTimeout = 10.0
    public var requestTimeout = 60.0
    /// The whole command: every connection, request, retry, back-off, `Retry-After` and `--wait` poll.
    /// Ten minutes covers a deployment that `--wait` follows; without `--wait`, the retries end sooner.
    public var timeout = 600.0
    public var maxResponseBytes = 16 << 20
    /// Trace every request and response (redacted) on standard error.
    public var verbose = false

    public init() {}

    public var tls: TLSOptions {
        let folder = certDir.map { $0.hasSuffix("/") ? $0 : $0 + "/" }
        return TLSOptions(caFile: ca ?? folder.map { $0 + "ca.pem" }, insecure: insecure,
                          clientCertificate: cert ?? folder.map { $0 + "cert.pem" }, clientKey: key ?? folder.map { $0 + "key.pem" })
    }

    /// Said once per command, before anything is sent: a connection anyone on the path can read or change.
    func warnIfInsecure(_ output: CommandOutput) {
        if insecure { output.standardError("stackc: warning: --insecure: the server's certificate is not verified; anyone on the path can read and change this exchange\n") }
    }

    /// `PlainHTTP`'s verdict on a URL the command was given: its warning printed, or its refusal.
    func checkTransport(_ url: EndpointURL, role: String, carrying: String, output: CommandOutput) -> SubmitFailure? {
        switch PlainHTTP.check(url, role: role, carrying: carrying, allowed: allowHTTP) {
        case .failure(let failure):
            return failure
        case .success(let warning):
            if let warning { output.standardError(warning) }
            return nil
        }
    }

    func session(endpoint: String, headers: [(name: String, value: String)], redactor: Redactor, deadline: Deadline, output: CommandOutput,
                 tls: TLSOptions? = nil, redirectHint: String = "give the final URL with --endpoint") -> Session {
        let client = HTTPClient(tls: tls ?? self.tls, connectTimeout: connectTimeout, totalTimeout: requestTimeout, maxResponseBytes: maxResponseBytes)
        return Session(options: SessionOptions(endpoint: endpoint, client: client, retry: RetryPolicy(retries: retries), headers: headers,
                                               redactor: redactor, trace: verbose ? output.standardError : nil, progress: output.standardError,
                                               redirectHint: redirectHint, deadline: deadline))
    }
}
