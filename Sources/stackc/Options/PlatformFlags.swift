import ArgumentParser
import Submit

/// Where a platform command sends and how it authenticates (`submit` and the operations): the endpoint
/// or the aliyun cluster id, the token file, extra headers, and the connection flags.
struct PlatformFlags: ParsableArguments {
    @Option(help: ArgumentHelp("Base URL of the platform API (aliyun: the cluster's master URL).", valueName: "url"))
    var endpoint: String?

    @Option(name: .customLong("cluster-id"), help: ArgumentHelp("aliyun: find the cluster's endpoint and certificates through the signed OpenAPI (AccessKey from ALIBABA_CLOUD_ACCESS_KEY_ID/_SECRET or --credentials-file).", valueName: "id"))
    var clusterID: String?

    @Option(help: ArgumentHelp("The aliyun OpenAPI for --cluster-id.", valueName: "url"))
    var openapi = ClusterOptions.defaultOpenAPI

    @Option(name: .customLong("openapi-ca"), help: ArgumentHelp("CA for the OpenAPI's certificate (default: the system's CAs).", valueName: "file"))
    var openapiCA: String?

    @Option(help: "x-acs-region-id for the OpenAPI, e.g. cn-beijing.")
    var region: String?

    @Option(name: .customLong("credentials-file"), help: ArgumentHelp("Read the AccessKey from this file (NAME=VALUE lines) instead of the environment.", valueName: "file"))
    var credentialsFile: String?

    @Option(name: .customLong("access-key-id"), help: "The AccessKey ID (default: from the environment or the credentials file).")
    var accessKeyID: String?

    @Option(name: .customLong("token-file"), help: ArgumentHelp("Read the API token from this file (default: $STACKC_TOKEN).", valueName: "file"))
    var tokenFile: String?

    @Option(name: .customLong("header"), help: ArgumentHelp("Extra header sent with every request (repeatable).", valueName: "'Name: value'"))
    var headers: [String] = []

    @OptionGroup(title: "Connection")
    var connection: ConnectionFlags

    func validate() throws {
        if endpoint != nil && clusterID != nil { throw ValidationError("--endpoint and --cluster-id exclude each other (the cluster id gives the endpoint)") }
        do {
            if let endpoint { _ = try EndpointURL(endpoint, role: "--endpoint") }
            _ = try EndpointURL(openapi, role: "--openapi")
        } catch {
            throw ValidationError(error.description)
        }
        do {
            for header in headers { _ = try RequestArguments.header(header) }
        } catch {
            throw ValidationError(error.description)
        }
    }

    /// `--endpoint` or `--cluster-id` is needed unless nothing is sent (`--dry-run`).
    func requireDestination(dryRun: Bool) throws {
        if endpoint == nil && clusterID == nil && !dryRun { throw ValidationError("--endpoint is required (the platform's base URL), or --cluster-id for aliyun") }
    }

    var access: PlatformAccess {
        var access = PlatformAccess()
        access.endpoint = endpoint
        access.cluster = clusterID.map { id in
            var cluster = ClusterOptions(clusterID: id)
            (cluster.openapi, cluster.openapiCA, cluster.region) = (openapi, openapiCA, region)
            (cluster.credentialsFile, cluster.accessKeyID) = (credentialsFile, accessKeyID)
            return cluster
        }
        access.tokenFile = tokenFile
        access.headers = headers.compactMap { try? RequestArguments.header($0) }  // checked by `validate`
        access.connection = connection.settings
        return access
    }
}
