import Diagnostics

/// The v2 and Alauda API token: `STACKC_TOKEN`, or the first line of `--token-file`. Never a flag value:
/// it would show in `ps`. It goes into a header, so a line break or NUL in it is refused.
enum APIToken {
    static let variable = "STACKC_TOKEN"

    /// The token, nil when none is given; a failure is a usage message that names the source, never the token.
    static func read(tokenFile: String?, environment: [String: String]) -> Result<String?, Ended> {
        let token: String?
        if let tokenFile {
            let bytes: [UInt8]
            switch FileBytes.contents(ofFile: tokenFile, maxBytes: 65536) {
            case .success(let read): bytes = read
            case .failure(let failure): return .failure(Ended(.usage("--token-file \(tokenFile): \(failure.message)")))
            }
            let line = String(decoding: bytes, as: UTF8.self).split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
            if line.isEmpty { return .failure(Ended(.usage("--token-file \(tokenFile) is empty"))) }
            token = line.trimming(" \t")
        } else {
            token = environment[variable].flatMap { $0.isEmpty ? nil : $0 }
        }
        do {
            if let token { try RequestArguments.headerValue(token, name: "Authorization") }
        } catch {
            return .failure(Ended(.usage("the token (\(tokenFile.map { "--token-file \($0)" } ?? variable)): \(error.description)")))
        }
        return .success(token)
    }
}
