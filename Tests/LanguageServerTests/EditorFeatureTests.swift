import Diagnostics
import Testing
@testable import LanguageServer

/// Hover and code actions on findings; every offered edit is applied and the text linted again, so a
/// quick fix is proven to silence its finding and nothing else.
@Suite struct EditorFeatureTests {
    let uri = "file:///tmp/stackc-lsp-none/compose.yaml"

    @Test func hoverOnAFindingShowsItsExplanation() throws {
        let client = ScriptedClient()
        client.initialize()
        _ = client.open(uri, SessionTests.badPort)
        let hover = try #require(client.request(2, "textDocument/hover", #"{"textDocument":{"uri":"\#(uri)"},"position":{"line":3,"character":15}}"#)?["result"])
        #expect(hover["contents"]?["kind"] == .string("plaintext"))
        let text = try #require(hover["contents"]?["value"]?.text)
        #expect(text.hasPrefix("error: port '70000:80' of service 'web' has the host port 70000; use a port from 1 to 65535 [port-range]\n\n"))
        #expect(text.contains("port-range (error, rule)"))
        #expect(text.contains("Does not trigger:"))
        #expect(hover["range"]?.span == [3, 12, 3, 22])
        // Elsewhere: nothing.
        #expect(client.request(3, "textDocument/hover", #"{"textDocument":{"uri":"\#(uri)"},"position":{"line":0,"character":1}}"#)?["result"] == .null)
    }

    @Test func hoverIsMarkdownWhenTheClientPrefersIt() {
        let client = ScriptedClient()
        client.initialize(capabilities: #""textDocument": {"hover": {"contentFormat": ["markdown", "plaintext"]}}"#)
        _ = client.open(uri, SessionTests.badPort)
        let hover = client.request(2, "textDocument/hover", #"{"textDocument":{"uri":"\#(uri)"},"position":{"line":3,"character":15}}"#)?["result"]
        #expect(hover?["contents"]?["kind"] == .string("markdown"))
        #expect(hover?["contents"]?["value"]?.text?.contains("\\[port-range\\]**\n\n```text\nport-range (error, rule)") == true)
    }

    /// The code actions at a position, each as (title, text after applying its edit).
    private func actions(_ client: ScriptedClient, line: Int, text: String) throws -> [(title: String, result: String)] {
        let reply = client.request(9, "textDocument/codeAction", #"{"textDocument":{"uri":"\#(uri)"},"range":{"start":{"line":\#(line),"character":0},"end":{"line":\#(line),"character":0}},"context":{"diagnostics":[]}}"#)
        guard case .array(let items) = try #require(reply?["result"]) else { return [] }
        return try items.map { action in
            #expect(action["kind"] == .string("quickfix"))
            let edits = try #require(action["edit"]?["changes"]?[uri])
            guard case .array(let list) = edits, list.count == 1, let edit = list.first else { throw Unexpected() }
            // Insertions only, given as an empty range: apply by line.
            let span = edit["range"]?.span ?? []
            #expect(span[0] == span[2] && span[1] == span[3] && span[1] == 0)
            var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            lines.insert(String((edit["newText"]?.text ?? "").dropLast()), at: Int(span[0]))
            return (action["title"]?.text ?? "", lines.joined(separator: "\n"))
        }
    }

    struct Unexpected: Error {}

    @Test func offersSuppressionsThatSilenceTheFinding() throws {
        let client = ScriptedClient()
        client.initialize()
        _ = client.open(uri, SessionTests.badPort)
        let offered = try actions(client, line: 3, text: SessionTests.badPort)
        #expect(offered.map(\.title) == ["Disable port-range for this line", "Disable port-range for this file"])
        #expect(offered.first?.result == "services:\n  web:\n    image: nginx\n    # stackc-disable-next-line port-range\n    ports: [\"70000:80\"]\n")
        #expect(offered.last?.result.hasPrefix("# stackc-disable-file port-range\nservices:\n") == true)
        for (version, fixed) in offered.map(\.result).enumerated() {
            let replies = client.round(#"{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":"\#(uri)","version":\#(version + 2)},"contentChanges":[{"text":\#(JSONWriter.quoted(fixed))}]}}"#)
            #expect(replies.published(for: uri) == [])
        }
    }

    @Test func offersNoLineCommentInsideABlockScalar() throws {
        let text = "services:\n  web:\n    image: nginx\n    command: |\n      echo ${UNSET_LSP_VARIABLE}\n"
        let client = ScriptedClient()
        client.initialize()
        let finding = client.open(uri, text).published(for: uri)?.first
        #expect(finding?["code"] == .string("unset-variable"))
        #expect(finding?["range"]?.span.first == 4)
        #expect(try actions(client, line: 4, text: text).map(\.title) == ["Disable unset-variable for this file"])
    }

    @Test func offersNothingForFindingsAboutSuppressions() throws {
        let text = "# stackc-disable-file port-range\nservices:\n  web:\n    image: nginx\n"
        let client = ScriptedClient()
        client.initialize()
        let finding = client.open(uri, text).published(for: uri)?.first
        #expect(finding?["code"] == .string("suppression-unused"))
        #expect(finding?["tags"] == .array([.int(1)]))
        #expect(try actions(client, line: 0, text: text).isEmpty)
        // Asked only for refactorings: none.
        let reply = client.request(10, "textDocument/codeAction", #"{"textDocument":{"uri":"\#(uri)"},"range":{"start":{"line":0,"character":0},"end":{"line":0,"character":0}},"context":{"diagnostics":[],"only":["refactor"]}}"#)
        #expect(reply?["result"] == .array([]))
    }
}
