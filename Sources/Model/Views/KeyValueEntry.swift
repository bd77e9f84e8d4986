import Diagnostics

/// One entry of a Compose "list or dict" (environment, labels, args): `KEY=VALUE` / `KEY` strings or
/// `KEY: value` pairs, read the same way so rules need not care which form the author used.
public struct KeyValueEntry: Sendable {
    /// Where the whole entry is (the list item, or the key of the pair).
    public let entry: Located<String>
    // Name and value are reported at the entry's place (and in list form at its range too), so only
    // their texts are stored and the located values are built when read: every service's entries are
    // decoded before any rule runs, and three located values each holding the place cost more than
    // the rest of that decoding.
    /// The name alone: `name` builds a located value, retaining its place, which rules that test every
    /// entry's name need only for a finding.
    public let nameText: String
    @usableFromInline let valueText: String?
    @usableFromInline let valueRange: SourceRange

    public var name: Located<String> {
        @inlinable get { Located(nameText, range: entry.range, place: entry.place) }
    }

    /// Nil for `KEY` without `=` in list form, or a null value in mapping form.
    public var value: Located<String>? {
        @inlinable get { valueText.map { Located($0, range: valueRange, place: entry.place) } }
    }
}

extension KeyValueEntry {
    /// A list item: `KEY=VALUE` split at the first `=`, or `KEY` alone with no value; name and value are
    /// located at the whole item.
    init(listItem text: String, at item: NodeRef) {
        entry = Located(text, range: item.range, place: item.place)
        (nameText, valueText) = text.splitAtFirst(ascii: "=") ?? (text, nil)
        valueRange = entry.range
    }

    /// A pair of the mapping form: the key is both the name and the entry, and the value (at the key's
    /// path) is the scalar's text as written.
    init(key: Located<String>, value: NodeRef) {
        entry = key
        nameText = key.value
        valueText = value.scalarText
        valueRange = value.range
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
