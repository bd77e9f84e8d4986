import Diagnostics
import Synchronization
import Testing
@testable import LanguageServer

/// The stream around the server: bytes in chunks of any size, answers framed, the exit status.
@Suite struct ServerLoopTests {
    /// Hands out a script in fixed-size chunks, as a pipe might.
    final class ChunkedSource: ByteSource {
        private let chunks: Mutex<[[UInt8]]>

        init(_ bytes: [UInt8], chunkSize: Int) {
            chunks = Mutex(stride(from: 0, to: bytes.count, by: chunkSize).map { Array(bytes[$0..<min($0 + chunkSize, bytes.count)]) })
        }

        func read() -> [UInt8]? {
            chunks.withLock { $0.isEmpty ? nil : $0.removeFirst() }
        }
    }

    final class Output: Sendable {
        let bytes = Mutex<[UInt8]>([])
        let log = Mutex<[String]>([])
    }

    /// Runs the loop on the framed bodies (plus `extra` raw bytes after them) and returns the status,
    /// the messages written back and the log.
    private func run(_ bodies: [String], extra: [UInt8] = [], chunkSize: Int) -> (status: Int32, replies: [JSONValue], log: [String]) {
        let input = bodies.flatMap { MessageFramer.frame($0) } + extra
        let output = Output()
        let status = ServerLoop.run(input: ChunkedSource(input, chunkSize: chunkSize), maxMessageBytes: 4096,
                                    output: { bytes in output.bytes.withLock { $0 += bytes } },
                                    log: { line in output.log.withLock { $0.append(line) } })
        var framer = MessageFramer(maxBodyBytes: 1 << 20)
        let replies = framer.append(output.bytes.withLock { $0 }).map { event -> JSONValue in
            guard case .message(let body) = event else { return .string("unframed output") }
            return JSONParser.parse(body) ?? .string("not JSON")
        }
        #expect(!framer.hasPartialFrame)
        return (status, replies, output.log.withLock { $0 })
    }

    let initialize = #"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}"#
    let shutdown = #"{"jsonrpc":"2.0","id":2,"method":"shutdown"}"#
    let exit = #"{"jsonrpc":"2.0","method":"exit"}"#

    @Test(arguments: [1, 7, 4096])
    func servesAWholeSessionWhateverTheChunkSize(chunkSize: Int) {
        let uri = "file:///tmp/stackc-lsp-none/compose.yaml"
        let open = #"{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"\#(uri)","languageId":"yaml","version":1,"text":\#(JSONWriter.quoted(SessionTests.badPort))}}}"#
        let hover = #"{"jsonrpc":"2.0","id":"h","method":"textDocument/hover","params":{"textDocument":{"uri":"\#(uri)"},"position":{"line":3,"character":14}}}"#
        let run = run([initialize, #"{"jsonrpc":"2.0","method":"initialized"}"#, open, hover, "{oops", shutdown, exit], chunkSize: chunkSize)
        #expect(run.status == 0)
        #expect(run.replies.first { $0["id"] == .int(1) }?["result"]?["capabilities"] != nil)
        let published = run.replies.filter { $0["method"] == .string("textDocument/publishDiagnostics") }
        #expect(published.count == 1)
        #expect(run.replies.first { $0["id"] == .string("h") }?["result"]?["contents"] != nil)
        #expect(run.replies.first { $0["error"] != nil }?["error"]?["code"] == .int(-32700))
        #expect(run.replies.first { $0["id"] == .int(2) }?["result"] == .null)
    }

    @Test func exitsWithOneWithoutShutdownOrAtTheEndOfInput() {
        #expect(run([initialize, exit], chunkSize: 64).status == 1)
        #expect(run([initialize], chunkSize: 64).status == 1)
        #expect(run([initialize, shutdown], chunkSize: 64).status == 0)
    }

    /// Mangled sessions — bytes of real messages flipped, dropped or repeated, seeded so a failure can
    /// be replayed — end with an exit status and only well-framed JSON written, never a crash or a hang.
    @Test(arguments: 0..<40)
    func survivesMangledInput(seed: UInt64) {
        var state = seed &* 6364136223846793005 &+ 1442695040888963407
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        let uri = "file:///tmp/stackc-lsp-none/compose.yaml"
        let bodies = [initialize, #"{"jsonrpc":"2.0","method":"initialized"}"#,
                      #"{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"\#(uri)","version":1,"text":\#(JSONWriter.quoted(SessionTests.badPort))}}}"#,
                      #"{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":"\#(uri)","version":2},"contentChanges":[{"range":{"start":{"line":3,"character":13},"end":{"line":3,"character":18}},"text":"é😀\n  x: ["}]}}"#,
                      #"{"jsonrpc":"2.0","id":3,"method":"textDocument/hover","params":{"textDocument":{"uri":"\#(uri)"},"position":{"line":3,"character":14}}}"#,
                      #"{"jsonrpc":"2.0","id":4,"method":"textDocument/codeAction","params":{"textDocument":{"uri":"\#(uri)"},"range":{"start":{"line":0,"character":0},"end":{"line":9,"character":0}},"context":{"diagnostics":[]}}}"#]
        var bytes = bodies.flatMap { MessageFramer.frame($0) }
        for _ in 0..<(1 + next(6)) {
            let at = next(bytes.count)
            switch next(3) {
            case 0: bytes[at] = UInt8(next(256))
            case 1: bytes.removeSubrange(at..<min(bytes.count, at + next(40)))
            default: bytes.insert(contentsOf: bytes[at..<min(bytes.count, at + next(40))], at: next(bytes.count))
            }
        }
        let run = run([], extra: bytes, chunkSize: 1 + next(300))
        #expect(run.status == 1)
        #expect(!run.replies.contains(.string("unframed output")) && !run.replies.contains(.string("not JSON")))
    }

    @Test func reportsFramingProblemsAndATruncatedEnd() {
        let oversize = Array("Content-Length: 5000\r\n\r\n".utf8) + Array(repeating: UInt8(ascii: " "), count: 5000)
        let run = run([initialize], extra: oversize + MessageFramer.frame(shutdown) + Array("Content-Length: 10\r\n\r\n{".utf8), chunkSize: 512)
        #expect(run.status == 0)
        #expect(run.replies.contains { $0["error"]?["message"] == .string("a message of 5000 bytes, over the limit of 4096") })
        #expect(run.replies.contains { $0["id"] == .int(2) })
        #expect(run.log == ["stackc lsp: a message of 5000 bytes, over the limit of 4096", "stackc lsp: the input ended inside a message"])
    }
}
