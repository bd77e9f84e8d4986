import Foundation
import Synchronization
import Testing
import TestSupport

/// `stackc lsp` end to end: the built binary over pipes with a client that waits for each answer as an
/// editor does, framing and JSON read here with Foundation, independently of the server's own code.
@Suite struct LanguageServerCommandTests {
    /// A running `stackc lsp` and what it has written so far.
    final class Received: Sendable {
        let data = Mutex<Data>(Data())
    }

    final class Server {
        let process = Process()
        let input = Pipe()
        let output = Pipe()
        let received = Received()

        init() throws {
            process.executableURL = stackcBinary
            process.arguments = ["lsp", "--stdio"]
            process.standardInput = input
            process.standardOutput = output
            process.standardError = FileHandle.nullDevice
            output.fileHandleForReading.readabilityHandler = { [received] handle in
                let data = handle.availableData
                received.data.withLock { $0.append(data) }
            }
            try process.run()
        }

        func send(_ body: String) {
            input.fileHandleForWriting.write(Data("Content-Length: \(body.utf8.count)\r\n\r\n\(body)".utf8))
        }

        /// The messages written so far, unframed and parsed.
        func messages() -> [[String: Any]] {
            var data = received.data.withLock { $0 }
            var result: [[String: Any]] = []
            while let headerEnd = data.range(of: Data("\r\n\r\n".utf8)) {
                let header = String(decoding: data[..<headerEnd.lowerBound], as: UTF8.self)
                guard let length = Int(header.replacingOccurrences(of: "Content-Length: ", with: "")),
                      data.count - headerEnd.upperBound >= length else { break }
                let body = data[headerEnd.upperBound..<headerEnd.upperBound + length]
                if let object = try? JSONSerialization.jsonObject(with: body) as? [String: Any] { result.append(object) }
                data = Data(data[(headerEnd.upperBound + length)...])
            }
            return result
        }

        /// Waits up to 20 s for a message that satisfies `matches`.
        func waitFor(_ matches: ([String: Any]) -> Bool) -> [String: Any]? {
            waitUntil { $0.contains(where: matches) } ? messages().first(where: matches) : nil
        }

        /// Waits up to 60 s until the messages so far satisfy `done`.
        func waitUntil(_ done: ([[String: Any]]) -> Bool) -> Bool {
            let deadline = Date().addingTimeInterval(60)
            while Date() < deadline {
                if done(messages()) { return true }
                Thread.sleep(forTimeInterval: 0.02)
            }
            return false
        }

        func waitForExit() -> Int32? {
            let deadline = Date().addingTimeInterval(20)
            while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
            return process.isRunning ? nil : process.terminationStatus
        }
    }

    @Test func servesDiagnosticsAndExitsCleanly() throws {
        let folder = try TemporaryDirectory()
        _ = try folder.makeDirectory(".git")
        let path = try folder.write("compose.yaml", "")
        let uri = URL(fileURLWithPath: path).absoluteString
        let text = "services:\\n  web:\\n    image: nginx\\n    ports: [\\\"70000:80\\\"]\\n"
        let server = try Server()
        defer { if server.process.isRunning { server.process.terminate() } }

        server.send(#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"processId":null,"rootUri":null,"capabilities":{}}}"#)
        let initialized = server.waitFor { $0["id"] as? Int == 1 }
        #expect((initialized?["result"] as? [String: Any])?["capabilities"] != nil)

        server.send(#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#)
        server.send(#"{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"\#(uri)","languageId":"yaml","version":1,"text":"\#(text)"}}}"#)
        let published = server.waitFor { $0["method"] as? String == "textDocument/publishDiagnostics" }
        let diagnostics = (published?["params"] as? [String: Any])?["diagnostics"] as? [[String: Any]]
        #expect(diagnostics?.map { $0["code"] as? String } == ["port-range"])

        server.send(#"{"jsonrpc":"2.0","id":2,"method":"shutdown"}"#)
        #expect(server.waitFor { $0["id"] as? Int == 2 } != nil)
        server.send(#"{"jsonrpc":"2.0","method":"exit"}"#)
        #expect(server.waitForExit() == 0)
    }

    /// Every file of the shared corpus opened in one session shows what `stackc lint` prints for it:
    /// the same rules at the same lines and columns (converted here from UTF-16 units to characters).
    @Test(.enabled(if: SharedCorpus.isPresent))
    func showsWhatLintPrintsForEveryCorpusFile() throws {
        let paths = SharedCorpus.entries.map(\.path)
        let lint = try runStackc(["lint", "--skip-unknown", "--format", "json"] + paths, currentDirectory: SharedCorpus.root)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(lint.stdout.utf8)) as? [String: Any])
        var expected: [String: [String]] = Dictionary(uniqueKeysWithValues: paths.map { ($0, []) })
        var unknownKind: Set<String> = []
        for finding in report["diagnostics"] as? [[String: Any]] ?? [] {
            let file = finding["file"] as? String ?? "", rule = finding["rule"] as? String ?? ""
            if rule == "unknown-kind" { unknownKind.insert(file) }
            expected[file, default: []].append("\(finding["line"] as? Int ?? 0):\(finding["column"] as? Int ?? 0) \(rule)")
        }
        for file in unknownKind { expected[file] = [] }

        let server = try Server()
        defer { if server.process.isRunning { server.process.terminate() } }
        server.send(#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}"#)
        #expect(server.waitFor { $0["id"] as? Int == 1 } != nil)
        server.send(#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#)
        var texts: [String: String] = [:]
        for path in paths {
            let url = SharedCorpus.root.appendingPathComponent(path)
            let text = try String(contentsOf: url, encoding: .utf8)
            texts[url.absoluteString] = text
            let item: [String: Any] = ["uri": url.absoluteString, "languageId": "yaml", "version": 1, "text": text]
            let message: [String: Any] = ["jsonrpc": "2.0", "method": "textDocument/didOpen", "params": ["textDocument": item]]
            server.send(String(decoding: try JSONSerialization.data(withJSONObject: message), as: UTF8.self))
        }
        let isPublish = { (message: [String: Any]) in message["method"] as? String == "textDocument/publishDiagnostics" }
        #expect(server.waitUntil { $0.filter(isPublish).count >= paths.count })

        var shown: [String: [String]] = [:]
        for message in server.messages() where isPublish(message) {
            let params = message["params"] as? [String: Any] ?? [:]
            let uri = params["uri"] as? String ?? ""
            guard let text = texts[uri] else { continue }
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            shown[uri] = (params["diagnostics"] as? [[String: Any]] ?? []).map { diagnostic in
                let start = (diagnostic["range"] as? [String: Any])?["start"] as? [String: Int] ?? [:]
                let line = start["line"] ?? 0, units = start["character"] ?? 0
                let prefix = line < lines.count ? String(decoding: Array(lines[line].utf16.prefix(units)), as: UTF16.self) : ""
                return "\(line + 1):\(prefix.unicodeScalars.count + 1) \(diagnostic["code"] as? String ?? "")"
            }
        }
        #expect(shown.count == paths.count)
        var disagreements = 0
        for path in paths {
            let uri = SharedCorpus.root.appendingPathComponent(path).absoluteString
            if shown[uri]?.sorted() != expected[path]?.sorted() {
                disagreements += 1
                Issue.record("\(path): lint \(expected[path]?.sorted() ?? []), editor \(shown[uri]?.sorted() ?? [])")
            }
        }
        #expect(disagreements == 0)
    }

    @Test func exitsWithOneWhenTheInputEndsWithoutShutdown() throws {
        let server = try Server()
        defer { if server.process.isRunning { server.process.terminate() } }
        server.send(#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}"#)
        #expect(server.waitFor { $0["id"] as? Int == 1 } != nil)
        try server.input.fileHandleForWriting.close()
        #expect(server.waitForExit() == 1)
    }
}
