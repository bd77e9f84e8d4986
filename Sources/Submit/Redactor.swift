import Diagnostics

/// Keeps credentials out of everything stackc prints: `--dry-run`, `--verbose` traces, progress, error
/// messages, server answers echoed back. The one place that decides what is hidden, in two layers because
/// either alone misses something: by *name* (the Authorization header, JSON fields such as `environment`,
/// `data`, `ak_secret`, a URL's `secret=` and its user information, PEM private keys), and by *value*
/// (every secret the command knows — the token, the AccessKey secret, a trigger's secret, the values of
/// the template's variables and of secret documents — wherever it turns up, in each form `SecretForms`
/// lists: escaped for YAML or JSON, `$$`-doubled, percent-encoded, base64-encoded).
public struct Redactor: Sendable {
    public static let mask = "<redacted>"
    /// Values shorter than this are not searched for in free text ("1" would blank every digit); they are
    /// still hidden wherever they appear by name.
    static let minimumSecretLength = 4

    /// The UTF-8 forms of every secret, grouped by first byte, longest first.
    private var patterns: [UInt8: [[UInt8]]] = [:]
    private var known: Set<String> = []

    public init(secrets: [String] = []) {
        add(secrets)
    }

    public mutating func add(_ values: [String]) {
        for value in values where value.count >= Redactor.minimumSecretLength && known.insert(value).inserted {
            for form in SecretForms.of(value) where form.count >= Redactor.minimumSecretLength {
                let bytes = Array(form.utf8)
                var group = patterns[bytes[0], default: []]
                if !group.contains(bytes) {
                    group.append(bytes)
                    group.sort { $0.count > $1.count }
                    patterns[bytes[0]] = group
                }
            }
            // YAML's block and single-quoted styles indent every line after the first, so a value that
            // spans lines is also looked for line by line.
            let lines = value.unicodeScalars.split { "\n\r\u{85}\u{2028}\u{2029}".unicodeScalars.contains($0) }
            if lines.count > 1 { add(lines.map { String(String.UnicodeScalarView($0)) }) }
        }
    }

    /// The AccessKey secret, so a server that echoes it is redacted too.
    public mutating func add(_ credentials: Credentials) {
        add([credentials.accessKeySecret])
    }

    /// The credentials a URL carries: its user information and the values of its secret query parameters
    /// (a trigger's `secret=`), as written and decoded.
    public mutating func add(credentialsOf url: String) {
        let parts = URLParts(url)
        // The whole user information (a token may stand there alone) and the password after its `:`.
        var values = parts.userinfo.map { userinfo in [userinfo] + userinfo.split(separator: ":", maxSplits: 1).dropFirst().map(String.init) } ?? []
        values += parts.query.filter { Redactor.secretQueryNames.contains($0.name.removingPercentEncoding.lowercased()) }.compactMap(\.value)
        add(values.flatMap { [$0, $0.removingPercentEncoding, $0.replacing("+", with: " ").removingPercentEncoding] })
    }

    /// The values of credential fields in a request body (an ossfs volume's `ak_secret`), so they are
    /// also hidden where the body is quoted outside its JSON.
    public mutating func add(credentialsIn body: JSONValue?) {
        switch body {
        case .object(let members)?:
            for member in members {
                if Redactor.credentialFields.contains(member.key), case .string(let value) = member.value { add([value]) }
                add(credentialsIn: member.value)
            }
        case .array(let items)?: for item in items { add(credentialsIn: item) }
        default: break
        }
    }

    /// Free text with every known secret, in every form, and every PEM private key hidden. Overlapping
    /// and adjacent occurrences become one mask, so no piece of a secret is left between two.
    public func text(_ text: String) -> String {
        let bytes = Array(Redactor.hidingPrivateKeys(text).utf8)
        var hidden: [Range<Int>] = []
        for start in bytes.indices {
            guard let group = patterns[bytes[start]],
                  let match = group.first(where: { start + $0.count <= bytes.count && bytes[start..<start + $0.count].elementsEqual($0) }) else { continue }
            if let last = hidden.last, last.upperBound >= start {
                hidden[hidden.count - 1] = last.lowerBound..<max(last.upperBound, start + match.count)
            } else {
                hidden.append(start..<start + match.count)
            }
        }
        guard !hidden.isEmpty else { return String(decoding: bytes, as: UTF8.self) }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        for range in hidden {
            output += bytes[index..<range.lowerBound]
            output += Redactor.mask.utf8
            index = range.upperBound
        }
        output += bytes[index...]
        return String(decoding: output, as: UTF8.self)
    }

    /// What a server said, for a person to read: redacted, then with control characters escaped so an
    /// answer cannot move the cursor, recolour the terminal or forge a CI log line.
    public func serverText(_ text: String) -> String {
        Sanitizer.terminalSafe(self.text(text))
    }

    static let secretHeaders: Set<String> = ["authorization", "proxy-authorization", "cookie", "set-cookie", "x-auth-token", "x-api-key"]

    public func header(name: String, value: String) -> String {
        let lowered = name.lowercased()
        let secret = Redactor.secretHeaders.contains(lowered) || ["token", "secret", "password"].contains { lowered.contains($0) }
        return secret ? Redactor.mask : text(value)
    }

    static let secretQueryNames: Set<String> = ["secret", "token", "triggerurl", "access_token", "signature", "password"]

    /// A URL with its user information, the values of secret query parameters (a trigger's `secret=`) and
    /// known secrets hidden.
    public func url(_ url: String) -> String {
        let parts = URLParts(url)
        var shown = parts.scheme + (parts.userinfo == nil ? "" : Redactor.mask + "@") + parts.authority + parts.path
        if parts.hasQuery {
            shown += "?" + parts.query.map { parameter in
                guard let value = parameter.value else { return parameter.name }
                let secret = Redactor.secretQueryNames.contains(parameter.name.removingPercentEncoding.lowercased())
                return parameter.name + "=" + (secret ? Redactor.mask : value)
            }.joined(separator: "&")
        }
        return text(shown + parts.fragment)
    }

    /// Fields whose value is a credential when it is a single value. A list or object under such a name is
    /// a structure — the key *names* of a configMap or secret reference — and is looked into instead.
    static let credentialFields: Set<String> = ["password", "token", "secret", "key", "ak_secret", "access_key_secret", "AccessKeySecret"]
    /// Maps (and `{name, value}` lists) whose values are secret by nature: their keys and names stay visible.
    static let secretValueMaps: Set<String> = ["environment", "instance_envvars", "dockerEnv", "Environments", "data", "stringData"]

    /// A JSON body with secret fields masked (the shape stays, so a reader still sees what was sent).
    /// `plain` names top-level fields that are not secret by nature for this document (a configMap's
    /// `data`): they keep their values, known secrets still hidden in them.
    public func json(_ value: JSONValue, plain: Set<String> = []) -> JSONValue {
        switch value {
        case .object(let members):
            .object(members.map { member in
                if plain.contains(member.key) { return .init(member.key, json(member.value)) }
                if Redactor.secretValueMaps.contains(member.key) { return .init(member.key, masked(member.value)) }
                if Redactor.credentialFields.contains(member.key), member.value.isSingleValue { return .init(member.key, .string(Redactor.mask)) }
                return .init(member.key, json(member.value))
            })
        case .array(let items): .array(items.map { json($0) })
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
            return .object(members.map { $0.key == "name" ? .init($0.key, json($0.value)) : .init($0.key, masked($0.value)) })
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

    /// A PEM private key (`-----BEGIN … PRIVATE KEY-----` to its END line, or to the end of a cut-off
    /// text) is hidden whole, in any encoding that keeps its armor lines: the cluster's key arrives from
    /// the OpenAPI before it could be added as a value.
    private static func hidingPrivateKeys(_ text: String) -> String {
        guard text.contains("PRIVATE KEY-----") else { return text }
        var result = ""
        var rest = text[...]
        while let begin = rest.firstRange(of: "-----BEGIN ") {
            guard let label = rest[begin.upperBound...].firstRange(of: "-----"), rest[begin.upperBound..<label.lowerBound].hasSuffix("PRIVATE KEY") else {
                result += rest[..<begin.upperBound]
                rest = rest[begin.upperBound...]
                continue
            }
            result += rest[..<begin.lowerBound] + mask
            guard let end = rest[label.upperBound...].firstRange(of: "-----END "), let close = rest[end.upperBound...].firstRange(of: "PRIVATE KEY-----") else {
                return result
            }
            rest = rest[close.upperBound...]
        }
        return result + rest
    }
}

private extension JSONValue {
    /// A string or number: what a credential is, unlike a list or an object (`null` and booleans say nothing).
    var isSingleValue: Bool {
        switch self {
        case .string, .int, .number: true
        default: false
        }
    }
}
