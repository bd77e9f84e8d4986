/// One entry of a Compose "list or dict" (environment, labels, args): `KEY=VALUE` / `KEY` strings or
/// `KEY: value` pairs, read the same way so rules need not care which form the author used.
public struct KeyValueEntry: Sendable {
    public let name: Located<String>
    /// Nil for `KEY` without `=` in list form, or a null value in mapping form.
    public let value: Located<String>?
    /// Where the whole entry is (the list item, or the key of the pair).
    public let entry: Located<String>
}

extension NodeRef {
    /// The entries of a list-or-dict value in source order.
    public var keyValueEntries: [KeyValueEntry] {
        if isMapping {
            return entries.map { key, value in
                KeyValueEntry(name: key, value: value.string, entry: key)
            }
        }
        return items.compactMap { item in
            guard let text = item.string else { return nil }
            if let equals = text.value.firstIndex(ascii: "=") {
                let name = String(text.value[..<equals])
                let value = String(text.value[text.value.utf8.index(after: equals)...])
                return KeyValueEntry(name: text.map { _ in name }, value: text.map { _ in value }, entry: text)
            }
            return KeyValueEntry(name: text, value: nil, entry: text)
        }
    }
}
