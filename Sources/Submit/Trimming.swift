extension StringProtocol {
    /// The text without the given characters at either end: header values and token files carry stray
    /// spaces and line ends, and this needs no `CharacterSet`.
    public func trimming(_ characters: String) -> String {
        var slice = self[...]
        while let first = slice.first, characters.contains(first) { slice = slice.dropFirst() }
        while let last = slice.last, characters.contains(last) { slice = slice.dropLast() }
        return String(slice)
    }
}
