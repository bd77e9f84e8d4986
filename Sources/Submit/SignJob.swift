import Diagnostics

/// `stackc sign`: the string-to-sign, signature and Authorization header of one ROA request, for
/// comparing with the string a server reports in a SignatureDoesNotMatch answer. The flags arrive as
/// the command checked them (`RequestArguments`).
public struct SignJob: Sendable {
    public var method = "GET"
    public var path: String
    public var query: [(name: String, value: String?)] = []
    public var headers: [(name: String, value: String)] = []
    /// The body's file, `-` for standard input.
    public var bodyFile: String?
    public var date: String?
    public var accessKeyID: String?
    public var credentialsFile: String?
    public var format: OutcomeFormat = .text

    public init(path: String) {
        self.path = path
    }

    /// The AccessKey comes from `environment` or the credentials file, and its secret is never printed.
    public func run(environment: [String: String], output: CommandOutput) -> CommandResult {
        if let problem = ROASigner.libraryProblem { return output.fail(problem, status: 2) }
        let credentials: Credentials
        do {
            credentials = try Credentials.load(environment: environment, credentialsFile: credentialsFile, accessKeyID: accessKeyID)
        } catch {
            return output.fail(error.description, status: 2)
        }
        var body: [UInt8]?
        if let bodyFile {
            switch bodyFile == "-" ? FileBytes.standardInput() : FileBytes.contents(ofFile: bodyFile) {
            case .success(let bytes): body = bytes
            case .failure(let failure): return output.fail("--body-file \(bodyFile): \(failure.message)", status: 2)
            }
        }
        let signed = credentials.signer.sign(method: method, path: path, query: query, headers: headers, body: body, date: date)
        for warning in signed.warnings { output.standardError("stackc: warning: \(warning)\n") }
        switch format {
        case .text: output.standardOutput(signed.textReport(signedBy: credentials.description))
        case .json: output.standardOutput(signed.jsonReport())
        }
        return .exit(0)
    }
}
