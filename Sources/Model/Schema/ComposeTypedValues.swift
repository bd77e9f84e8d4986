import Diagnostics
import Syntax

/// The type Docker Compose gives a scalar of a Compose file once it is substituted, where that differs
/// from how YAML types the scalar: compose-go substitutes every string and then casts the strings at its
/// typed paths (`interpolateTypeCastMapping`, the schema's `FieldType.converted` fields), so
/// `cpus: ${C}` with C=1.5 is the number 1.5, `privileged: "${P}"` with P=yes is true and
/// `deploy.replicas: "3"` is 3; everywhere else a substituted value stays the string it made —
/// `labels: {port: ${PORT}}` is "8080", an empty one "" and never null, an `x-` extension a string too.
/// `render --format json` prints these types, so its output holds what Compose's model holds.
public enum ComposeTypedValues {
    /// The scalars whose value differs from their YAML type, by node. `isInterpolated` tells the
    /// scalars a substitution made. A `$` left in a typed field (a variable kept for later, a secret
    /// masked as `${NAME}`) stays a string: what Compose will cast is not known yet. A string a typed
    /// field cannot cast is left as it is; lint refuses it (`type-mismatch`). The v1 layout, which
    /// Docker Compose v2 does not read, only keeps its substituted values strings.
    public static func values(of tree: YAMLTree, layout: ComposeDocument.Layout,
                              isInterpolated: (NodeID) -> Bool) -> [NodeID: ScalarValue] {
        var values: [NodeID: ScalarValue] = [:]
        tree.walk(from: tree.root) { event in
            if case .scalar(let id) = event, isInterpolated(id) { values[id] = .string(tree[id].text) }
        }
        if layout == .services {
            cast(tree.root, as: ComposeSchema.document, in: tree, isInterpolated: isInterpolated, into: &values)
        }
        return values
    }

    /// The tree with each substituted string that YAML would read back as another value (`""` as null,
    /// `3` as a number, `true` as a boolean in a label or an `x-` extension) double-quoted, so that the
    /// YAML `render` prints means to Compose what the file meant: `environment: {KEY: ${EMPTY}}` stays
    /// the empty string, not a null that Compose fills in from the environment of a later run.
    public static func quotingStrings(in tree: YAMLTree, values: [NodeID: ScalarValue]) -> YAMLTree {
        tree.replacingScalars { id, node in
            guard let value = values[id], value.isString, node.resolved != value else { return nil }
            var quoted = node
            quoted.style = .doubleQuoted
            return quoted
        }
    }

    /// Follows the schema down to its converted fields, so the depth is the schema's, never the input's.
    private static func cast(_ id: NodeID, as type: FieldType, in tree: YAMLTree, isInterpolated: (NodeID) -> Bool,
                             into values: inout [NodeID: ScalarValue]) {
        let node = tree[id]
        switch type {
        case .object(let schema) where node.isMapping:
            for pair in tree.pairs(of: id) {
                guard let field = schema.type(of: tree[pair.key].text) else { continue }
                cast(pair.value, as: field, in: tree, isInterpolated: isInterpolated, into: &values)
            }
        case .map(let valueType, _) where node.isMapping:
            for pair in tree.pairs(of: id) {
                cast(pair.value, as: valueType, in: tree, isInterpolated: isInterpolated, into: &values)
            }
        case .list(let itemType) where node.kind == .sequence, .distinctList(let itemType) where node.kind == .sequence:
            for item in tree.items(of: id) {
                cast(item, as: itemType, in: tree, isInterpolated: isInterpolated, into: &values)
            }
        case .oneOf(let alternatives):
            let match: FieldType? = switch node.kind {
            case .scalar: alternatives.first(where: \.isConverted)
            case .mapping: alternatives.first(where: \.isMappingShape)
            case .sequence: alternatives.first(where: \.isListShape)
            }
            if let match { cast(id, as: match, in: tree, isInterpolated: isInterpolated, into: &values) }
        case .converted(_, let conversion) where node.isScalar:
            guard node.resolved.isString || isInterpolated(id), !node.text.contains(ascii: "$"),
                  let converted = conversion.convert(node.text) else { return }
            values[id] = converted
        default:
            return
        }
    }
}
