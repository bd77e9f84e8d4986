import Diagnostics

/// An HTTP request to a platform API, ready to be printed (`build --request`) or sent (`submit`).
/// The body is canonical JSON text: fields in the order the API documents, escaped per RFC 8259,
/// identical bytes for identical input.
public struct Request: Sendable, Equatable {
    public var method: String
    /// The path without the query, with path parameters percent-encoded.
    public var path: String
    public var query: [(name: String, value: String)]
    public var headers: [(name: String, value: String)]
    /// The JSON body; nil for requests without one.
    public var body: JSONValue?

    public init(method: String, path: String, query: [(name: String, value: String)] = [], headers: [(name: String, value: String)] = [], body: JSONValue?) {
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
        self.body = body
    }

    public static func == (lhs: Request, rhs: Request) -> Bool {
        lhs.method == rhs.method && lhs.path == rhs.path && lhs.body == rhs.body
            && lhs.query.elementsEqual(rhs.query) { $0 == $1 } && lhs.headers.elementsEqual(rhs.headers) { $0 == $1 }
    }

    /// `{method, path, query, headers, body}` for `build --request`.
    public func json(indent: String?) -> String {
        var writer = JSONWriter(indent: indent)
        writer.beginObject()
        writer.field("method", method)
        writer.field("path", path)
        writer.key("query")
        writer.beginObject()
        for (name, value) in query { writer.field(name, value) }
        writer.endObject()
        writer.key("headers")
        writer.beginObject()
        for (name, value) in headers { writer.field(name, value) }
        writer.endObject()
        writer.key("body")
        if let body { body.write(to: &writer) } else { writer.null() }
        writer.endObject()
        return writer.output
    }
}

/// Percent-encoding of one path segment (RFC 3986 unreserved characters stay as they are), so a name
/// can never change the path's shape.
public func encodePathSegment(_ segment: String) -> String {
    var result = ""
    for byte in segment.utf8 {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
            result.unicodeScalars.append(Unicode.Scalar(byte))
        default:
            let hex = String(byte, radix: 16, uppercase: true)
            result += "%" + (hex.count == 1 ? "0" : "") + hex
        }
    }
    return result
}
