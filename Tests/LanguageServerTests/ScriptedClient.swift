import Diagnostics
import LanguageServer

/// A scripted LSP client for the in-process tests: sends message bodies to a `LanguageServer` round
/// by round, as `ServerLoop` would, and keeps what the server sends back, parsed.
final class ScriptedClient {
    /// What the server sent; it sends on the thread that calls it, so no lock.
    private final class Received {
        var messages: [JSONValue] = []
    }

    private let received = Received()
    let server: LanguageServer

    init() {
        server = LanguageServer { [received] body in
            received.messages.append(JSONParser.parse(Array(body.utf8)) ?? .string("not JSON: \(body)"))
        }
    }

    /// Sends the bodies as one round and returns what the server sent during it.
    @discardableResult
    func round(_ bodies: String...) -> [JSONValue] {
        _ = server.handleRound(bodies.map { .message(Array($0.utf8)) })
        defer { received.messages.removeAll() }
        return received.messages
    }

    /// `initialize` and `initialized`, offering these position encodings.
    @discardableResult
    func initialize(encodings: [String]? = nil, capabilities: String = "") -> JSONValue? {
        let general = encodings.map { #""general": {"positionEncodings": [\#($0.map { "\"\($0)\"" }.joined(separator: ","))]}"# }
        let all = [general, capabilities.isEmpty ? nil : capabilities].compactMap { $0 }.joined(separator: ",")
        let replies = round(#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"processId":null,"rootUri":null,"capabilities":{\#(all)}}}"#,
                            #"{"jsonrpc":"2.0","method":"initialized","params":{}}"#)
        return replies.first { $0["id"] == .int(1) }?["result"]
    }

    func open(_ uri: String, _ text: String, version: Int = 1) -> [JSONValue] {
        round(#"{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":\#(quoted(uri)),"languageId":"yaml","version":\#(version),"text":\#(quoted(text))}}}"#)
    }

    /// One `didChange` replacing `[start, end)` (line, character pairs) with `text`.
    func change(_ uri: String, version: Int, from start: (Int, Int), to end: (Int, Int), with text: String) -> String {
        #"{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":\#(quoted(uri)),"version":\#(version)},"contentChanges":[{"range":{"start":{"line":\#(start.0),"character":\#(start.1)},"end":{"line":\#(end.0),"character":\#(end.1)}},"text":\#(quoted(text))}]}}"#
    }

    func request(_ id: Int, _ method: String, _ params: String) -> JSONValue? {
        round(#"{"jsonrpc":"2.0","id":\#(id),"method":"\#(method)","params":\#(params)}"#).first { $0["id"] == .int(Int64(id)) }
    }

    func quoted(_ text: String) -> String { JSONWriter.quoted(text) }
}

extension [JSONValue] {
    /// The diagnostics of the last `publishDiagnostics` for `uri`, nil when there was none.
    func published(for uri: String) -> [JSONValue]? {
        last { $0["method"] == .string("textDocument/publishDiagnostics") && $0["params"]?["uri"] == .string(uri) }?["params"]?["diagnostics"]
            .flatMap { if case .array(let items) = $0 { items } else { nil } }
    }
}

extension JSONValue {
    /// `[line, character, line, character]` of a `range`.
    var span: [Int64] {
        [self["start"]?["line"], self["start"]?["character"], self["end"]?["line"], self["end"]?["character"]].map {
            if case .int(let number) = $0 { number } else { -1 }
        }
    }
}
