/// A URL cut into the parts stackc treats differently: scheme and authority (where to connect), user
/// information (a credential), path, query (a trigger's `secret=`) and fragment. Nothing is decoded or
/// normalised, so the parts joined again give back the text; a text without `://` is all path and query
/// (a request path such as `/projects/shop?force=true`).
struct URLParts {
    /// `https://`, with its separator; empty when the text has none.
    var scheme = ""
    /// What precedes the last `@` of the authority, without the `@`.
    var userinfo: String?
    /// `host[:port]`.
    var authority = ""
    var path = ""
    var hasQuery = false
    /// Each `&`-separated parameter as written; `value` is nil for a parameter without `=`.
    var query: [(name: String, value: String?)] = []
    /// `#…`, or empty.
    var fragment = ""

    init(_ url: String) {
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
    var origin: String { scheme + authority }
}
