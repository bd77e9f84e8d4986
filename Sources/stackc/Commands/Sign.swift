import ArgumentParser
import Diagnostics
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
        var format: SignFormat = .text

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
            if let problem = ROASigner.libraryProblem {
                Terminal.write("stackc: \(problem)\n", to: Terminal.standardError)
                throw ExitCode(2)
            }
            let credentials: Credentials
            do {
                credentials = try Credentials.load(environment: Dictionary(EnvironmentOptions.currentProcessEnvironment(), uniquingKeysWith: { _, last in last }), credentialsFile: credentialsFile, accessKeyID: accessKeyID)
            } catch {
                Terminal.write("stackc: \(error)\n", to: Terminal.standardError)
                throw ExitCode(2)
            }
            let body = try bodyFile.map(readBody)
            let signed = credentials.signer.sign(method: method, path: path, query: try queries.map(RequestArguments.query),
                                                 headers: try headers.map(RequestArguments.header), body: body, date: date)
            for warning in signed.warnings { Terminal.write("stackc: warning: \(warning)\n", to: Terminal.standardError) }
            switch format {
            case .text: Terminal.write(signed.textReport(signedBy: credentials.description), to: Terminal.standardOutput)
            case .json: Terminal.write(signed.jsonReport(), to: Terminal.standardOutput)
            }
        }

        private func readBody(_ path: String) throws -> [UInt8] {
            switch path == "-" ? FileBytes.standardInput() : FileBytes.contents(ofFile: path) {
            case .success(let bytes):
                return bytes
            case .failure(let failure):
                Terminal.write("stackc: --body-file \(path): \(failure.message)\n", to: Terminal.standardError)
                throw ExitCode(2)
            }
        }
    }

    enum SignFormat: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }
}
