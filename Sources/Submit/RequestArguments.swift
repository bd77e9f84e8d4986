/// Parsing of the request-describing flags `stackc sign` takes (`--query`, `--header`, `--method`), kept out
/// of the executable so the rules are tested once and shared by every command that takes `--header`
/// (`sign`, `submit`) or sends a header built from other input (the token).
public enum RequestArguments {
    /// `KEY=VALUE` → (KEY, VALUE), split at the first `=` so values may contain `=`; `KEY` alone → (KEY, nil),
    /// a key without value; `KEY=` → (KEY, ""). Keys and values are decoded text, signed as they are.
    public static func query(_ argument: String) throws(RequestArgumentError) -> (name: String, value: String?) {
        guard let equals = argument.firstIndex(of: "=") else {
            guard !argument.isEmpty else { throw .emptyQueryName(argument) }
            return (argument, nil)
        }
        guard equals != argument.startIndex else { throw .emptyQueryName(argument) }
        return (String(argument[..<equals]), String(argument[argument.index(after: equals)...]))
    }

    /// `Name: value` → (Name, value). The name is kept as written and must be an HTTP token; the value is
    /// everything after the colon except the optional whitespace HTTP allows right after it, so trailing
    /// whitespace is kept and signed, as it would be sent. A value `headerValue` refuses is refused.
    /// Errors never show the argument: a header often holds a credential, and a usage error lands in CI logs.
    public static func header(_ argument: String) throws(RequestArgumentError) -> (name: String, value: String) {
        guard let colon = argument.firstIndex(of: ":") else { throw .headerWithoutColon }
        let name = String(argument[..<colon])
        guard isToken(name) else { throw .badHeaderName }
        let value = String(argument[argument.index(after: colon)...].drop { $0 == " " || $0 == "\t" })
        try headerValue(value, name: name)
        return (name, value)
    }

    /// CR, LF and NUL are refused in a header value wherever it comes from: they would end the header and
    /// let the rest of the value add headers of its own.
    public static func headerValue(_ value: String, name: String) throws(RequestArgumentError) {
        guard !value.unicodeScalars.contains(where: { $0 == "\r" || $0 == "\n" || $0 == "\0" }) else { throw .lineBreakInHeader(name) }
    }

    /// The method as given; it must be an HTTP token (`GET`, `POST`, …).
    public static func method(_ argument: String) throws(RequestArgumentError) -> String {
        guard isToken(argument) else { throw .badMethod(argument) }
        return argument
    }

    /// RFC 9110 §5.6.2 `token`: visible ASCII except delimiters.
    private static func isToken(_ text: String) -> Bool {
        !text.isEmpty && text.utf8.allSatisfy { byte in
            (0x21...0x7E).contains(byte) && !#"(),/:;<=>?@[\]{}""#.utf8.contains(byte)
        }
    }
}

/// A request-describing flag that cannot be used; the message names the flag and the expected form.
public enum RequestArgumentError: Error, Equatable, CustomStringConvertible {
    case emptyQueryName(String)
    case headerWithoutColon
    case badHeaderName
    case lineBreakInHeader(String)
    case badMethod(String)

    public var description: String {
        switch self {
        case .emptyQueryName(let argument): "--query '\(argument)' has no KEY; expected KEY=VALUE or KEY"
        case .headerWithoutColon: "a --header has no ':'; expected 'Name: value' (the header is not shown: it may hold a credential)"
        case .badHeaderName: "a --header name is not an HTTP header name (letters, digits and !#$%&'*+-.^_`|~ only); expected 'Name: value' (the header is not shown: it may hold a credential)"
        case .lineBreakInHeader(let name): "header '\(name)' contains a line break or NUL, which cannot be sent in a header"
        case .badMethod(let method): "--method '\(method)' is not an HTTP method (GET, POST, PUT, DELETE, …)"
        }
    }
}
