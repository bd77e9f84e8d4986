/// `--cluster-id` and the flags that go with it: where the signed OpenAPI is and whose AccessKey signs.
public struct ClusterOptions: Sendable {
    public var clusterID: String
    public var openapi = ClusterOptions.defaultOpenAPI
    /// CA for the OpenAPI's certificate; nil trusts the system's CAs.
    public var openapiCA: String?
    /// `x-acs-region-id`.
    public var region: String?
    public var credentialsFile: String?
    /// Replaces the ID read from the environment or the file (the ID is not secret).
    public var accessKeyID: String?

    public static let defaultOpenAPI = "https://cs.aliyuncs.com"

    public init(clusterID: String) {
        self.clusterID = clusterID
    }
}

extension ConnectionSettings {
    /// A session on the cluster's endpoint with its certificates, found through the signed OpenAPI; or
    /// the command's end, already reported (a missing AccessKey is exit 2, the OpenAPI's refusal an outcome).
    /// The AccessKey secret joins `redactor`, so an OpenAPI that echoes it shows it nowhere.
    func clusterSession(_ cluster: ClusterOptions, environment: [String: String], headers: [(name: String, value: String)],
                        redactor: inout Redactor, deadline: Deadline, format: OutcomeFormat, output: CommandOutput) -> Result<Session, Ended> {
        let openapi: (access: ClusterAccess, session: Session)
        switch openapiSession(cluster, environment: environment, redactor: &redactor, deadline: deadline, output: output) {
        case .failure(let ended): return .failure(ended)
        case .success(let opened): openapi = opened
        }
        switch openapi.access.resolve(openapi.session, base: tls, allowHTTP: allowHTTP) {
        case .failure(let failure):
            return .failure(Ended(Self.report(failure, cluster: cluster, openapi.session, format: format, output: output, redactor: redactor)))
        case .success(let (endpoint, clusterTLS)):
            return .success(session(endpoint: endpoint, headers: headers, redactor: redactor, deadline: deadline, output: output, tls: clusterTLS,
                                    redirectHint: "give the cluster's URL with --endpoint and its certificates with --cert-dir instead of --cluster-id"))
        }
    }

    /// The cluster's certificates from the signed OpenAPI (`stackc certs`), or the command's end, reported
    /// as `clusterSession` reports it. The private key is in the answer: every trace hides it (`Redactor`).
    func clusterCertificates(_ cluster: ClusterOptions, environment: [String: String], deadline: Deadline, format: OutcomeFormat,
                             output: CommandOutput) -> Result<ClusterCertificates, Ended> {
        var redactor = Redactor()
        let openapi: (access: ClusterAccess, session: Session)
        switch openapiSession(cluster, environment: environment, redactor: &redactor, deadline: deadline, output: output) {
        case .failure(let ended): return .failure(ended)
        case .success(let opened): openapi = opened
        }
        return openapi.access.certificates(openapi.session).mapError { failure in
            Ended(Self.report(failure, cluster: cluster, openapi.session, format: format, output: output, redactor: redactor))
        }
    }

    /// The signed OpenAPI session for `cluster`, its AccessKey loaded (and its secret added to `redactor`)
    /// and the `--openapi` URL checked.
    private func openapiSession(_ cluster: ClusterOptions, environment: [String: String], redactor: inout Redactor, deadline: Deadline,
                                output: CommandOutput) -> Result<(access: ClusterAccess, session: Session), Ended> {
        let credentials: Credentials
        do {
            credentials = try Credentials.load(environment: environment, credentialsFile: cluster.credentialsFile, accessKeyID: cluster.accessKeyID)
        } catch {
            return .failure(Ended(output.fail(error.description, status: 2)))
        }
        redactor.add(credentials)
        let openapiURL: EndpointURL
        do {
            openapiURL = try EndpointURL(cluster.openapi, role: "--openapi")
        } catch {
            return .failure(Ended(.usage(error.description)))
        }
        if let refused = checkTransport(openapiURL, role: "--openapi", carrying: "the signed requests and, in the answers, the cluster's private key", output: output) {
            return .failure(Ended(output.fail(refused.message, status: refused.exitCode)))
        }
        let openapiSession = session(endpoint: openapiURL.text, headers: [], redactor: redactor, deadline: deadline, output: output,
                                     tls: TLSOptions(caFile: cluster.openapiCA, insecure: insecure, caFlag: "--openapi-ca FILE"), redirectHint: "give the final URL with --openapi")
        return .success((ClusterAccess(clusterID: cluster.clusterID, signer: credentials.signer, region: cluster.region), openapiSession))
    }

    /// The OpenAPI's refusal as the outcome of the command.
    private static func report(_ failure: SubmitFailure, cluster: ClusterOptions, _ session: Session, format: OutcomeFormat,
                               output: CommandOutput, redactor: Redactor) -> CommandResult {
        let outcome = SubmitOutcome(action: .failed, target: "aliyun cluster", name: cluster.clusterID, status: failure.status, requestID: failure.requestID,
                                    elapsedMilliseconds: session.elapsedMilliseconds, attempts: session.attempts, message: failure.message, failure: failure)
        return output.report(outcome, format: format, redactor: redactor)
    }
}
