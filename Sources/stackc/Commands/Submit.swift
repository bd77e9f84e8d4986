import ArgumentParser
import Diagnostics
import Driver
import Glibc
import Lowering
import Model
import Submit

extension Stackc {
    struct Submit: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "submit",
            abstract: "Build a template's request and send it: create-or-update, safe to re-run.",
            discussion: """
            aliyun projects: look the project up, create it (201) or update it (202); an unchanged version with the same content is "unchanged" (exit 0). v2 and Alauda: the request is sent as built; the token comes from STACKC_TOKEN or --token-file. A create is repeated only after a lookup shows nothing was created.

            Exit status: 0 created/updated/unchanged, 1 refused by validation or by the server (4xx), 2 usage, 3 unreachable, timed out, or kept failing after retries.

            Examples:
              stackc submit compose.yaml --target aliyun-project --name shop --version auto --endpoint https://master:4243 --cert-dir certs/ --wait
              stackc submit compose.yaml --target aliyun-project --name shop --cluster-id c1234 --region cn-beijing
              STACKC_TOKEN=… stackc submit pod.yaml --target v2-podstack --project team --name web --endpoint https://api
            """
        )

        @Argument(help: "The template or a stack manifest.")
        var path: String

        @Option(help: ArgumentHelp("The endpoint to build for (required unless a stack manifest names it).", valueName: "target"))
        var target: TargetID?

        @Option(help: ArgumentHelp("Base URL of the platform API (aliyun: the cluster's master URL).", valueName: "url"))
        var endpoint: String?

        @Option(name: .customLong("cluster-id"), help: ArgumentHelp("aliyun: find the cluster's endpoint and certificates through the signed OpenAPI (AccessKey from ALIBABA_CLOUD_ACCESS_KEY_ID/_SECRET or --credentials-file).", valueName: "id"))
        var clusterID: String?

        @Option(help: ArgumentHelp("The aliyun OpenAPI for --cluster-id.", valueName: "url"))
        var openapi = "https://cs.aliyuncs.com"

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

        @Flag(help: "aliyun: finish a pending blue-green update (confirm-update) instead of submitting.")
        var confirm = false

        @Flag(help: "aliyun: abandon a pending blue-green update (rollback-update) instead of submitting.")
        var rollback = false

        @Flag(help: "aliyun: after submitting, poll until the project's current state is its desired state.")
        var wait = false

        @Option(help: ArgumentHelp("Seconds --wait may take before giving up (exit 3).", valueName: "seconds"))
        var timeout = 600.0

        @Option(name: .customLong("poll-interval"), help: ArgumentHelp("Seconds between polls of --wait.", valueName: "seconds"))
        var pollInterval = 2.0

        @Flag(name: .customLong("dry-run"), help: "Print the request(s) that would be sent (secrets redacted) and send nothing.")
        var dryRun = false

        @Option(help: "text: a summary line; json: one object {action, status, requestId, elapsedMs, …}.")
        var format: OutputFormat = .text

        @OptionGroup(title: "Request")
        var requestFlags: RequestFlags

        @OptionGroup(title: "Connection")
        var connection: ConnectionFlags

        @OptionGroup(title: "Limits")
        var limitFlags: LimitFlags

        @OptionGroup(title: "Variables")
        var environment: EnvironmentFlags

        func validate() throws {
            if confirm && rollback { throw ValidationError("--confirm and --rollback exclude each other") }
            if endpoint == nil && clusterID == nil && !dryRun { throw ValidationError("--endpoint is required (the platform's base URL), or --cluster-id for aliyun") }
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
            if timeout <= 0 || pollInterval <= 0 { throw ValidationError("--timeout and --poll-interval must be positive") }
        }

        func run() throws {
            guard let built = lower(target: target, version: requestFlags.version) else { return }
            let projectFlow = built.target == .aliyunProject || built.target == .aliyunProjectUpdate
            if !projectFlow && (wait || confirm || rollback || requestFlags.blueGreen) {
                throw ValidationError("--wait, --blue-green, --confirm and --rollback are for aliyun projects (--target aliyun-project)")
            }
            var update: Request?
            if projectFlow {
                // The update carries the version the create would (the deployed one is then compared).
                update = lower(target: .aliyunProjectUpdate, version: built.request.body?["version"]?.text ?? requestFlags.version, quiet: true)?.request
            }
            let token = try readToken()
            var redactor = Redactor(secrets: built.secretValues + (token.map { [$0] } ?? []))
            redactor.add(extraHeaders.map(\.value))
            redactor.add(credentialsIn: built.request.body)
            if let endpoint { redactor.add(credentialsOf: endpoint) }
            let operation: AliyunProjectFlow.Operation = confirm ? .confirm : rollback ? .rollback : .submit
            let waiting = wait ? WaitOptions(timeout: timeout, interval: pollInterval, liveLine: isatty(Terminal.standardError) == 1) : nil
            let flow = SubmitPlan.flow(for: built.target, request: built.request, update: update, operation: operation, wait: waiting)
            var sent = extraHeaders
            if let token, case .token(let scheme) = SubmitPlan.authentication(for: built.target) {
                sent.insert(("Authorization", "\(scheme) \(token)"), at: 0)
            }
            if dryRun {
                Terminal.write(DryRun.render(flow.plannedRequests, endpoint: endpoint ?? "", headers: sent, redactor: redactor), to: Terminal.standardOutput)
                return
            }
            connection.warnIfInsecure()
            var session: Session
            if let clusterID {
                guard built.target.platform == .aliyun else { throw ValidationError("--cluster-id is for aliyun targets") }
                session = try clusterSession(clusterID, redactor: &redactor)
            } else {
                let url = try EndpointURL(endpoint ?? "", role: "--endpoint")
                try connection.checkTransport(url, role: "--endpoint", carrying: "the template, its variable values and the credentials")
                session = connection.session(endpoint: url.text, headers: sent, redactor: redactor)
            }
            try finish(flow.run(session), format: format, redactor: redactor)
        }

        /// A session on the cluster endpoint, with its certificates, found through the signed OpenAPI.
        private func clusterSession(_ clusterID: String, redactor: inout Redactor) throws -> Session {
            let environment = [Credentials.accessKeyIDVariable, Credentials.accessKeySecretVariable].reduce(into: [String: String]()) { values, name in
                values[name] = getenv(name).map { String(cString: $0) }
            }
            let credentials: Credentials
            do {
                credentials = try Credentials.load(environment: environment, credentialsFile: credentialsFile, accessKeyID: accessKeyID)
            } catch {
                Terminal.write("stackc: \(error.description)\n", to: Terminal.standardError)
                throw ExitCode(2)
            }
            redactor.add(credentials)
            let openapiURL = try EndpointURL(openapi, role: "--openapi")
            try connection.checkTransport(openapiURL, role: "--openapi", carrying: "the signed requests and, in the answers, the cluster's private key")
            let openapiTLS = TLSOptions(caFile: openapiCA, insecure: connection.insecure, caFlag: "--openapi-ca FILE")
            let openapiSession = connection.session(endpoint: openapiURL.text, headers: [], redactor: redactor, tls: openapiTLS,
                                                    redirectHint: "give the final URL with --openapi")
            let access = ClusterAccess(clusterID: clusterID, signer: credentials.signer, region: region)
            switch access.resolve(openapiSession, base: connection.tls, allowHTTP: connection.allowHTTP) {
            case .failure(let failure):
                try finish(SubmitOutcome(action: .failed, target: "aliyun cluster", name: clusterID, status: failure.status, requestID: failure.requestID,
                                         attempts: openapiSession.attempts, message: failure.message, failure: failure), format: format, redactor: redactor)
                throw ExitCode(failure.exitCode)
            case .success(let (endpoint, tls)):
                return connection.session(endpoint: endpoint, headers: extraHeaders, redactor: redactor, tls: tls,
                                          redirectHint: "give the cluster's URL with --endpoint and its certificates with --cert-dir instead of --cluster-id")
            }
        }

        /// The `--header`s, checked by `validate`.
        private var extraHeaders: [(name: String, value: String)] {
            headers.compactMap { try? RequestArguments.header($0) }
        }

        private func lower(target: TargetID?, version: String?, quiet: Bool = false) -> BuiltRequest? {
            var flags = requestFlags.buildFlags(target: target)
            flags.values[.version] = version
            var options = environment.frontEndOptions()
            options.limits = limitFlags.limits
            let job = BuildJob(path: path, flags: flags, options: options, environment: environment.environmentOptions)
            switch job.lower(errors: { if !quiet { Terminal.write($0, to: Terminal.standardError) } },
                             colors: Terminal.wantsColor(stdoutDescriptor: Terminal.standardError)) {
            case .success(let built): return built
            case .failure(let status): Glibc.exit(status.rawValue)
            }
        }

        /// `STACKC_TOKEN`, or the file's first line. Never a flag value: it would show in `ps`. It goes
        /// into a header, so a line break or NUL in it is refused.
        private func readToken() throws -> String? {
            let token = try tokenText()
            do {
                if let token { try RequestArguments.headerValue(token, name: "Authorization") }
            } catch {
                throw ValidationError("the token (\(tokenFile.map { "--token-file \($0)" } ?? "STACKC_TOKEN")): \(error.description)")
            }
            return token
        }

        private func tokenText() throws -> String? {
            guard let tokenFile else { return Terminal.environment("STACKC_TOKEN").flatMap { $0.isEmpty ? nil : $0 } }
            let bytes: [UInt8]
            switch FileBytes.contents(ofFile: tokenFile, maxBytes: 65536) {
            case .success(let read): bytes = read
            case .failure(let failure): throw ValidationError("--token-file \(tokenFile): \(failure.message)")
            }
            let token = String(decoding: bytes, as: UTF8.self).split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
            if token.isEmpty { throw ValidationError("--token-file \(tokenFile) is empty") }
            return token.trimming(" \t")
        }
    }
}
