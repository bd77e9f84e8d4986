/// One entry of a Compose "list or dict" (environment, labels, args): `KEY=VALUE` / `KEY` strings or
/// `KEY: value` pairs, read the same way so rules need not care which form the author used.
public struct KeyValueEntry: Sendable {
    public let name: Located<String>
    /// Nil for `KEY` without `=` in list form, or a null value in mapping form.
    public let value: Located<String>?
    /// Where the whole entry is (the list item, or the key of the pair).
    public let entry: Located<String>
}

extension KeyValueEntry {
    /// A list item: `KEY=VALUE` split at the first `=`, or `KEY` alone with no value; name and value are
    /// located at the whole item. Each located value is built from its parts: copying one costs more.
    init(listItem text: String, at item: NodeRef) {
        let range = item.range
        entry = Located(text, range: range, path: item.path)
        guard let (name, value) = text.splitAtFirst(ascii: "=") else {
            self.name = Located(text, range: range, path: item.path)
            self.value = nil
            return
        }
        self.name = Located(name, range: range, path: item.path)
        self.value = Located(value, range: range, path: item.path)
    }

    /// A pair of the mapping form: the key is both the name and the entry.
    init(key: Located<String>, value: NodeRef) {
        self.init(name: Located(key.value, range: key.range, path: key.path), value: value.string, entry: key)
    }
}

extension NodeRef {
    /// The entries of a list-or-dict value in source order.
    public var keyValueEntries: [KeyValueEntry] {
        if isMapping {
            return compactMapPairs(KeyValueEntry.init(key:value:))
        }
        return compactMapItems { item in item.scalarText.map { KeyValueEntry(listItem: $0, at: item) } }
    }
}
