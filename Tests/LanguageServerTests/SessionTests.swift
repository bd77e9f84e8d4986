import Diagnostics
import Foundation
import Testing
import TestSupport
@testable import LanguageServer

/// The protocol life cycle and documents, driven in-process by a scripted client.
@Suite struct SessionTests {
    static let badPort = """
    services:
      web:
        image: nginx
        ports: ["70000:80"]

    """

    @Test func initializeAnswersTheCapabilities() {
        let client = ScriptedClient()
        let result = client.initialize()
        let capabilities = result?["capabilities"]
        #expect(capabilities?["positionEncoding"] == .string("utf-16"))
        #expect(capabilities?["textDocumentSync"]?["change"] == .int(2))
        #expect(capabilities?["textDocumentSync"]?["openClose"] == .bool(true))
        #expect(capabilities?["hoverProvider"] == .bool(true))
        #expect(capabilities?["codeActionProvider"]?["codeActionKinds"] == .array([.string("quickfix"), .string("source.fixAll.stackc")]))
        #expect(result?["serverInfo"]?["name"] == .string("stackc"))
        #expect(ScriptedClient().initialize(encodings: ["utf-16", "utf-8"])?["capabilities"]?["positionEncoding"] == .string("utf-8"))
    }

    @Test func exitsWithZeroOnlyAfterShutdown() {
        let client = ScriptedClient()
        client.initialize()
        #expect(client.request(2, "shutdown", "null")?["result"] == .null)
        #expect(client.request(3, "textDocument/hover", "{}")?["error"]?["code"] == .int(-32600))
        client.round(#"{"jsonrpc":"2.0","method":"exit"}"#)
        #expect(client.server.exitCode == 0)
        #expect(client.server.hasShutDown)

        let abrupt = ScriptedClient()
        abrupt.initialize()
        abrupt.round(#"{"jsonrpc":"2.0","method":"exit"}"#)
        #expect(abrupt.server.exitCode == 1)
    }

    @Test func refusesRequestsBeforeInitializeAndUnknownMethods() {
        let client = ScriptedClient()
        #expect(client.request(1, "textDocument/hover", "{}")?["error"]?["code"] == .int(-32002))
        // Notifications before initialize are dropped, not answered.
        #expect(client.open("file:///tmp/x/compose.yaml", Self.badPort).isEmpty)
        client.initialize()
        #expect(client.request(2, "workspace/symbol", "{}")?["error"]?["code"] == .int(-32601))
        #expect(client.request(3, "initialize", "{}")?["error"]?["code"] == .int(-32600))
        #expect(client.round(#"{"jsonrpc":"2.0","method":"$/setTrace","params":{"value":"off"}}"#).isEmpty)
    }

    @Test(arguments: [
        ("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":", -32700, JSONValue.null),
        ("[1,2]", -32600, JSONValue.null),
        ("{\"jsonrpc\":\"1.0\",\"id\":7,\"method\":\"shutdown\"}", -32600, JSONValue.int(7)),
        ("{\"jsonrpc\":\"2.0\",\"id\":8,\"method\":3}", -32600, JSONValue.int(8)),
        ("{\"jsonrpc\":\"2.0\",\"id\":{},\"method\":\"shutdown\"}", -32600, JSONValue.null),
        ("{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"shutdown\",\"params\":5}", -32600, JSONValue.int(9)),
    ])
    func answersMalformedMessagesWithJSONRPCErrors(body: String, code: Int64, id: JSONValue) {
        let client = ScriptedClient()
        client.initialize()
        let replies = client.round(body)
        #expect(replies.count == 1)
        #expect(replies.first?["error"]?["code"] == .int(code))
        #expect(replies.first?["id"] == id)
        // The server goes on.
        #expect(client.request(20, "shutdown", "null")?["result"] == .null)
    }

    @Test func publishesFindingsWithTheRangeOfTheirNode() throws {
        let client = ScriptedClient()
        client.initialize()
        let uri = "file:///tmp/stackc-lsp-none/compose.yaml"
        let diagnostics = try #require(client.open(uri, Self.badPort).published(for: uri))
        #expect(diagnostics.count == 1)
        let finding = try #require(diagnostics.first)
        #expect(finding["code"] == .string("port-range"))
        #expect(finding["source"] == .string("stackc"))
        #expect(finding["severity"] == .int(1))
        // `"70000:80"` on line 4 (0-based 3), columns 12–22 with its quotes.
        #expect(finding["range"]?.span == [3, 12, 3, 22])
    }

    @Test func countsColumnsInTheNegotiatedEncoding() throws {
        // "é" is one UTF-16 unit and two bytes, "😀" two units and four bytes.
        let text = "services:\n  web:\n    image: nginx\n    labels: {é😀: x, y: \"${UNSET_LSP_VARIABLE}\"}\n"
        let uri = "file:///tmp/stackc-lsp-none/compose.yaml"
        var starts: [String: Int64] = [:]
        for encoding in ["utf-16", "utf-8"] {
            let client = ScriptedClient()
            client.initialize(encodings: [encoding])
            let finding = try #require(client.open(uri, text).published(for: uri)?.first { $0["code"] == .string("unset-variable") })
            starts[encoding] = finding["range"]?.span[1]
        }
        // `    labels: {` is 13; `é😀: x, y: ` adds 1 + 2 + 9 UTF-16 units or 2 + 4 + 9 bytes; the finding
        // starts at the quote.
        #expect(starts == ["utf-16": 25, "utf-8": 28])
    }

    @Test func lintsTheEditedTextAndClearsOnClose() throws {
        let client = ScriptedClient()
        client.initialize()
        let uri = "file:///tmp/stackc-lsp-none/compose.yaml"
        #expect(client.open(uri, Self.badPort).published(for: uri)?.count == 1)
        // Replace 70000 with 8080: the finding goes, and the version is the change's.
        let replies = client.round(client.change(uri, version: 2, from: (3, 13), to: (3, 18), with: "8080"))
        #expect(replies.published(for: uri) == [])
        #expect(replies.last?["params"]?["version"] == .int(2))
        let closed = client.round(#"{"jsonrpc":"2.0","method":"textDocument/didClose","params":{"textDocument":{"uri":"\#(uri)"}}}"#)
        #expect(closed.published(for: uri) == [])
    }

    @Test func dropsADocumentWhoseChangeCannotBeApplied() {
        let client = ScriptedClient()
        client.initialize()
        let uri = "file:///tmp/stackc-lsp-none/compose.yaml"
        _ = client.open(uri, Self.badPort)
        // A range that ends before it starts: the text is no longer known, so nothing is claimed about it.
        let replies = client.round(client.change(uri, version: 2, from: (3, 9), to: (3, 2), with: "x"))
        #expect(replies.first?["method"] == .string("window/logMessage"))
        #expect(replies.published(for: uri) == [])
        #expect(client.request(4, "textDocument/hover", #"{"textDocument":{"uri":"\#(uri)"},"position":{"line":3,"character":15}}"#)?["result"] == .null)
    }

    @Test func lintsOnceForManyChangesInARound() throws {
        let client = ScriptedClient()
        client.initialize()
        let uri = "file:///tmp/stackc-lsp-none/compose.yaml"
        _ = client.open(uri, "services:\n  web:\n    image: nginx\n    ports: [\"\"]\n")
        // Typing 7, 0, 0, 0, 0 one key at a time.
        let changes = (0..<5).map { client.change(uri, version: 2 + $0, from: (3, 13 + $0), to: (3, 13 + $0), with: $0 == 0 ? "7" : "0") }
        let replies = client.round(changes[0], changes[1], changes[2], changes[3], changes[4])
        #expect(replies.count == 1)
        #expect(replies.first?["params"]?["version"] == .int(6))
        #expect(replies.published(for: uri)?.first?["code"] == .string("port-range"))
    }

    @Test func showsNothingForYAMLOfNoKnownKindOrOtherSchemes() {
        let client = ScriptedClient()
        client.initialize()
        let manifest = "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: x}\nspec: {replicas: $HOME}\n"
        let uri = "file:///tmp/stackc-lsp-none/deploy.yaml"
        #expect(client.open(uri, manifest).published(for: uri) == [])
        #expect(client.open("untitled:Untitled-1", Self.badPort).published(for: "untitled:Untitled-1") == [])
    }

    @Test func cancelsARequestCancelledInTheSameRound() {
        let client = ScriptedClient()
        client.initialize()
        let replies = client.round(#"{"jsonrpc":"2.0","method":"$/cancelRequest","params":{"id":5}}"#,
                                   #"{"jsonrpc":"2.0","id":5,"method":"shutdown"}"#)
        #expect(replies.first?["error"]?["code"] == .int(-32800))
        // A cancellation of an answered request is harmless.
        #expect(client.request(6, "shutdown", "null")?["result"] == .null)
    }

    @Test func asksToWatchSettingsFilesWhenTheClientCan() {
        let client = ScriptedClient()
        let capabilities = #""workspace": {"didChangeWatchedFiles": {"dynamicRegistration": true}}"#
        let replies = client.round(#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{\#(capabilities)}}}"#,
                                   #"{"jsonrpc":"2.0","method":"initialized","params":{}}"#)
        let registration = replies.last { $0["method"] == .string("client/registerCapability") }
        #expect(registration?["params"]?["registrations"].flatMap { if case .array(let items) = $0 { items.first?["method"] } else { nil } }
                == .string("workspace/didChangeWatchedFiles"))
        // The client's answer to it is taken quietly.
        #expect(client.round(#"{"jsonrpc":"2.0","id":"stackc-1","result":null}"#).isEmpty)
    }
}
