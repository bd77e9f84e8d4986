import ArgumentParser
import Driver
import Submit

extension Stackc {
    struct Sign: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "sign",
            abstract: "Print the string-to-sign, signature and Authorization header of an Alibaba Cloud ROA request.",
            discussion: """
            For "signature does not match" (HTTP 403 SignatureDoesNotMatch): describe the request that failed and compare
            this string-to-sign with the one in the server's answer. Missing Date, Accept, Content-MD5 (with a body),
            x-acs-signature-method and x-acs-signature-version are added; headers you give are signed as given.
            The AccessKey comes from \(Credentials.accessKeyIDVariable) / \(Credentials.accessKeySecretVariable) or from
            --credentials-file (NAME=VALUE lines with those names); the secret is never taken from a flag and never printed.

            Examples:
              stackc sign --method GET --path /clusters --date 'Wed, 16 Dec 2015 12:20:18 GMT'
              stackc sign --method POST --path /clusters --query param1=value1 --header 'x-acs-version: 2015-12-15' \\
                          --header 'Content-Type: application/json' --body-file body.json --format json
            """
        )

        @Option(help: "The HTTP method, as sent.")
        var method = "GET"

        @Option(help: "The path, before percent-encoding (e.g. /clusters/c123/certs).")
        var path: String

        @Option(name: .customLong("query"), help: ArgumentHelp("A query parameter, decoded; KEY alone is a key without value (repeatable).", valueName: "KEY=VALUE"))
        var queries: [String] = []

        @Option(name: .customLong("header"), help: ArgumentHelp("A header, signed as given (repeatable).", valueName: "Name: value"))
        var headers: [String] = []

        @Option(name: .customLong("body-file"), help: ArgumentHelp("The body, byte for byte ('-' for standard input).", valueName: "file"))
        var bodyFile: String?

        @Option(help: "The Date header to sign (default: now), e.g. 'Wed, 16 Dec 2015 12:20:18 GMT'.")
        var date: String?

        @Option(name: .customLong("access-key-id"), help: "The AccessKey ID (default: from the environment or the credentials file).")
        var accessKeyID: String?

        @Option(name: .customLong("credentials-file"), help: ArgumentHelp("Read the AccessKey from this file instead of the environment.", valueName: "file"))
        var credentialsFile: String?

        @Option(help: "text or json ({stringToSign, signature, authorization, headers}).")
        var format: OutcomeFormat = .text

        func validate() throws {
            do {
                _ = try RequestArguments.method(method)
                for query in queries { _ = try RequestArguments.query(query) }
                var seen: Set<String> = []
                for header in headers {
                    let name = try RequestArguments.header(header).name.lowercased()
                    guard seen.insert(name).inserted else { throw ValidationError("--header '\(name)' is given twice; give each header once") }
                }
                if date != nil, seen.contains("date") { throw ValidationError("give the date either with --date or with --header 'Date: …', not both") }
            } catch let error as RequestArgumentError {
                throw ValidationError(error.description)
            }
        }

        func run() throws {
            // The arguments were checked by `validate`.
            var job = SignJob(path: path)
            (job.method, job.bodyFile, job.date, job.accessKeyID, job.credentialsFile) = (method, bodyFile, date, accessKeyID, credentialsFile)
            job.query = queries.compactMap { try? RequestArguments.query($0) }
            job.headers = headers.compactMap { try? RequestArguments.header($0) }
            job.format = format
            let environment = Dictionary(EnvironmentOptions.currentProcessEnvironment(), uniquingKeysWith: { _, last in last })
            try job.run(environment: environment, output: Terminal.commandOutput).finish()
        }
    }
}
