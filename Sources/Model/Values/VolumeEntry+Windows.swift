extension VolumeEntry {
    /// Whether the short syntax holds a Windows path: a backslash, or a single letter and `:` at the
    /// start of a part (`C:\data:D:\config`, `c:/data:/data`), which compose-go reads as a drive letter
    /// (`isWindowsDrive`) where `VolumeEntry` splits on every `:` (the platforms run Linux containers).
    /// Source and target of such an entry cannot be trusted, so rules leave it alone.
    public var isWindowsStyle: Bool {
        guard let text = node.string?.value else { return false }
        if text.contains(ascii: "\\") { return true }
        let bytes = Array(text.utf8)
        return bytes.indices.contains { index in
            (index == 0 || bytes[index - 1] == UInt8(ascii: ":")) && index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: ":")
                && (bytes[index] | 0x20) >= UInt8(ascii: "a") && (bytes[index] | 0x20) <= UInt8(ascii: "z")
        }
    }
}
