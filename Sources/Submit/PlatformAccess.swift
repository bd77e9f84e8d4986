import Model

/// Where a command sends and how it authenticates: shared by `submit` and the operations, so both read
/// the token, build the redactor and open the session the same way.
public struct PlatformAccess: Sendable {
    /// The platform's base URL; nil with `cluster` (or for a dry run).
    public var endpoint: String?
    /// `--cluster-id`: the endpoint and certificates come from the signed OpenAPI.
    public var cluster: ClusterOptions?
    public var tokenFile: String?
    /// `--header`s, already checked (`RequestArguments.header`).
    public var headers: [(name: String, value: String)] = []
    public var connection = ConnectionSettings()

    public init() {}

    /// What authenticates the requests: the headers sent (the token's `Authorization` first) and a
    /// redactor that knows `secretValues`, the token, the headers' values and the endpoint's credentials.
    struct AuthenticatedHeaders {
        var redactor: Redactor
        var sent: [(name: String, value: String)]
    }

    func credentials(for target: TargetID, secretValues: [String], environment: [String: String]) -> Result<AuthenticatedHeaders, Ended> {
        let token: String?
        switch APIToken.read(tokenFile: tokenFile, environment: environment) {
        case .failure(let ended): return .failure(ended)
        case .success(let read): token = read
        }
        var redactor = Redactor(secrets: secretValues + (token.map { [$0] } ?? []))
        redactor.add(headers.map(\.value))
        if let endpoint { redactor.add(credentialsOf: endpoint) }
        var sent = headers
        if let token, case .token(let scheme) = SubmitPlan.authentication(for: target) {
            sent.insert(("Authorization", "\(scheme) \(token)"), at: 0)
        }
        return .success(AuthenticatedHeaders(redactor: redactor, sent: sent))
    }

    /// The session to `endpoint`, or to the cluster `--cluster-id` names (whose certificates the
    /// redactor learns); the transport checked and `--insecure` warned about first. `carrying` says what
    /// a plain-HTTP endpoint would expose.
    func session(for target: TargetID, credentials: inout AuthenticatedHeaders, carrying: String, environment: [String: String],
                 deadline: Deadline, format: OutcomeFormat, output: CommandOutput) -> Result<Session, Ended> {
        connection.warnIfInsecure(output)
        if let cluster {
            guard target.platform == .aliyun else { return .failure(Ended(.usage("--cluster-id is for aliyun targets"))) }
            return connection.clusterSession(cluster, environment: environment, headers: headers, redactor: &credentials.redactor,
                                             deadline: deadline, format: format, output: output)
        }
        let url: EndpointURL
        do {
            url = try EndpointURL(endpoint ?? "", role: "--endpoint")
        } catch {
            return .failure(Ended(.usage(error.description)))
        }
        if let refused = connection.checkTransport(url, role: "--endpoint", carrying: carrying, output: output) {
            return .failure(Ended(output.fail(refused.message, status: refused.exitCode)))
        }
        return .success(connection.session(endpoint: url.text, headers: credentials.sent, redactor: credentials.redactor,
                                           deadline: deadline, output: output))
    }

    /// `stackc certs`: the certificates of the `--cluster-id` cluster, fetched within `--timeout`, or the
    /// command's result when that failed (already reported: the OpenAPI's refusal, a missing AccessKey).
    public func clusterCertificates(environment: [String: String], output: CommandOutput) -> Result<ClusterCertificates, Ended> {
        guard let cluster else { return .failure(Ended(.usage("certs needs --cluster-id"))) }
        connection.warnIfInsecure(output)
        return connection.clusterCertificates(cluster, environment: environment, deadline: Deadline(seconds: connection.timeout), format: .text,
                                              output: output)
    }
}
