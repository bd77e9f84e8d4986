/// A change that resolves one finding, as edits of the bytes the finding was read from. Edits, not a
/// rewritten tree: comments, quoting, key order and formatting stay as the author wrote them everywhere
/// the edits do not touch, and the same value serves `lint --fix` and an editor's code action.
public struct Fix: Hashable, Sendable {
    /// Replace the bytes `range` (offsets into `SourceFile.bytes`) with `replacement`.
    public struct Edit: Hashable, Sendable {
        public let range: Range<Int>
        public let replacement: String

        public init(range: Range<Int>, replacement: String) {
            self.range = range
            self.replacement = replacement
        }
    }

    /// What the fix does, said to the user ("rename key 'dependson' to 'depends_on'").
    public let title: String
    public let edits: [Edit]

    public init(title: String, edits: [Edit]) {
        self.title = title
        self.edits = edits
    }

    /// The byte span the fix touches, from its first edit's start to its last edit's end.
    public var span: Range<Int> {
        (edits.map(\.range.lowerBound).min() ?? 0)..<(edits.map(\.range.upperBound).max() ?? 0)
    }

    public func overlaps(_ other: Fix) -> Bool {
        edits.contains { edit in other.edits.contains { Self.touch(edit.range, $0.range) } }
    }

    /// Two ranges conflict when they share a byte, or are both insertions at one point (which would
    /// come out in an arbitrary order).
    private static func touch(_ left: Range<Int>, _ right: Range<Int>) -> Bool {
        left.overlaps(right) || left == right || (left.isEmpty && right.contains(left.lowerBound)) || (right.isEmpty && left.contains(right.lowerBound))
    }
}

extension Fix {
    /// The fix that replaces one scalar, found at `range` with the value `value`, by `newValue`; nil
    /// unless the result is certain: the source must spell the value literally (plain, or quoted with
    /// nothing escaped, the quotes kept) and the new value must be a word that reads back as itself in
    /// any context (letters, digits, `.`, `_`, `-`, starting with a letter or digit). A value made by a
    /// substitution (`${TAG}`) or written with escapes or over several lines is never fixed.
    public static func replacingScalar(in file: SourceFile, at range: SourceRange, value: String, with newValue: String,
                                       title: String) -> Fix? {
        guard isPlainWord(newValue), newValue != value else { return nil }
        let bytes = file.bytes
        let start = range.start.offset
        let end = range.end.offset
        guard start <= end, end <= bytes.count else { return nil }
        let written = bytes[start..<end]
        let literal = Array(value.utf8)
        if written.elementsEqual(literal) {
            return Fix(title: title, edits: [Edit(range: start..<end, replacement: newValue)])
        }
        for quote in [UInt8(ascii: "\""), UInt8(ascii: "'")] where written.count == literal.count + 2
            && written.first == quote && written.last == quote && written.dropFirst().dropLast().elementsEqual(literal)
            && !literal.contains(where: { $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: "'") || $0 == UInt8(ascii: "\"") }) {
            return Fix(title: title, edits: [Edit(range: start + 1..<end - 1, replacement: newValue)])
        }
        return nil
    }

    /// Whether a value is written the same way plain, single- or double-quoted, in block or flow context.
    static func isPlainWord(_ text: String) -> Bool {
        guard let first = text.utf8.first, isAlphanumeric(first) else { return false }
        return text.utf8.allSatisfy { isAlphanumeric($0) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "-") }
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }
}

extension Fix.Edit {
    /// `bytes` with `edits` applied; the edits must not overlap (see `Fix.overlaps`).
    public static func apply(_ edits: [Fix.Edit], to bytes: [UInt8]) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count + edits.reduce(0) { $0 + $1.replacement.utf8.count })
        var position = 0
        for edit in edits.sorted(by: { $0.range.lowerBound < $1.range.lowerBound }) {
            result += bytes[position..<edit.range.lowerBound]
            result += edit.replacement.utf8
            position = edit.range.upperBound
        }
        result += bytes[position...]
        return result
    }
}
