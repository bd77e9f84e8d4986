/// Parsing of the request-describing flags `stackc sign` takes (`--query`, `--header`, `--method`), kept out
/// of the executable so the rules are tested once and other commands that take `--header` share them.
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
    /// whitespace is kept and signed, as it would be sent. CR, LF and NUL are refused: they would end the header.
    public static func header(_ argument: String) throws(RequestArgumentError) -> (name: String, value: String) {
        guard let colon = argument.firstIndex(of: ":") else { throw .headerWithoutColon(argument) }
        let name = String(argument[..<colon])
        guard isToken(name) else { throw .badHeaderName(name) }
        let value = String(argument[argument.index(after: colon)...].drop { $0 == " " || $0 == "\t" })
        guard !value.unicodeScalars.contains(where: { $0 == "\r" || $0 == "\n" || $0 == "\0" }) else { throw .lineBreakInHeader(name) }
        return (name, value)
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
    case headerWithoutColon(String)
    case badHeaderName(String)
    case lineBreakInHeader(String)
    case badMethod(String)

    public var description: String {
        switch self {
        case .emptyQueryName(let argument): "--query '\(argument)' has no KEY; expected KEY=VALUE or KEY"
        case .headerWithoutColon(let argument): "--header '\(argument)' has no ':'; expected 'Name: value'"
        case .badHeaderName(let name): "--header name '\(name)' is not an HTTP header name (letters, digits and !#$%&'*+-.^_`|~ only)"
        case .lineBreakInHeader(let name): "--header '\(name)' contains a line break or NUL, which cannot be sent in a header"
        case .badMethod(let method): "--method '\(method)' is not an HTTP method (GET, POST, PUT, DELETE, …)"
        }
    }
}
