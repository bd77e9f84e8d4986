import ArgumentParser
import Submit

/// How to reach and authenticate with a platform, and how long it may take; shared by `submit` and `trigger`.
struct ConnectionFlags: ParsableArguments {
    private static let defaults = ConnectionSettings()

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

    @Option(help: ArgumentHelp("Seconds the whole command may take: every connection, request, retry, back-off, Retry-After wait and --wait poll (exit 3 when reached).", valueName: "seconds"))
    var timeout = defaults.timeout

    @Option(help: "Attempts after the first for connection failures, 429, 502, 503 and 504.")
    var retries = defaults.retries

    @Option(name: .customLong("connect-timeout"), help: ArgumentHelp("Seconds one attempt may wait for a connection (within --timeout).", valueName: "seconds"))
    var connectTimeout = defaults.connectTimeout

    @Option(name: .customLong("request-timeout"), help: ArgumentHelp("Seconds one attempt may take in all (within --timeout).", valueName: "seconds"))
    var requestTimeout = defaults.requestTimeout

    @Option(name: .customLong("max-response-bytes"), help: "Abort an answer longer than this.")
    var maxResponseBytes = defaults.maxResponseBytes

    @Flag(help: "Trace every request and response on stderr (credentials and secret values redacted).")
    var verbose = false

    func validate() throws {
        if retries < 0 || retries > 20 { throw ValidationError("--retries must be 0–20") }
        if timeout <= 0 || connectTimeout <= 0 || requestTimeout <= 0 { throw ValidationError("--timeout, --connect-timeout and --request-timeout must be positive") }
    }

    var settings: ConnectionSettings {
        var settings = ConnectionSettings()
        (settings.certDir, settings.ca, settings.cert, settings.key) = (certDir, ca, cert, key)
        (settings.insecure, settings.allowHTTP, settings.verbose) = (insecure, allowHTTP, verbose)
        (settings.timeout, settings.retries, settings.connectTimeout, settings.requestTimeout) = (timeout, retries, connectTimeout, requestTimeout)
        settings.maxResponseBytes = maxResponseBytes
        return settings
    }
}

extension OutcomeFormat: ExpressibleByArgument {}

extension CommandResult {
    /// The command's end: a usage message through the argument parser (exit 2, with the usage), else the status.
    func finish() throws {
        switch self {
        case .usage(let message): throw ValidationError(message)
        case .exit(0): return
        case .exit(let status): throw ExitCode(status)
        }
    }
}
