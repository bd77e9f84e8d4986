import Testing
@testable import LanguageServer

/// Framing: messages cut anywhere, several per read, and every malformed frame reported and skipped
/// with the stream still usable after it.
@Suite struct MessageFramerTests {
    private func frame(_ body: String) -> [UInt8] { Array("Content-Length: \(body.utf8.count)\r\n\r\n\(body)".utf8) }

    @Test func readsAMessageFedOneByteAtATime() {
        var framer = MessageFramer(maxBodyBytes: 1000)
        var events: [MessageFramer.Event] = []
        for byte in frame(#"{"a":"é"}"#) { events += framer.append([byte]) }
        #expect(events == [.message(Array(#"{"a":"é"}"#.utf8))])
        #expect(!framer.hasPartialFrame)
    }

    @Test func readsSeveralMessagesFromOneChunkWithOtherHeaders() {
        var framer = MessageFramer(maxBodyBytes: 1000)
        let chunk = frame("[1]") + Array("content-length: 3\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n[2]".utf8) + frame("[3]").prefix(5)
        #expect(framer.append(chunk) == [.message(Array("[1]".utf8)), .message(Array("[2]".utf8))])
        #expect(framer.hasPartialFrame)
        #expect(framer.append(Array(frame("[3]").dropFirst(5))) == [.message(Array("[3]".utf8))])
    }

    @Test(arguments: [
        ("Content-Type: x\r\n\r\n", "a header block without Content-Length"),
        ("Content-Length: ten\r\n\r\n", "Content-Length is not a byte count ('ten')"),
        ("Content-Length: -4\r\n\r\n", "Content-Length is not a byte count ('-4')"),
        ("garbage\r\n\r\n", "a header line without ':' ('garbage')"),
    ])
    func reportsABadHeaderAndReadsTheNextMessage(header: String, problem: String) {
        var framer = MessageFramer(maxBodyBytes: 1000)
        #expect(framer.append(Array(header.utf8) + frame("{}")) == [.problem(problem), .message(Array("{}".utf8))])
    }

    @Test func discardsAnOversizeBodyWithoutKeepingItAndGoesOn() {
        var framer = MessageFramer(maxBodyBytes: 10)
        let big = String(repeating: "x", count: 25)
        #expect(framer.append(Array("Content-Length: 25\r\n\r\n".utf8) + Array(big.utf8.prefix(7))) == [.problem("a message of 25 bytes, over the limit of 10")])
        #expect(!framer.hasPartialFrame)
        #expect(framer.append(Array(big.utf8.dropFirst(7))) == [])
        #expect(framer.append(frame("[0]")) == [.message(Array("[0]".utf8))])
    }

    @Test func refusesAHeaderThatNeverEnds() {
        var framer = MessageFramer(maxBodyBytes: 10)
        let events = framer.append(Array(String(repeating: "X-Long: y\r\n", count: 1000).utf8))
        #expect(events == [.problem("a header block longer than 8192 bytes without an empty line ending it")])
        #expect(framer.append(frame("[0]")) == [.message(Array("[0]".utf8))])
    }
}
