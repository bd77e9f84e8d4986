import Diagnostics
import Lowering

/// `--cluster-id`: reach an aliyun cluster with only an AccessKey. Two signed OpenAPI calls
/// (PLATFORM_API.md §3) give the cluster's `master_url` and its certificates; the certificates stay in
/// memory (libcurl's PEM blobs), so the private key is never written to disk.
public struct ClusterAccess {
    public var clusterID: String
    public var signer: ROASigner
    /// `x-acs-region-id`, when known.
    public var region: String?

    public init(clusterID: String, signer: ROASigner, region: String? = nil) {
        self.clusterID = clusterID
        self.signer = signer
        self.region = region
    }

    /// The cluster endpoint and the TLS options for it, fetched through `session` (the OpenAPI). A
    /// `master_url` without scheme is https; one with `http://` is refused unless `allowHTTP`.
    public func resolve(_ session: Session, base tls: TLSOptions, allowHTTP: Bool) -> Result<(endpoint: String, tls: TLSOptions), SubmitFailure> {
        let cluster: JSONValue
        switch signedGET(session, "/clusters/" + clusterID) {
        case .failure(let failure): return .failure(failure)
        case .success(let value): cluster = value
        }
        guard let masterText = cluster["master_url"]?.text, !masterText.isEmpty else {
            let state = session.options.redactor.serverText(cluster["state"]?.text ?? "unknown")
            return .failure(SubmitFailure(.rejected, "cluster \(clusterID) has no master_url (state \(state)); is it a Swarm cluster that is running?"))
        }
        let master: EndpointURL
        do {
            master = try EndpointURL.masterURL(masterText)
        } catch {
            return .failure(SubmitFailure(.rejected, "cluster \(clusterID): \(session.options.redactor.serverText(error.description))"))
        }
        switch PlainHTTP.check(master, role: "the master_url of cluster \(clusterID)", carrying: "the template and its variable values", allowed: allowHTTP) {
        case .failure(let failure): return .failure(failure)
        case .success(let warning): if let warning { session.progress(warning) }
        }
        let certificates: ClusterCertificates
        switch self.certificates(session) {
        case .failure(let failure): return .failure(failure)
        case .success(let fetched): certificates = fetched
        }
        var clusterTLS = tls
        clusterTLS.inMemory = (certificates.ca, certificates.cert, certificates.key)
        clusterTLS.caFile = nil
        clusterTLS.clientCertificate = nil
        clusterTLS.clientKey = nil
        clusterTLS.caFlag = "--endpoint URL and --cert-dir DIR instead of --cluster-id"
        return .success((master.text, clusterTLS))
    }

    /// `GET /clusters/{id}/certs` (000 §1.3.1): the PEM texts a client presents to the cluster API.
    func certificates(_ session: Session) -> Result<ClusterCertificates, SubmitFailure> {
        switch signedGET(session, "/clusters/" + clusterID + "/certs") {
        case .failure(let failure):
            return .failure(failure)
        case .success(let answer):
            guard let ca = answer["ca"]?.text, let cert = answer["cert"]?.text, let key = answer["key"]?.text else {
                return .failure(SubmitFailure(.unreachable, "the certificates of cluster \(clusterID) are incomplete (ca, cert and key expected)"))
            }
            return .success(ClusterCertificates(ca: ca, cert: cert, key: key))
        }
    }

    /// A signed GET; the answer must be a JSON object. A 403 names `stackc sign`, which shows the
    /// string-to-sign to compare with the one the server reports.
    private func signedGET(_ session: Session, _ path: String) -> Result<JSONValue, SubmitFailure> {
        var headers: [(name: String, value: String)] = [("x-acs-version", "2015-12-15"), ("x-acs-signature-nonce", nonce())]
        if let region { headers.append(("x-acs-region-id", region)) }
        let signed = signer.sign(method: "GET", path: path, query: [], headers: headers, body: nil)
        session.trace("* string to sign: \(signed.stringToSign.debugDescription)\n")
        let wirePath = path.split(separator: "/").map { encodePathSegment(String($0)) }.joined(separator: "/")
        switch session.send("GET", "/" + wirePath, headers: signed.headers + [("Authorization", signed.authorization)]) {
        case .failure(let failure):
            return .failure(failure)
        case .success(let response) where response.status == 200:
            guard let value = JSONParser.parse(response.body), case .object = value else {
                return .failure(SubmitFailure(.unreachable, "the OpenAPI's answer to GET \(path) is not a JSON object"))
            }
            return .success(value)
        case .success(let response):
            var failure = rejection(session, response, doing: "GET \(path) from the OpenAPI")
            if response.status == 403 {
                let flags = signed.headers.map { "--header '\($0.name): \($0.value)'" }.joined(separator: " ")
                failure.message += "; to compare signatures run: stackc sign --method GET --path \(path) \(flags)"
            }
            return .failure(failure)
        }
    }

    /// A unique `x-acs-signature-nonce` per request (the documents require one; the SDK omits it).
    private func nonce() -> String {
        (0..<4).map { _ in String(UInt32.random(in: .min ... .max), radix: 16) }.joined(separator: "-")
    }
}

/// A cluster's certificates as the OpenAPI gives them: the CA that signed the cluster's server
/// certificate, and the client certificate and private key the cluster API asks for.
public struct ClusterCertificates: Sendable {
    public var ca: String
    public var cert: String
    public var key: String
}
