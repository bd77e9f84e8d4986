/// A URL cut into the parts stackc treats differently: scheme and authority (where to connect), user
/// information (a credential), path, query (a trigger's `secret=`) and fragment. Nothing is decoded or
/// normalised, so the parts joined again give back the text; a text without `://` is all path and query
/// (a request path such as `/projects/shop?force=true`). Here, below every stage, because both the sender
/// (Submit) and the checks of a trigger's parameters (Driver) cut URLs.
public struct URLParts: Sendable {
    /// `https://`, with its separator; empty when the text has none.
    public var scheme = ""
    /// What precedes the last `@` of the authority, without the `@`.
    public var userinfo: String?
    /// `host[:port]`.
    public var authority = ""
    public var path = ""
    public var hasQuery = false
    /// Each `&`-separated parameter as written; `value` is nil for a parameter without `=`.
    public var query: [(name: String, value: String?)] = []
    /// `#…`, or empty.
    public var fragment = ""

    public init(_ url: String) {
        var rest = url[...]
        if let separator = rest.firstRange(of: "://"), !rest[..<separator.lowerBound].contains(where: { "/?#".contains($0) }) {
            scheme = String(rest[..<separator.upperBound])
            rest = rest[separator.upperBound...]
            let authorityEnd = rest.firstIndex { "/?#".contains($0) } ?? rest.endIndex
            let whole = rest[..<authorityEnd]
            if let at = whole.lastIndex(of: "@") {
                userinfo = String(whole[..<at])
                authority = String(whole[whole.index(after: at)...])
            } else {
                authority = String(whole)
            }
            rest = rest[authorityEnd...]
        }
        if let hash = rest.firstIndex(of: "#") {
            fragment = String(rest[hash...])
            rest = rest[..<hash]
        }
        if let question = rest.firstIndex(of: "?") {
            hasQuery = true
            query = rest[rest.index(after: question)...].split(separator: "&", omittingEmptySubsequences: false).map { parameter in
                guard let equals = parameter.firstIndex(of: "=") else { return (String(parameter), nil) }
                return (String(parameter[..<equals]), String(parameter[parameter.index(after: equals)...]))
            }
            rest = rest[..<question]
        }
        path = String(rest)
    }

    /// `scheme://host:port`: where a request goes, without credentials, path or query — for messages.
    public var origin: String { scheme + authority }

    /// The URL again, from its parts (as written when none was changed).
    public var text: String {
        let authority = scheme.isEmpty ? "" : scheme + (userinfo.map { $0 + "@" } ?? "") + self.authority
        let query = hasQuery ? "?" + self.query.map { $0.name + ($0.value.map { "=" + $0 } ?? "") }.joined(separator: "&") : ""
        return authority + path + query + fragment
    }

    /// Takes every parameter named `name` out of the query and returns their values as written (an
    /// empty one for a parameter without `=`); the `?` goes when nothing is left.
    public mutating func removeParameters(named name: String) -> [String] {
        let values = query.filter { $0.name == name }.map { $0.value ?? "" }
        query.removeAll { $0.name == name }
        if query.isEmpty { hasQuery = false }
        return values
    }
}
