import Diagnostics

/// One JSON-RPC 2.0 message as LSP uses it, read from a frame's body.
enum RPCMessage: Equatable {
    /// A call that must be answered with a result or an error under the same id.
    case request(id: JSONValue, method: String, params: JSONValue?)
    case notification(method: String, params: JSONValue?)
    /// The client's answer to a request the server sent (`client/registerCapability`).
    case response(id: JSONValue)

    /// The message in `body`, or the error to answer it with (under the request's id when it has one).
    static func read(_ body: [UInt8]) -> Result<RPCMessage, RPCError> {
        guard let value = JSONParser.parse(body) else {
            return .failure(RPCError(id: .null, code: .parseError, message: "the message is not JSON"))
        }
        guard case .object = value else {
            return .failure(RPCError(id: .null, code: .invalidRequest, message: "a message must be a JSON object, not \(value.kindName)"))
        }
        let id = value["id"]
        if let id, !id.isValidID {
            return .failure(RPCError(id: .null, code: .invalidRequest, message: "'id' must be a number or a string"))
        }
        guard value["jsonrpc"] == .string("2.0") else {
            return .failure(RPCError(id: id ?? .null, code: .invalidRequest, message: "'jsonrpc' must be \"2.0\""))
        }
        guard let method = value["method"] else {
            guard let id, value["result"] != nil || value["error"] != nil else {
                return .failure(RPCError(id: id ?? .null, code: .invalidRequest, message: "a message needs 'method', or 'id' and 'result' or 'error'"))
            }
            return .success(.response(id: id))
        }
        guard case .string(let name) = method else {
            return .failure(RPCError(id: id ?? .null, code: .invalidRequest, message: "'method' must be a string"))
        }
        // `"params": null` is sent by some clients for requests without parameters (`shutdown`).
        let params = value["params"] == .null ? nil : value["params"]
        if let params {
            switch params {
            case .object, .array: break
            default: return .failure(RPCError(id: id ?? .null, code: .invalidRequest, message: "'params' must be an object or an array"))
            }
        }
        return .success(id.map { .request(id: $0, method: name, params: params) } ?? .notification(method: name, params: params))
    }
}

/// An error answer: JSON-RPC's codes and LSP's own.
struct RPCError: Error, Equatable {
    enum Code: Int {
        case parseError = -32700
        case invalidRequest = -32600
        case methodNotFound = -32601
        case invalidParams = -32602
        case internalError = -32603
        case serverNotInitialized = -32002
        case requestCancelled = -32800
    }

    var id: JSONValue
    var code: Code
    var message: String
}

/// The bodies the server writes.
enum RPCReply {
    static func result(id: JSONValue, _ result: JSONValue) -> String {
        JSONValue.object([.init("jsonrpc", .string("2.0")), .init("id", id), .init("result", result)]).rendered()
    }

    static func error(_ error: RPCError) -> String {
        let body = JSONValue.object([.init("code", .int(Int64(error.code.rawValue))), .init("message", .string(error.message))])
        return JSONValue.object([.init("jsonrpc", .string("2.0")), .init("id", error.id), .init("error", body)]).rendered()
    }

    static func notification(_ method: String, _ params: JSONValue) -> String {
        JSONValue.object([.init("jsonrpc", .string("2.0")), .init("method", .string(method)), .init("params", params)]).rendered()
    }

    static func request(id: JSONValue, _ method: String, _ params: JSONValue) -> String {
        JSONValue.object([.init("jsonrpc", .string("2.0")), .init("id", id), .init("method", .string(method)), .init("params", params)]).rendered()
    }
}

extension JSONValue {
    var isValidID: Bool {
        switch self {
        case .int, .string, .number: true
        default: false
        }
    }

    /// "an object", "a string" …, for messages about the wrong kind of value.
    var kindName: String {
        switch self {
        case .string: "a string"
        case .int, .number: "a number"
        case .bool: "a boolean"
        case .null: "null"
        case .array: "an array"
        case .object: "an object"
        }
    }

    /// The string of a string value.
    var string: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    /// The integer of a number value.
    var integer: Int? {
        if case .int(let number) = self { return Int(exactly: number) }
        return nil
    }

    var array: [JSONValue]? {
        if case .array(let items) = self { return items }
        return nil
    }

    /// The value at a path of object keys (`params.value(at: "textDocument", "uri")`).
    func value(at path: String...) -> JSONValue? {
        var value: JSONValue? = self
        for key in path { value = value?[key] }
        return value
    }
}
