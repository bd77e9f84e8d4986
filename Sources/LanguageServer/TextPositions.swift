import Diagnostics

/// How an LSP `character` counts within a line, agreed at `initialize`. UTF-16 code units are the
/// protocol's default; a client that offers `utf-8` gets byte counts, which need no conversion.
enum PositionEncoding: String {
    case utf16 = "utf-16"
    case utf8 = "utf-8"

    /// The client's preference among what it offers, UTF-8 first (it is stackc's own unit).
    static func negotiate(offered: [String]?) -> PositionEncoding {
        offered?.contains(utf8.rawValue) == true ? .utf8 : .utf16
    }
}

/// An LSP position: 0-based line and character.
struct TextPosition: Equatable, Comparable {
    var line: Int
    var character: Int

    static func < (lhs: TextPosition, rhs: TextPosition) -> Bool {
        (lhs.line, lhs.character) < (rhs.line, rhs.character)
    }

    var json: JSONValue {
        .object([.init("line", .int(Int64(line))), .init("character", .int(Int64(character)))])
    }

    init(line: Int, character: Int) {
        self.line = line
        self.character = character
    }

    init?(_ value: JSONValue?) {
        guard let line = value?["line"]?.integer, let character = value?["character"]?.integer, line >= 0, character >= 0 else { return nil }
        self.init(line: line, character: character)
    }
}

/// Converts between byte offsets in a document's UTF-8 text and LSP positions. Lines end where LSP
/// says they do (`\n`, `\r\n`, `\r`), which is not always where a YAML reader says (it also breaks at
/// NEL, LS and PS), so every position is computed from a byte offset, never from a finding's line and
/// column.
struct LineIndex {
    let bytes: [UInt8]
    let encoding: PositionEncoding
    /// Byte offset where each line starts.
    private let starts: [Int]

    init(bytes: [UInt8], encoding: PositionEncoding) {
        self.bytes = bytes
        self.encoding = encoding
        var starts = [0]
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            if byte == 0x0D, index < bytes.count, bytes[index] == 0x0A { index += 1 }
            if byte == 0x0A || byte == 0x0D { starts.append(index) }
        }
        self.starts = starts
    }

    /// The position of a byte offset (clamped to the text; inside a UTF-8 sequence: its start).
    func position(ofByte offset: Int) -> TextPosition {
        let offset = max(0, min(offset, bytes.count))
        let line = starts.partitioningIndex { $0 > offset } - 1
        var character = 0
        var index = starts[line]
        while index < offset {
            let length = Self.sequenceLength(bytes[index])
            guard index + length <= offset else { break }
            character += encoding == .utf8 ? length : (length == 4 ? 2 : 1)
            index += length
        }
        return TextPosition(line: line, character: character)
    }

    /// The byte offset of a position; a character past the end of its line means the line's end, and
    /// a line past the last means the end of the text, as LSP asks.
    func byteOffset(of position: TextPosition) -> Int {
        guard position.line < starts.count else { return bytes.count }
        var index = starts[position.line]
        let lineEnd = lineContentEnd(position.line)
        var remaining = position.character
        while remaining > 0, index < lineEnd {
            let length = Self.sequenceLength(bytes[index])
            let units = encoding == .utf8 ? length : (length == 4 ? 2 : 1)
            guard units <= remaining else { break }
            remaining -= units
            index += length
        }
        return min(index, lineEnd)
    }

    /// Where a line's text ends, before its break.
    private func lineContentEnd(_ line: Int) -> Int {
        var end = line + 1 < starts.count ? starts[line + 1] : bytes.count
        while end > starts[line], bytes[end - 1] == 0x0A || bytes[end - 1] == 0x0D { end -= 1 }
        return end
    }

    /// The length of the UTF-8 sequence a byte starts (a stray byte counts as one).
    private static func sequenceLength(_ byte: UInt8) -> Int {
        switch byte {
        case 0xF0...: 4
        case 0xE0...: 3
        case 0xC0...: 2
        default: 1
        }
    }
}
