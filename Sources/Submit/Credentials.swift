
/// An Alibaba Cloud AccessKey and where it came from.
///
/// The secret is read only from the environment or from a file, never from a flag value, because flag
/// values show in `ps` and in CI logs. It stays inside this value: `description`, `dump` and errors name its
/// source, never its text, and the only way to use it is `signer`.
public struct Credentials: Sendable, CustomStringConvertible, CustomReflectable {
    public static let accessKeyIDVariable = "ALIBABA_CLOUD_ACCESS_KEY_ID"
    public static let accessKeySecretVariable = "ALIBABA_CLOUD_ACCESS_KEY_SECRET"

    public enum Source: Sendable, Equatable {
        case environment
        case file(String)
    }

    public let accessKeyID: String
    /// Internal only for the redactor (`Redactor.add(_:)`), which hides it wherever a server echoes it.
    let accessKeySecret: String
    /// Where the secret came from (the ID may come from `--access-key-id` instead).
    public let source: Source

    /// Loads the AccessKey: from `credentialsFile` when one is given (see `CredentialsFile` for the format),
    /// else from `ALIBABA_CLOUD_ACCESS_KEY_ID` / `ALIBABA_CLOUD_ACCESS_KEY_SECRET` in `environment`.
    /// `accessKeyID`, when given, replaces the ID from either source (the ID is not secret).
    ///
    /// - throws: `CredentialsError`, whose message says which variable to set or where the file is wrong.
    public static func load(environment: [String: String], credentialsFile: String?, accessKeyID: String?) throws(CredentialsError) -> Credentials {
        let id: String?
        let secret: String?
        let source: Source
        if let credentialsFile {
            let entries = try CredentialsFile.read(path: credentialsFile)
            (id, secret, source) = (entries.accessKeyID, entries.accessKeySecret, .file(credentialsFile))
            guard secret != nil else { throw .fileWithoutSecret(path: credentialsFile) }
        } else {
            (id, secret, source) = (environment[accessKeyIDVariable], environment[accessKeySecretVariable], .environment)
            guard let secret, !secret.isEmpty else { throw .missingSecret }
            if secret.first!.isWhitespace || secret.last!.isWhitespace { throw .secretWithSurroundingWhitespace }
        }
        guard let chosenID = accessKeyID ?? id, !chosenID.isEmpty else { throw .missingAccessKeyID(source: source) }
        return Credentials(accessKeyID: chosenID, accessKeySecret: secret!, source: source)
    }

    private init(accessKeyID: String, accessKeySecret: String, source: Source) {
        self.accessKeyID = accessKeyID
        self.accessKeySecret = accessKeySecret
        self.source = source
    }

    /// Signs with this AccessKey.
    public var signer: ROASigner { ROASigner(accessKeyID: accessKeyID, accessKeySecret: accessKeySecret) }

    /// `AccessKey ID LTAI… (secret from ALIBABA_CLOUD_ACCESS_KEY_SECRET)`: enough to tell which key signed.
    public var description: String {
        switch source {
        case .environment: "AccessKey ID \(accessKeyID) (secret from \(Self.accessKeySecretVariable))"
        case .file(let path): "AccessKey ID \(accessKeyID) (secret from \(path))"
        }
    }

    public var customMirror: Mirror { Mirror(self, children: ["accessKeyID": accessKeyID, "accessKeySecret": "<redacted>", "source": source]) }
}

/// Why no AccessKey could be loaded. Messages never contain the secret.
public enum CredentialsError: Error, Equatable, CustomStringConvertible {
    case missingSecret
    case secretWithSurroundingWhitespace
    case missingAccessKeyID(source: Credentials.Source)
    case fileWithoutSecret(path: String)
    case unreadableFile(path: String, reason: String)
    /// A line of the credentials file is wrong; line and column are 1-based, columns count Unicode scalars.
    case malformedFile(path: String, line: Int, column: Int, message: String)

    public var description: String {
        switch self {
        case .missingSecret:
            "no AccessKey secret: set \(Credentials.accessKeySecretVariable) (and \(Credentials.accessKeyIDVariable)), "
                + "or give --credentials-file FILE; the secret is never taken from a flag"
        case .secretWithSurroundingWhitespace:
            "\(Credentials.accessKeySecretVariable) begins or ends with whitespace, which would be signed with it; remove it"
        case .missingAccessKeyID(.environment):
            "no AccessKey ID: set \(Credentials.accessKeyIDVariable) or give --access-key-id"
        case .missingAccessKeyID(.file(let path)):
            "no AccessKey ID: add a line \(Credentials.accessKeyIDVariable)=… to \(path) or give --access-key-id"
        case .fileWithoutSecret(let path):
            "\(path): no \(Credentials.accessKeySecretVariable)=… line; the file must hold the secret"
        case .unreadableFile(let path, let reason):
            "cannot read credentials file \(path): \(reason)"
        case .malformedFile(let path, let line, let column, let message):
            "\(path):\(line):\(column): error: \(message)"
        }
    }
}
