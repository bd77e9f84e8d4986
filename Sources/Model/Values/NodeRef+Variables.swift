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
