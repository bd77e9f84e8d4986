import Diagnostics
/// The proxy libcurl takes from the environment for a URL, read as the curl tool documents it: for https
/// `https_proxy` (or `HTTPS_PROXY`), for http `http_proxy` (lower case only), else `all_proxy` (or
/// `ALL_PROXY`); none when `no_proxy` (or `NO_PROXY`) names the host — `*`, the host itself, or a domain
/// it ends in. libcurl still chooses the proxy itself; this only tells a failed connection to the proxy
/// from one to the server, so the message can say "proxy" and name it (without its credentials).
struct ProxySetting: Equatable {
    /// The variable it came from, e.g. `https_proxy`.
    let variable: String
    /// `http://host:port` of the proxy.
    let address: String

    init?(for url: String, environment: (String) -> String?) {
        let target = URLParts(url)
        let scheme = target.scheme.dropLast(3).lowercased()
        guard !scheme.isEmpty else { return nil }
        let names = scheme == "http" ? ["http_proxy", "all_proxy", "ALL_PROXY"] : ["\(scheme)_proxy", "\(scheme.uppercased())_PROXY", "all_proxy", "ALL_PROXY"]
        guard let variable = names.first(where: { !(environment($0) ?? "").isEmpty }), let value = environment(variable) else { return nil }
        let host = target.authority.lowercased().split(separator: ":").first.map(String.init) ?? ""
        let exempt = (environment("no_proxy") ?? environment("NO_PROXY") ?? "").split { $0 == "," || $0 == " " }.contains { entry in
            let name = entry.lowercased().drop { $0 == "." }
            return name == "*" || host == name || host.hasSuffix("." + name)
        }
        guard !exempt else { return nil }
        self.variable = variable
        address = URLParts(value.contains("://") ? value : "http://" + value).origin
    }
}
