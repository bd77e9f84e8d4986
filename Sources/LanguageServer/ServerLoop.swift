#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch
import Synchronization

/// Where the server's input comes from: standard input, a pipe, or a test's script.
public protocol ByteSource: Sendable {
    /// The next bytes, however many are ready; nil at the end of the input.
    func read() -> [UInt8]?
}

/// Reads a file descriptor (standard input) as it fills.
public struct FileDescriptorSource: ByteSource {
    public let descriptor: Int32

    public init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    public func read() -> [UInt8]? {
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = buffer.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { return nil }
            return Array(buffer[..<count])
        }
    }
}

/// Runs a `LanguageServer` over a byte stream. A reader thread frames messages as they arrive and
/// queues them; the server thread takes everything queued as one round (`handleRound`). While a lint
/// runs, keystrokes pile up as cheap text edits and the next round lints only the latest text: the
/// work per round is bounded by the open documents, not by how fast the user types.
public enum ServerLoop {
    /// Runs until `exit` or the end of the input; returns the exit status: 0 after `shutdown`, else 1.
    public static func run(input: some ByteSource, maxMessageBytes: Int, output: @escaping (borrowing [UInt8]) -> Void,
                           log: @escaping (String) -> Void) -> Int32 {
        let queue = Inbox()
        DispatchQueue.global().async {
            var framer = MessageFramer(maxBodyBytes: maxMessageBytes)
            while let chunk = input.read() {
                queue.post(framer.append(chunk).map { Inbox.Item.event($0) })
            }
            queue.post([.end(truncated: framer.hasPartialFrame)])
        }
        let server = LanguageServer(send: { body in output(MessageFramer.frame(body)) }, log: log)
        while true {
            var events: [MessageFramer.Event] = []
            for item in queue.takeAll() {
                switch item {
                case .event(let event): events.append(event)
                case .end(let truncated):
                    if let code = server.handleRound(events) { return code }
                    if truncated { log("stackc lsp: the input ended inside a message") }
                    return server.hasShutDown ? 0 : 1
                }
            }
            if let code = server.handleRound(events) { return code }
        }
    }
}

/// Framed messages handed from the reader thread to the server thread.
private final class Inbox: Sendable {
    enum Item: Sendable {
        case event(MessageFramer.Event)
        /// The end of the input; `truncated` when it cut a message short.
        case end(truncated: Bool)
    }

    private let items = Mutex<[Item]>([])
    private let ready = DispatchSemaphore(value: 0)

    func post(_ new: [Item]) {
        guard !new.isEmpty else { return }
        items.withLock { $0 += new }
        ready.signal()
    }

    /// Waits until something is queued, then takes all of it.
    func takeAll() -> [Item] {
        while true {
            ready.wait()
            let taken = items.withLock { items in
                defer { items.removeAll() }
                return items
            }
            if !taken.isEmpty { return taken }
        }
    }
}
