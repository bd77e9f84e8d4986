/// One `aliyun.*` label of a Compose service, the platform's extension mechanism (ALIYUN.md §3.2), read
/// from either form of `labels` (`- aliyun.scale=2` or `aliyun.scale: 2`).
public struct AliyunLabelEntry: Sendable {
    public static let prefix = "aliyun."

    public let name: Located<String>
    /// The text the platform reads: YAML booleans and integers as written (`aliyun.scale: 1` is `1`),
    /// trimmed as the platform trims it; nil when there is none (`- aliyun.global`, `aliyun.scale:`) or
    /// the value is a collection.
    public let value: Located<String>?
    /// Whether the value holds a variable. The aliyun platform substitutes variables on the server
    /// (ALIYUN.md §3.3) and the names it injects itself stay unresolved here, so the local text of such a
    /// value is not what deploys.
    public let valueHasVariable: Bool
    /// Whether the name holds a variable (`- aliyun.routing.port_${PORT}=web`, list form only).
    public let nameHasVariable: Bool
    /// Whether the value is a list or a mapping: a type error, not a label value.
    public let valueIsCollection: Bool
    /// Whether the value is an unquoted scalar of the mapping form. The platform descends from Docker
    /// Compose 1.x (its Kompose fork parses with a YAML 1.1 library too), and YAML 1.1 reads such a `yes`,
    /// `no`, `on` or `off` as a boolean, not as text.
    public let valueIsPlain: Bool
}

extension ComposeService {
    /// The labels whose names start with `aliyun.`, in source order, from a service's `labels` node.
    static func aliyunLabels(in labels: NodeRef) -> [AliyunLabelEntry] {
        if labels.isMapping {
            return labels.compactMapPairs(whereKey: { $0.hasPrefix(ascii: AliyunLabelEntry.prefix) }) { key, value in
                AliyunLabelEntry(name: key, value: value.string.map(Self.trimmed), valueHasVariable: value.isWrittenWithVariable,
                                 nameHasVariable: false, valueIsCollection: !value.isScalar,
                                 valueIsPlain: value.isScalar && !value.node.style.isQuoted)
            }
        }
        return labels.compactMapItems { item in
            guard let text = item.string, text.value.hasPrefix(ascii: AliyunLabelEntry.prefix) else { return nil }
            let variable = item.isWrittenWithVariable
            guard let (name, value) = text.value.splitAtFirst(ascii: "=") else {
                return AliyunLabelEntry(name: text, value: nil, valueHasVariable: false, nameHasVariable: variable, valueIsCollection: false,
                                        valueIsPlain: false)
            }
            return AliyunLabelEntry(name: text.map { _ in name }, value: Self.trimmed(text.map { _ in value }),
                                    valueHasVariable: variable, nameHasVariable: variable && item.sourceNameHasVariable, valueIsCollection: false,
                                    valueIsPlain: false)
        }
    }

    /// Leading and trailing spaces and tabs removed, as the platform's parser does (`strings.TrimSpace`).
    static func trimmed(_ text: Located<String>) -> Located<String> {
        text.map { Substring($0).trimmingCharacters(in: " \t") }
    }
}

extension NodeRef {
    /// For a `NAME=VALUE` list item written with a variable: whether the `$` is in the name part of the
    /// source text (before the first `=`), so that the interpolated name is not what was written.
    var sourceNameHasVariable: Bool {
        let bytes = tree.file.bytes
        let end = min(range.end.offset, bytes.count)
        for byte in bytes[min(range.start.offset, end)..<end] {
            if byte == UInt8(ascii: "=") { return false }
            if byte == UInt8(ascii: "$") { return true }
        }
        return false
    }
}
