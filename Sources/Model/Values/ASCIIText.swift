/// Splitting and searching text at ASCII characters by UTF-8 bytes instead of `Character`s.
///
/// Rules read thousands of short values per file (ports, images, quantities, variable names), and
/// grapheme-aware `Character` iteration costs an order of magnitude more per byte than a byte scan.
/// For an ASCII separator the result is the same except when a combining mark follows the separator,
/// where these split as Docker's and Compose's Go code does: by bytes.
extension StringProtocol {
    /// The pieces between occurrences of `separator`, empty pieces included unless `omittingEmpty`.
    public func split(ascii separator: Unicode.Scalar, maxSplits: Int = .max, omittingEmpty: Bool = false) -> [Substring] {
        let text = Substring(self)
        let byte = UInt8(ascii: separator)
        var pieces: [Substring] = []
        var start = text.startIndex
        var index = start
        let utf8 = text.utf8
        while index < text.endIndex {
            if utf8[index] == byte, pieces.count < maxSplits {
                if !(omittingEmpty && start == index) { pieces.append(text[start..<index]) }
                start = utf8.index(after: index)
            }
            index = utf8.index(after: index)
        }
        if !(omittingEmpty && start == text.endIndex) { pieces.append(text[start..<text.endIndex]) }
        return pieces
    }

    /// The position of the first `character`, found by bytes.
    public func firstIndex(ascii character: Unicode.Scalar) -> String.Index? {
        Substring(self).utf8.firstIndex(of: UInt8(ascii: character))
    }

    /// The position of the last `character`, found by bytes.
    public func lastIndex(ascii character: Unicode.Scalar) -> String.Index? {
        Substring(self).utf8.lastIndex(of: UInt8(ascii: character))
    }

    /// Whether `character` occurs, checked by bytes.
    public func contains(ascii character: Unicode.Scalar) -> Bool {
        utf8.contains(UInt8(ascii: character))
    }
}
