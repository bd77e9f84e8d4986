/// Splitting and searching text at ASCII characters by UTF-8 bytes instead of `Character`s.
///
/// Rules read thousands of short values per file (ports, images, quantities, variable names), and
/// grapheme-aware `Character` iteration costs an order of magnitude more per byte than a byte scan.
/// For an ASCII separator the result is the same except when a combining mark follows the separator,
/// where these split as Docker's and Compose's Go code does: by bytes.
extension StringProtocol {
    /// The pieces between occurrences of `separator`, empty pieces included unless `omittingEmpty`.
    @inlinable
    public func split(ascii separator: Unicode.Scalar, maxSplits: Int = .max, omittingEmpty: Bool = false) -> [Substring] {
        let text = Substring(self)
        let byte = UInt8(ascii: separator)
        var pieces: [Substring] = []
        var start = 0
        let count = text.utf8.count
        text.withBytes { bytes in
            // Sized once: growing from empty reallocates for the second and third piece, which cost
            // more than the scan that counts them.
            pieces.reserveCapacity(Swift.min(bytes.count(where: { $0 == byte }), maxSplits) + 1)
            for offset in 0..<count where bytes[offset] == byte && pieces.count < maxSplits {
                if !(omittingEmpty && start == offset) { pieces.append(text.slice(start, offset)) }
                start = offset + 1
            }
        }
        if !(omittingEmpty && start == count) { pieces.append(text.slice(start, count)) }
        return pieces
    }

    /// The text before and after the first `separator` (nil when there is none), each copied once from
    /// the bytes: slicing at a `String.Index` and converting each `Substring` costs several times more
    /// for the `KEY=VALUE` items read for every service.
    @inlinable
    public func splitAtFirst(ascii separator: Unicode.Scalar) -> (before: String, after: String)? {
        let byte = UInt8(ascii: separator)
        return Substring(self).withBytes { bytes in
            guard let offset = bytes.firstIndex(of: byte) else { return nil }
            return (String(utf8Bytes: bytes, offset: 0, end: offset), String(utf8Bytes: bytes, offset: offset + 1, end: bytes.count))
        }
    }

    /// The first non-empty piece between occurrences of `separator`, or "" when every piece is empty:
    /// the service in `db:alias` and `db:ro`, as `split(ascii:omittingEmpty:).first` reads it but
    /// without making the array of pieces.
    @inlinable
    public func firstNonEmptyPiece(ascii separator: Unicode.Scalar) -> String {
        let byte = UInt8(ascii: separator)
        return Substring(self).withBytes { bytes in
            var start = 0
            for offset in 0..<bytes.count where bytes[offset] == byte {
                if offset > start { return String(utf8Bytes: bytes, offset: start, end: offset) }
                start = offset + 1
            }
            return String(utf8Bytes: bytes, offset: start, end: bytes.count)
        }
    }

    /// The position of the first `character`, found by bytes.
    @inlinable
    public func firstIndex(ascii character: Unicode.Scalar) -> String.Index? {
        let text = Substring(self)
        let byte = UInt8(ascii: character)
        return text.withBytes { $0.firstIndex(of: byte) }.map(text.index(atByte:))
    }

    /// The position of the last `character`, found by bytes.
    @inlinable
    public func lastIndex(ascii character: Unicode.Scalar) -> String.Index? {
        let text = Substring(self)
        let byte = UInt8(ascii: character)
        return text.withBytes { $0.lastIndex(of: byte) }.map(text.index(atByte:))
    }

    /// Whether `character` occurs, checked by bytes.
    @inlinable
    public func contains(ascii character: Unicode.Scalar) -> Bool {
        // Over the text's own view: asked of nearly every value a rule reads, and making a `Substring`
        // of it first costs as much as the search.
        let byte = UInt8(ascii: character)
        return utf8.withContiguousStorageIfAvailable { $0.contains(byte) } ?? utf8.contains(byte)
    }

    /// Whether every UTF-8 byte satisfies `predicate`, read in place: `utf8.allSatisfy` steps
    /// `String.UTF8View` indices, several times the cost per byte for the short values rules check.
    @inlinable
    public func allBytes(satisfy predicate: (UInt8) -> Bool) -> Bool {
        utf8.withContiguousStorageIfAvailable { $0.allSatisfy(predicate) } ?? utf8.allSatisfy(predicate)
    }

    /// Whether some UTF-8 byte satisfies `predicate`, read in place (see `allBytes(satisfy:)`).
    @inlinable
    public func containsByte(where predicate: (UInt8) -> Bool) -> Bool {
        utf8.withContiguousStorageIfAvailable { $0.contains(where: predicate) } ?? utf8.contains(where: predicate)
    }

    /// Whether the text starts with `prefix`, compared by bytes: `String.hasPrefix` compares
    /// `Character`s, which costs far more for the short keys and values rules test by the thousand.
    @inlinable
    public func hasPrefix(ascii prefix: String) -> Bool {
        // Most texts tested differ from the prefix in their first byte, which needs no buffer to read.
        guard let first = prefix.utf8.first else { return true }
        guard utf8.first == first else { return false }
        return Substring(self).withBytes { bytes in prefix.utf8.withContiguousStorageIfAvailable { bytes.starts(with: $0) } ?? bytes.starts(with: prefix.utf8) }
    }

    /// Whether the text ends with `suffix`, compared by bytes (see `hasPrefix(ascii:)`).
    @inlinable
    public func hasSuffix(ascii suffix: String) -> Bool {
        let tail = Array(suffix.utf8)
        return Substring(self).withBytes { bytes in bytes.count >= tail.count && bytes[(bytes.count - tail.count)...].elementsEqual(tail) }
    }
}

extension String {
    /// The bytes `offset..<end` of valid UTF-8 cut at ASCII characters, so nothing needs repairing.
    @inlinable
    init(utf8Bytes bytes: UnsafeBufferPointer<UInt8>, offset: Int, end: Int) {
        self.init(decoding: UnsafeBufferPointer(rebasing: bytes[offset..<end]), as: UTF8.self)
    }
}

extension Substring {
    /// Runs `body` over the UTF-8 bytes in place: indexing a contiguous buffer costs a load per byte,
    /// where stepping `String.UTF8View` indices validates every step. Bridged strings (never seen on
    /// Linux) are copied first.
    @inlinable
    func withBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        if let result = utf8.withContiguousStorageIfAvailable(body) { return result }
        return Array(utf8).withUnsafeBufferPointer(body)
    }

    /// The index `offset` bytes from the start.
    @inlinable
    func index(atByte offset: Int) -> String.Index {
        utf8.index(utf8.startIndex, offsetBy: offset)
    }

    /// The bytes `start..<end` as a substring.
    @inlinable
    func slice(_ start: Int, _ end: Int) -> Substring {
        self[index(atByte: start)..<index(atByte: end)]
    }
}
