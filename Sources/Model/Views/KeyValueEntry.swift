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
    /// A list item: `KEY=VALUE` split at the first `=` (name and value located at the whole item), or
    /// `KEY` alone with no value.
    init(listItem text: Located<String>) {
        guard let (name, value) = text.value.splitAtFirst(ascii: "=") else {
            self.init(name: text, value: nil, entry: text)
            return
        }
        self.init(name: text.map { _ in name }, value: text.map { _ in value }, entry: text)
    }
}

extension NodeRef {
    /// The entries of a list-or-dict value in source order.
    public var keyValueEntries: [KeyValueEntry] {
        if isMapping {
            return compactMapPairs { key, value in KeyValueEntry(name: key, value: value.string, entry: key) }
        }
        return compactMapItems { item in item.string.map(KeyValueEntry.init(listItem:)) }
    }
}
