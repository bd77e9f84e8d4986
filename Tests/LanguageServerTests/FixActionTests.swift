import Diagnostics
import Testing
@testable import LanguageServer

/// Fixes as code actions: each offered fix is applied as a client applies it (positions counted in
/// the negotiated encoding by Swift's own string views, not by the server's conversion) and the text
/// linted again, which must show the finding gone and nothing new. Expected texts were written by hand.
@Suite struct FixActionTests {
    let uri = "file:///tmp/stackc-lsp-none/compose.yaml"

    /// The code actions for a line, asking `only` for some kinds (nil: any).
    static func actions(_ client: ScriptedClient, uri: String, line: Int, only: [String]? = nil) throws -> [JSONValue] {
        let context = only.map { #","only":[\#($0.map { "\"\($0)\"" }.joined(separator: ","))]"# } ?? ""
        let reply = client.request(9, "textDocument/codeAction", #"{"textDocument":{"uri":"\#(uri)"},"range":{"start":{"line":\#(line),"character":0},"end":{"line":\#(line),"character":0}},"context":{"diagnostics":[]\#(context)}}"#)
        guard case .array(let items) = try #require(reply?["result"]) else { return [] }
        return items
    }

    /// `text` with an action's edits for `uri` applied, positions counted in `encoding`.
    static func apply(_ action: JSONValue, uri: String, to text: String, encoding: String) throws -> String {
        guard case .array(let edits) = try #require(action["edit"]?["changes"]?[uri]) else { throw Unexpected() }
        func index(_ position: JSONValue?) throws -> String.Index {
            guard case .int(let line) = position?["line"], case .int(let character) = position?["character"] else { throw Unexpected() }
            var start = text.startIndex
            for _ in 0..<line { start = text[start...].firstIndex(of: "\n").map { text.index(after: $0) } ?? text.endIndex }
            return encoding == "utf-8" ? text.utf8.index(start, offsetBy: Int(character)) : text.utf16.index(start, offsetBy: Int(character))
        }
        let replacements = try edits.map { edit in
            (range: try index(edit["range"]?["start"])..<index(edit["range"]?["end"]), text: edit["newText"]?.text ?? "")
        }
        var result = text
        for replacement in replacements.sorted(by: { $0.range.lowerBound > $1.range.lowerBound }) {
            result.replaceSubrange(replacement.range, with: replacement.text)
        }
        return result
    }

    struct Unexpected: Error {}

    /// Replaces the whole text and returns the findings published for it.
    static func relint(_ client: ScriptedClient, uri: String, _ text: String, version: Int) -> [JSONValue]? {
        client.round(#"{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":"\#(uri)","version":\#(version)},"contentChanges":[{"text":\#(JSONWriter.quoted(text))}]}}"#)
            .published(for: uri)
    }

    @Test func theFixComesFirstPreferredAndSilencesItsFinding() throws {
        let text = "services:\n  web:\n    image: nginx   # pinned\n    restrat: always\n"
        let client = ScriptedClient()
        client.initialize()
        let finding = try #require(client.open(uri, text).published(for: uri)?.first)
        #expect(finding["code"] == .string("unknown-field"))
        let actions = try Self.actions(client, uri: uri, line: 3)
        #expect(actions.map { $0["title"]?.text } == ["rename key 'restrat' to 'restart'", "Disable unknown-field for this line",
                                                       "Disable unknown-field for this file", "Fix all safe problems in this file (1 fix)"])
        let fix = actions[0]
        #expect(fix["kind"] == .string("quickfix"))
        #expect(fix["isPreferred"] == .bool(true))
        #expect(fix["diagnostics"] == .array([finding]))
        #expect(actions[1]["isPreferred"] == nil)
        let fixed = try Self.apply(fix, uri: uri, to: text, encoding: "utf-16")
        #expect(fixed == "services:\n  web:\n    image: nginx   # pinned\n    restart: always\n")
        #expect(Self.relint(client, uri: uri, fixed, version: 2) == [])
    }

    /// `é` is one UTF-16 unit and two bytes, `😀` two units and four bytes: the key after them starts
    /// at character 22 in UTF-16 and 25 in UTF-8.
    @Test(arguments: [("utf-16", Int64(22)), ("utf-8", Int64(25))])
    func aFixAfterNonASCIITextIsPlacedInTheNegotiatedEncoding(encoding: String, start: Int64) throws {
        let text = "services:\n  web: {command: é😀, restrat: always, image: nginx}\n"
        let client = ScriptedClient()
        client.initialize(encodings: [encoding])
        #expect(client.open(uri, text).published(for: uri)?.map { $0["code"] } == [.string("unknown-field")])
        let fix = try #require(try Self.actions(client, uri: uri, line: 1).first)
        #expect(fix["title"]?.text == "rename key 'restrat' to 'restart'")
        guard case .array(let edits) = try #require(fix["edit"]?["changes"]?[uri]) else { throw Unexpected() }
        #expect(edits.map { $0["range"]?.span } == [[1, start, 1, start + 7]])
        let fixed = try Self.apply(fix, uri: uri, to: text, encoding: encoding)
        #expect(fixed == "services:\n  web: {command: é😀, restart: always, image: nginx}\n")
        #expect(Self.relint(client, uri: uri, fixed, version: 2) == [])
    }

    @Test func aFixTheProofRefusesIsNotOffered() throws {
        // Renaming the key makes its value checked: 'cache' is no service, a new finding.
        let text = "services:\n  web:\n    image: nginx\n    dependson: [cache]\n"
        let client = ScriptedClient()
        client.initialize()
        #expect(client.open(uri, text).published(for: uri)?.map { $0["code"] } == [.string("unknown-field")])
        #expect(try Self.actions(client, uri: uri, line: 3).map { $0["title"]?.text }
            == ["Disable unknown-field for this line", "Disable unknown-field for this file"])
        #expect(try Self.actions(client, uri: uri, line: 3, only: ["source.fixAll"]).isEmpty)
    }

    @Test func fixAllMakesEveryProvenFixAndNothingElse() throws {
        let text = "services:\n  web:\n    image: nginx\n    restrat: always\n    dependson: [cache]\n    deploy: {restart_policy: {condition: on_failure}}\n"
        let client = ScriptedClient()
        client.initialize()
        #expect(client.open(uri, text).published(for: uri)?.count == 3)
        let actions = try Self.actions(client, uri: uri, line: 0, only: ["source.fixAll"])
        #expect(actions.map { $0["kind"] } == [.string("source.fixAll.stackc")])
        let all = try #require(actions.first)
        #expect(all["title"]?.text == "Fix all safe problems in this file (2 fixes)")
        let fixed = try Self.apply(all, uri: uri, to: text, encoding: "utf-16")
        #expect(fixed == "services:\n  web:\n    image: nginx\n    restart: always\n    dependson: [cache]\n    deploy: {restart_policy: {condition: on-failure}}\n")
        #expect(Self.relint(client, uri: uri, fixed, version: 2)?.map { $0["code"] } == [.string("unknown-field")])
        // Asked for quick fixes only, or on a file with nothing to fix: no "fix all".
        #expect(try Self.actions(client, uri: uri, line: 3, only: ["quickfix"]).allSatisfy { $0["kind"] == .string("quickfix") })
        #expect(try Self.actions(client, uri: uri, line: 0, only: ["source.fixAll"]).isEmpty)
    }
}
