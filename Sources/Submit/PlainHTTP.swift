/// Plain `http://` carries everything in clear: a token, a signed request, a trigger's secret, the
/// template with its values, and the answer of the OpenAPI, which holds the cluster's private key. So an
/// `http://` URL is refused unless the user passes `--allow-http`, and then warned about. A loopback
/// address is not exempt: a tunnel or a port forward can carry the traffic on from there, and one rule
/// is easier to trust (the tests run their emulator with TLS).
public enum PlainHTTP {
    /// Nil for https; for http, the warning to print when it is allowed, else a usage failure naming
    /// `--allow-http`. `carrying` says what would travel unencrypted ("the trigger's secret").
    public static func check(_ url: EndpointURL, role: String, carrying: String, allowed: Bool) -> Result<String?, SubmitFailure> {
        guard url.scheme == .http else { return .success(nil) }
        guard allowed else {
            return .failure(SubmitFailure(.usage, "\(role) \(url.origin) is plain http://: \(carrying) would travel unencrypted; use https://, or pass --allow-http to send it anyway (a test cluster)"))
        }
        return .success("stackc: warning: \(url.origin) is plain http://: \(carrying) will travel unencrypted; use https://\n")
    }
}
