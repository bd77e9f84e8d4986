import Diagnostics

extension NodeRef {
    /// Whether the value was written with a variable (`${TAG}`, `$TAG`): its source text holds a `$`.
    /// Rules see the interpolated tree, where an unset variable has become an empty string; a value left
    /// incomplete that way (`app:` from `app:${TAG}`) is the `unset-variable` warning's business, and a
    /// rule that also called it an error would report one mistake twice, once wrongly.
    public var isWrittenWithVariable: Bool {
        let bytes = tree.file.bytes
        let start = range.start.offset
        let end = min(range.end.offset, bytes.count)
        guard start < end else { return false }
        return bytes[start..<end].contains(UInt8(ascii: "$"))
    }
}

extension NodeRef {
    /// The scalar as the file spells it, quotes included (`"${SRC}:/data"`): what a message quotes for a
    /// value written with a variable, whose substituted text may hold a secret.
    public var sourceText: String {
        let bytes = tree.file.bytes
        let start = min(range.start.offset, bytes.count)
        let end = min(max(range.end.offset, start), bytes.count)
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    /// How a finding quotes a string value: as written when a variable made it, else its text.
    public var quotedForFinding: String {
        isWrittenWithVariable ? "\(excerpt(sourceText)) (after substitution)" : "'\(excerpt(text))'"
    }
}
