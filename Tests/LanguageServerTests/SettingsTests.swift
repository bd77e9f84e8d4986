import Diagnostics
import Foundation
import Testing
import TestSupport
@testable import LanguageServer

/// `.stackc.yaml` and `.env` are found as lint finds them, re-read when the client reports a change,
/// and their own problems are shown on them.
@Suite struct SettingsTests {
    static let template = """
    services:
      web:
        image: "nginx:${TAG}"
        ports: ["70000:80"]

    """

    private func codes(_ diagnostics: [JSONValue]?) -> [String] {
        (diagnostics ?? []).compactMap { $0["code"]?.text }.sorted()
    }

    @Test func honoursTheConfigurationAndTheEnvFileBesideTheFile() throws {
        let folder = try TemporaryDirectory()
        _ = try folder.makeDirectory(".git")
        _ = try folder.write(".stackc.yaml", "rules:\n  port-range: warning\n")
        let path = try folder.write("app/compose.yaml", "")
        let uri = DocumentURI.uri(ofPath: path)
        let client = ScriptedClient()
        client.initialize()
        let first = try #require(client.open(uri, Self.template).published(for: uri))
        #expect(codes(first) == ["port-range", "unset-variable"])
        #expect(first.first { $0["code"] == .string("port-range") }?["severity"] == .int(2))

        // A .env appears and the configuration turns the rule off; the client says files changed.
        _ = try folder.write("app/.env", "TAG=1.27\n")
        _ = try folder.write(".stackc.yaml", "rules:\n  port-range: off\n")
        let replies = client.round(#"{"jsonrpc":"2.0","method":"workspace/didChangeWatchedFiles","params":{"changes":[{"uri":"\#(DocumentURI.uri(ofPath: folder.path(".stackc.yaml")))","type":2}]}}"#)
        #expect(replies.published(for: uri) == [])
    }

    @Test func showsConfigurationProblemsOnTheConfigurationAndReReadsItOnSave() throws {
        let folder = try TemporaryDirectory()
        _ = try folder.makeDirectory(".git")
        let configuration = try folder.write(".stackc.yaml", "rules:\n  port-rnage: off\n")
        let path = try folder.write("compose.yaml", "")
        let client = ScriptedClient()
        client.initialize()
        let replies = client.open(DocumentURI.uri(ofPath: path), Self.template)
        let problems = try #require(replies.published(for: DocumentURI.uri(ofPath: configuration)))
        #expect(codes(problems) == ["invalid-config"])
        // `port-rnage` on line 2 (0-based 1), from column 2.
        #expect(problems.first?["range"]?.span.prefix(2) == [1, 2])

        _ = try folder.write(".stackc.yaml", "rules:\n  port-range: off\n")
        let saved = client.round(#"{"jsonrpc":"2.0","method":"textDocument/didSave","params":{"textDocument":{"uri":"\#(DocumentURI.uri(ofPath: configuration))"}}}"#)
        #expect(saved.published(for: DocumentURI.uri(ofPath: configuration)) == [])
        #expect(codes(saved.published(for: DocumentURI.uri(ofPath: path))) == ["unset-variable"])
    }
}
