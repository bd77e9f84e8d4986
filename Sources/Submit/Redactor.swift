import Diagnostics

/// Keeps credentials out of everything stackc prints: `--dry-run`, `--verbose` traces, error messages.
/// Two layers, because either alone misses something: by *name* (the Authorization header, JSON fields
/// such as `environment`, `data`, `ak_secret`, a URL's `secret=`), and by *value* (every secret the
/// command knows — the token, the AccessKey secret, the values of the template's variables — wherever
/// it turns up, e.g. substituted into a template).
public struct Redactor: Sendable {
    public static let mask = "<redacted>"
    /// Values shorter than this are not searched for in free text ("1" would blank every digit); they are
    /// still hidden wherever they appear by name.
    static let minimumSecretLength = 4

    private var secrets: [String]

    public init(secrets: [String] = []) {
        self.secrets = []
        add(secrets)
    }

    public mutating func add(_ values: [String]) {
        let candidates = values.filter { $0.count >= Redactor.minimumSecretLength }
        // Longest first, so a secret that contains another is hidden whole.
        secrets = Array(Set(secrets + candidates)).sorted { $0.count != $1.count ? $0.count > $1.count : $0 < $1 }
    }

    /// Free text with every known secret value replaced.
    public func text(_ text: String) -> String {
        var result = text
        for secret in secrets where result.contains(secret) {
            result = result.replacing(secret, with: Redactor.mask)
        }
        return result
    }

    static let secretHeaders: Set<String> = ["authorization", "proxy-authorization", "cookie", "set-cookie", "x-auth-token", "x-api-key"]

    public func header(name: String, value: String) -> String {
        Redactor.secretHeaders.contains(name.lowercased()) || name.lowercased().contains("token") ? Redactor.mask : text(value)
    }

    static let secretQueryNames: Set<String> = ["secret", "token", "triggerurl", "access_token", "signature"]

    /// A URL with the values of secret query parameters (a trigger's `secret=`) and known secrets hidden.
    public func url(_ url: String) -> String {
        guard let question = url.firstIndex(of: "?") else { return text(url) }
        let parameters = url[url.index(after: question)...].split(separator: "&", omittingEmptySubsequences: false).map { parameter in
            guard let equals = parameter.firstIndex(of: "=") else { return String(parameter) }
            let name = parameter[..<equals]
            return Redactor.secretQueryNames.contains(name.lowercased()) ? "\(name)=\(Redactor.mask)" : String(parameter)
        }
        return text(String(url[..<question]) + "?" + parameters.joined(separator: "&"))
    }

    /// Fields whose values are secret by nature: environment maps, secret data, keys and passwords.
    static let secretFields: Set<String> = ["environment", "instance_envvars", "dockerEnv", "data", "stringData", "ak_secret",
                                            "password", "key", "token", "secret", "access_key_secret", "AccessKeySecret"]

    /// A JSON body with secret fields masked (the shape stays, so a reader still sees what was sent).
    public func json(_ value: JSONValue) -> JSONValue {
        switch value {
        case .object(let members):
            .object(members.map { member in
                .init(member.key, Redactor.secretFields.contains(member.key) ? masked(member.value) : json(member.value))
            })
        case .array(let items): .array(items.map(json))
        case .string(let string): .string(text(string))
        default: value
        }
    }

    /// Keeps the keys of a map (and the `name` of `{name, value}` entries) but hides every value.
    private func masked(_ value: JSONValue) -> JSONValue {
        switch value {
        case .object(let members): .object(members.map { .init($0.key, masked($0.value)) })
        case .array(let items): .array(items.map { item in
            guard case .object(let members) = item else { return masked(item) }
            return .object(members.map { $0.key == "name" ? $0 : .init($0.key, masked($0.value)) })
        })
        case .null: .null
        default: .string(Redactor.mask)
        }
    }

    /// Body bytes as printable text: JSON redacted structurally, anything else by value.
    public func body(_ bytes: [UInt8]) -> String {
        if let value = JSONParser.parse(bytes) { return json(value).rendered() }
        return text(String(decoding: bytes, as: UTF8.self))
    }
}
