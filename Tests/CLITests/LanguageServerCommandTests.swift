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
            let deadline = Date().addingTimeInterval(20)
            while Date() < deadline {
                if let found = messages().first(where: matches) { return found }
                Thread.sleep(forTimeInterval: 0.01)
            }
            return nil
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

    @Test func exitsWithOneWhenTheInputEndsWithoutShutdown() throws {
        let server = try Server()
        defer { if server.process.isRunning { server.process.terminate() } }
        server.send(#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}"#)
        #expect(server.waitFor { $0["id"] as? Int == 1 } != nil)
        try server.input.fileHandleForWriting.close()
        #expect(server.waitForExit() == 1)
    }
}
