/// Cuts a byte stream into JSON-RPC message bodies as LSP frames them (`Content-Length: N`, other
/// headers, a blank line, then N bytes). Bytes arrive in chunks of any size — half a header, several
/// messages at once — and are kept until a frame is whole. A header block without a usable length, or
/// one that never ends, is reported and skipped to the next header; a body over `maxBodyBytes` is
/// reported and discarded as it streams past, never buffered, so a peer cannot make the server hold
/// more than the limit.
public struct MessageFramer {
    public enum Event: Equatable, Sendable {
        case message([UInt8])
        /// A frame that could not be read, with what was wrong; the stream goes on after it.
        case problem(String)
    }

    /// Bodies longer than this are refused.
    public let maxBodyBytes: Int
    /// A header block longer than this is refused (real ones are under a hundred bytes).
    static let maxHeaderBytes = 8192

    private var buffer: [UInt8] = []
    /// Bytes of an oversize body still to be dropped.
    private var discarding = 0
    /// The length read from the current header block, while its body is incomplete.
    private var bodyLength: Int?

    public init(maxBodyBytes: Int) {
        self.maxBodyBytes = maxBodyBytes
    }

    /// The events completed by `chunk`, in stream order.
    public mutating func append(_ chunk: [UInt8]) -> [Event] {
        var events: [Event] = []
        var input = chunk[...]
        if discarding > 0 {
            let dropped = min(discarding, input.count)
            discarding -= dropped
            input = input.dropFirst(dropped)
        }
        buffer += input
        var start = 0
        while start < buffer.count {
            if discarding > 0 {
                let dropped = min(discarding, buffer.count - start)
                discarding -= dropped
                start += dropped
                continue
            }
            if let length = bodyLength {
                guard buffer.count - start >= length else { break }
                events.append(.message(Array(buffer[start..<start + length])))
                start += length
                bodyLength = nil
                continue
            }
            guard let end = Self.headerEnd(in: buffer, from: start) else {
                if buffer.count - start > Self.maxHeaderBytes {
                    events.append(.problem("a header block longer than \(Self.maxHeaderBytes) bytes without an empty line ending it"))
                    start = buffer.count
                }
                break
            }
            let header = buffer[start..<end]
            start = end + 4
            switch Self.contentLength(in: header) {
            case .success(let length) where length > maxBodyBytes:
                events.append(.problem("a message of \(length) bytes, over the limit of \(maxBodyBytes)"))
                discarding = length
            case .success(let length):
                bodyLength = length
            case .failure(let problem):
                events.append(.problem(problem.message))
            }
        }
        buffer.removeFirst(start)
        return events
    }

    /// Whether bytes of an unfinished frame are held (at the end of the stream: a truncated message).
    public var hasPartialFrame: Bool { !buffer.isEmpty || bodyLength != nil }

    /// The frame of one message body.
    public static func frame(_ body: String) -> [UInt8] {
        Array("Content-Length: \(body.utf8.count)\r\n\r\n".utf8) + Array(body.utf8)
    }

    /// The index of the `\r\n\r\n` that ends the header block starting at `start`.
    private static func headerEnd(in bytes: [UInt8], from start: Int) -> Int? {
        var index = start
        while index + 3 < bytes.count {
            if bytes[index] == 0x0D, bytes[index + 1] == 0x0A, bytes[index + 2] == 0x0D, bytes[index + 3] == 0x0A { return index }
            index += 1
        }
        return nil
    }

    struct HeaderProblem: Error {
        let message: String
    }

    /// The `Content-Length` of a header block (field names are case-insensitive; other fields, such as
    /// `Content-Type`, are allowed and ignored).
    private static func contentLength(in header: ArraySlice<UInt8>) -> Result<Int, HeaderProblem> {
        var length: Int?
        for line in String(decoding: header, as: UTF8.self).split(separator: "\r\n", omittingEmptySubsequences: true) {
            guard let colon = line.firstIndex(of: ":") else {
                return .failure(HeaderProblem(message: "a header line without ':' (\(quoted(line)))"))
            }
            guard line[..<colon].lowercased() == "content-length" else { continue }
            let value = line[line.index(after: colon)...].drop { $0 == " " || $0 == "\t" }.prefix { $0 != " " && $0 != "\t" }
            guard value.allSatisfy(\.isASCIIDigit), let number = Int(value) else {
                return .failure(HeaderProblem(message: "Content-Length is not a byte count (\(quoted(value)))"))
            }
            length = number
        }
        return length.map { .success($0) } ?? .failure(HeaderProblem(message: "a header block without Content-Length"))
    }

    /// At most 40 characters of peer text, for messages.
    private static func quoted(_ text: Substring) -> String {
        "'" + (text.count > 40 ? text.prefix(40) + "…" : text) + "'"
    }
}

private extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
