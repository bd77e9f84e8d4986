import ArgumentParser
import Glibc
import Submit

/// How to reach and authenticate with a platform; shared by `submit` and `trigger`.
struct ConnectionFlags: ParsableArguments {
    @Option(name: .customLong("cert-dir"), help: ArgumentHelp("Folder with ca.pem, cert.pem and key.pem (aliyun cluster API: mutual TLS).", valueName: "dir"))
    var certDir: String?

    @Option(help: ArgumentHelp("CA certificate (PEM) that signed the server's certificate.", valueName: "file"))
    var ca: String?

    @Option(help: ArgumentHelp("Client certificate (PEM).", valueName: "file"))
    var cert: String?

    @Option(help: ArgumentHelp("Client private key (PEM).", valueName: "file"))
    var key: String?

    @Flag(help: "Do not verify the server's certificate (warns; for throwaway test clusters only).")
    var insecure = false

    @Flag(name: .customLong("allow-http"), help: "Send to a plain http:// URL, credentials and template unencrypted (warns; without it, http:// is refused).")
    var allowHTTP = false

    @Option(help: "Attempts after the first for connection failures, 429, 502, 503 and 504.")
    var retries = 3

    @Option(name: .customLong("connect-timeout"), help: ArgumentHelp("Seconds to wait for a connection.", valueName: "seconds"))
    var connectTimeout = 10.0

    @Option(name: .customLong("request-timeout"), help: ArgumentHelp("Seconds one request may take in all.", valueName: "seconds"))
    var requestTimeout = 60.0

    @Option(name: .customLong("max-response-bytes"), help: "Abort an answer longer than this.")
    var maxResponseBytes = 16 << 20

    @Flag(help: "Trace every request and response on stderr (credentials and secret values redacted).")
    var verbose = false

    func validate() throws {
        if retries < 0 || retries > 20 { throw ValidationError("--retries must be 0–20") }
        if connectTimeout <= 0 || requestTimeout <= 0 { throw ValidationError("timeouts must be positive") }
    }

    var tls: TLSOptions {
        let folder = certDir.map { $0.hasSuffix("/") ? $0 : $0 + "/" }
        return TLSOptions(caFile: ca ?? folder.map { $0 + "ca.pem" }, insecure: insecure,
                          clientCertificate: cert ?? folder.map { $0 + "cert.pem" }, clientKey: key ?? folder.map { $0 + "key.pem" })
    }

    /// Said once per command, before anything is sent: a connection anyone on the path can read or change.
    func warnIfInsecure() {
        if insecure { Terminal.write("stackc: warning: --insecure: the server's certificate is not verified; anyone on the path can read and change this exchange\n", to: Terminal.standardError) }
    }

    /// `PlainHTTP`'s verdict on a URL the command was given: its warning printed, or its refusal an exit.
    func checkTransport(_ url: EndpointURL, role: String, carrying: String) throws {
        switch PlainHTTP.check(url, role: role, carrying: carrying, allowed: allowHTTP) {
        case .failure(let failure):
            Terminal.write("stackc: \(failure.message)\n", to: Terminal.standardError)
            throw ExitCode(failure.exitCode)
        case .success(let warning):
            if let warning { Terminal.write(warning, to: Terminal.standardError) }
        }
    }

    func session(endpoint: String, headers: [(name: String, value: String)], redactor: Redactor, tls: TLSOptions? = nil,
                 redirectHint: String = "give the final URL with --endpoint") -> Session {
        let client = HTTPClient(tls: tls ?? self.tls, connectTimeout: connectTimeout, totalTimeout: requestTimeout, maxResponseBytes: maxResponseBytes)
        let toStandardError: @Sendable (String) -> Void = { Terminal.write($0, to: Terminal.standardError) }
        return Session(options: SessionOptions(endpoint: endpoint, client: client, retry: RetryPolicy(retries: retries), headers: headers,
                                               redactor: redactor, trace: verbose ? toStandardError : nil, progress: toStandardError,
                                               redirectHint: redirectHint))
    }
}

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

/// Prints an outcome as the summary line or one JSON object, redacted on its way out, and turns it into
/// the exit status.
func finish(_ outcome: SubmitOutcome, format: OutputFormat, redactor: Redactor) throws {
    switch format {
    case .json: Terminal.write(redactor.text(outcome.json), to: Terminal.standardOutput)
    case .text: Terminal.write(redactor.text(outcome.summary), to: outcome.failure == nil ? Terminal.standardOutput : Terminal.standardError)
    }
    if outcome.exitCode != 0 { throw ExitCode(outcome.exitCode) }
}
