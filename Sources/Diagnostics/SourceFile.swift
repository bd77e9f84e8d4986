#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The bytes of one input and the table that turns positions into line and column.
///
/// A class so that every node, diagnostic and stage can share one copy of a large file. Line breaks are
/// counted exactly as libyaml counts them (`\n`, `\r\n`, lone `\r`, NEL, LS, PS), so a line number from
/// libyaml and one computed here always agree.
public final class SourceFile: Sendable {
    /// The name shown to users: the path as given on the command line, or `<stdin>`.
    public let path: String
    public let bytes: [UInt8]
    /// Byte offset where each line starts; `lineStarts[0]` skips a UTF-8 byte-order mark, which libyaml
    /// does not count as a column.
    public let lineStarts: [Int]
    /// True when every byte is ASCII: then a code-point count is a byte count, and libyaml's mark index
    /// is the byte offset, with no walking.
    public let isASCII: Bool

    /// UTF-16 input (with a byte-order mark, as YAML requires) is transcoded to UTF-8 here, so that
    /// every stage, every byte offset and every line table works on one encoding; lines and columns are
    /// the same in both encodings.
    public init(path: String, bytes: [UInt8]) {
        self.path = path
        let utf8 = Self.transcodingUTF16(bytes) ?? bytes
        self.bytes = utf8
        self.isASCII = Self.allASCII(utf8)
        let hasCarriageReturn = utf8.withUnsafeBytes { raw in raw.baseAddress.map { memchr($0, 0x0D, raw.count) != nil } ?? false }
        self.lineStarts = isASCII && !hasCarriageReturn ? Self.newlineStarts(utf8) : Self.computeLineStarts(utf8)
    }

    /// Whether any byte has its high bit set, eight bytes at a time.
    static func allASCII(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { raw in
            let count = raw.count
            var index = 0
            var accumulated: UInt64 = 0
            while index + 8 <= count {
                accumulated |= raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                index += 8
            }
            while index < count {
                accumulated |= UInt64(raw[index])
                index += 1
            }
            return accumulated & 0x8080_8080_8080_8080 == 0
        }
    }

    /// Line starts of ASCII text without carriage returns: only `\n` breaks lines, found with memchr.
    static func newlineStarts(_ bytes: [UInt8]) -> [Int] {
        // Room for lines of 12 bytes on average, so the table is never copied to grow (Compose files
        // average 20–30 bytes a line); capacity never written costs address space, not memory.
        var starts = [0]
        starts.reserveCapacity(bytes.count / 12 + 1)
        bytes.withUnsafeBytes { raw in
            guard let base = raw.baseAddress else { return }
            var offset = 0
            while offset < raw.count, let found = memchr(base + offset, 0x0A, raw.count - offset) {
                offset = base.distance(to: UnsafeRawPointer(found)) + 1
                starts.append(offset)
            }
        }
        return starts
    }

    /// The UTF-8 form of UTF-16 text with a byte-order mark (the mark kept, as UTF-8), or nil when the
    /// bytes are not UTF-16. Unpaired surrogates become U+FFFD.
    static func transcodingUTF16(_ bytes: [UInt8]) -> [UInt8]? {
        guard bytes.count >= 2 else { return nil }
        let littleEndian: Bool
        switch (bytes[0], bytes[1]) {
        case (0xFF, 0xFE) where !(bytes.count >= 4 && bytes[2] == 0 && bytes[3] == 0): littleEndian = true
        case (0xFE, 0xFF): littleEndian = false
        default: return nil
        }
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var index = 0
        while index + 1 < bytes.count {
            let low = UInt16(bytes[index + (littleEndian ? 0 : 1)])
            let high = UInt16(bytes[index + (littleEndian ? 1 : 0)])
            units.append(high << 8 | low)
            index += 2
        }
        return Array(String(decoding: units, as: UTF16.self).utf8)
    }

    /// Where findings about command-line values are filed: a stable name for every report format,
    /// with no text, so such findings have no line and column.
    public static let commandLine = SourceFile(path: "<command line>", bytes: [])

    public convenience init(path: String, text: String) {
        self.init(path: path, bytes: Array(text.utf8))
    }

    public var lineCount: Int { lineStarts.count }

    /// The location of a byte offset (clamped to the file). Columns count Unicode scalars.
    public func location(ofByte offset: Int) -> SourceLocation {
        let offset = max(0, min(offset, bytes.count))
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        let start = min(lineStarts[low], offset)
        return SourceLocation(line: low + 1, column: scalarCount(from: start, to: offset) + 1, offset: offset)
    }

    /// The 1-based column in UTF-8 bytes of a 1-based line and scalar column, for consumers that count
    /// bytes (reviewdog's rdjson). A line outside the file keeps the column as it is.
    public func utf8Column(line: Int, column: Int) -> Int {
        guard line >= 1, line <= lineStarts.count, !isASCII else { return column }
        var hint = PositionHint()
        return byteOffset(line: line - 1, column: column - 1, hint: &hint) - lineStarts[line - 1] + 1
    }

    /// The byte offset of a 0-based line and 0-based scalar column, as libyaml marks give them.
    /// `hint` lets a caller that walks forward through a line resume where it stopped, keeping
    /// position conversion linear on very long lines.
    public func byteOffset(line: Int, column: Int, hint: inout PositionHint) -> Int {
        guard line >= 0, line < lineStarts.count else { return bytes.count }
        if isASCII { return min(lineStarts[line] + column, bytes.count) }
        var offset: Int
        var remaining: Int
        if hint.line == line, hint.column <= column {
            offset = hint.offset
            remaining = column - hint.column
        } else {
            offset = lineStarts[line]
            remaining = column
        }
        let limit = bytes.count
        while remaining > 0, offset < limit {
            offset += Self.sequenceLength(leading: bytes[offset])
            remaining -= 1
        }
        offset = min(offset, limit)
        hint = PositionHint(line: line, column: column, offset: offset)
        return offset
    }

    /// The text of one 1-based line without its line break, for snippets.
    public func lineText(_ line: Int) -> Substring {
        guard line >= 1, line <= lineStarts.count else { return "" }
        let start = lineStarts[line - 1]
        var end = line < lineStarts.count ? lineStarts[line] : bytes.count
        while end > start, bytes[end - 1] == 0x0A || bytes[end - 1] == 0x0D { end -= 1 }
        end = start + Self.lengthWithoutUnicodeBreak(bytes[start..<end])
        return Substring(String(decoding: bytes[start..<end], as: UTF8.self))
    }

    /// A line ended by NEL (C2 85), LS (E2 80 A8) or PS (E2 80 A9), which libyaml also counts as breaks.
    private static func lengthWithoutUnicodeBreak(_ line: ArraySlice<UInt8>) -> Int {
        let count = line.count
        if line.suffix(2).elementsEqual([0xC2, 0x85]) { return count - 2 }
        if count >= 3, line[line.endIndex - 3] == 0xE2, line[line.endIndex - 2] == 0x80,
           line[line.endIndex - 1] == 0xA8 || line[line.endIndex - 1] == 0xA9 {
            return count - 3
        }
        return count
    }

    private func scalarCount(from start: Int, to end: Int) -> Int {
        var count = 0
        var index = start
        while index < end {
            index += Self.sequenceLength(leading: bytes[index])
            count += 1
        }
        return count
    }

    /// Length of the UTF-8 sequence a byte starts; a stray continuation byte counts as one scalar, as a
    /// decoder that substitutes U+FFFD would.
    @inline(__always)
    static func sequenceLength(leading byte: UInt8) -> Int {
        switch byte {
        case 0..<0xC0: return 1
        case 0xC0..<0xE0: return 2
        case 0xE0..<0xF0: return 3
        default: return 4
        }
    }

    private static func computeLineStarts(_ bytes: [UInt8]) -> [Int] {
        var starts: [Int] = []
        starts.reserveCapacity(bytes.count / 24 + 1)
        let hasBOM = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
        starts.append(hasBOM ? 3 : 0)
        bytes.withUnsafeBufferPointer { buffer in
            let count = buffer.count
            var index = 0
            while index < count {
                let byte = buffer[index]
                index += 1
                switch byte {
                case 0x0A:
                    starts.append(index)
                case 0x0D:
                    if index < count, buffer[index] == 0x0A { index += 1 }
                    starts.append(index)
                case 0xC2 where index < count && buffer[index] == 0x85:
                    index += 1
                    starts.append(index)
                case 0xE2 where index + 1 < count && buffer[index] == 0x80 && (buffer[index + 1] == 0xA8 || buffer[index + 1] == 0xA9):
                    index += 2
                    starts.append(index)
                default:
                    break
                }
            }
        }
        return starts
    }
}

/// Where the last position conversion ended, so the next one on the same line can continue from there.
public struct PositionHint: Sendable {
    var line: Int
    var column: Int
    var offset: Int

    public init() {
        self.init(line: -1, column: 0, offset: 0)
    }

    init(line: Int, column: Int, offset: Int) {
        self.line = line
        self.column = column
        self.offset = offset
    }
}
