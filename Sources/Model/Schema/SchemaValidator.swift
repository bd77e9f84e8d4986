import Diagnostics
import Syntax

extension RuleID {
    /// A key the template kind does not define (typos, keys of another Compose version).
    public static let unknownField: RuleID = "unknown-field"
    /// A value of the wrong shape or type (`ports: 80` where a list is needed).
    public static let typeMismatch: RuleID = "type-mismatch"
    /// A key the kind requires is absent.
    public static let missingField: RuleID = "missing-field"
}

/// Checks a tree against a `FieldType`, reporting unknown keys (with a suggestion), wrong types and
/// missing required keys. Recursion follows the schema, never the input, so its depth is bounded by
/// the schema's own nesting.
public struct SchemaValidator {
    let tree: YAMLTree
    /// Scalars whose text came from variable substitution. Compose keeps those strings wherever a
    /// string is expected (`image: ${TAG}` with `TAG=1.5` is the string "1.5"), so they are not
    /// rejected for reading as numbers once substituted.
    let isInterpolated: (NodeID) -> Bool
    private(set) var diagnostics: [Diagnostic] = []

    public init(tree: YAMLTree, isInterpolated: @escaping (NodeID) -> Bool = { _ in false }) {
        self.tree = tree
        self.isInterpolated = isInterpolated
    }

    public static func validate(_ tree: YAMLTree, as type: FieldType, isInterpolated: @escaping (NodeID) -> Bool = { _ in false }) -> [Diagnostic] {
        var validator = SchemaValidator(tree: tree, isInterpolated: isInterpolated)
        validator.check(tree.root, as: type, path: .root)
        return validator.diagnostics
    }

    public mutating func check(_ id: NodeID, as type: FieldType, path: NodePath) {
        let node = tree[id]
        switch type {
        case .any:
            return
        case .object(let schema):
            guard node.isMapping else { return mismatch(node, path: path, expected: type) }
            checkObject(id, schema: schema, path: path)
        case .map(let valueType):
            guard node.isMapping else { return mismatch(node, path: path, expected: type) }
            for pair in tree.pairs(of: id) {
                check(pair.value, as: valueType, path: path.appending(key: tree[pair.key].text))
            }
        case .list(let itemType):
            guard node.isSequence else { return mismatch(node, path: path, expected: type) }
            for (index, item) in tree.items(of: id).enumerated() {
                check(item, as: itemType, path: path.appending(index: index))
            }
        case .oneOf(let alternatives):
            switch node.kind {
            case .scalar:
                if !alternatives.contains(where: { accepts(id, $0) }) { mismatch(node, path: path, expected: type) }
            case .mapping:
                guard let match = alternatives.first(where: { $0.isMappingShape }) else { return mismatch(node, path: path, expected: type) }
                check(id, as: match, path: path)
            case .sequence:
                guard let match = alternatives.first(where: { $0.isListShape }) else { return mismatch(node, path: path, expected: type) }
                check(id, as: match, path: path)
            }
        case .string, .integer, .number, .boolean, .enumeration, .null:
            if !accepts(id, type) { mismatch(node, path: path, expected: type) }
        }
    }

    private mutating func checkObject(_ id: NodeID, schema: ObjectSchema, path: NodePath) {
        var seen: Set<String> = []
        for pair in tree.pairs(of: id) {
            let keyNode = tree[pair.key]
            let key = keyNode.text
            seen.insert(key)
            if let fieldType = schema.type(of: key) {
                check(pair.value, as: fieldType, path: path.appending(key: key))
            } else if !(schema.allowsExtensions && key.hasPrefix("x-")) {
                let suggestion = Suggestions.closest(to: key, among: schema.fields.map(\.name))
                let hint = suggestion.map { "; did you mean '\($0)'?" } ?? " (stackc schema lists the keys it allows)"
                diagnostics.append(Diagnostic(
                    rule: .unknownField, severity: .error,
                    message: "\(Self.describe(path, schema)) has no key '\(key)'\(hint)",
                    range: keyNode.range, path: path.appending(key: key)))
            }
        }
        for required in schema.required where !seen.contains(required) {
            diagnostics.append(Diagnostic(
                rule: .missingField, severity: .error,
                message: "\(Self.describe(path, schema)) needs the key '\(required)'",
                range: SourceRange(start: tree[id].range.start, end: tree[id].range.start), path: path))
        }
    }

    /// Whether a scalar fits a scalar type.
    private func accepts(_ id: NodeID, _ type: FieldType) -> Bool {
        let node = tree[id]
        guard node.isScalar else { return false }
        let value = node.resolved
        switch type {
        case .string:
            if case .string = value { return true }
            return isInterpolated(id)
        case .integer:
            if case .int = value { return true }
            return false
        case .number:
            switch value {
            case .int, .float: return true
            default: return false
            }
        case .boolean:
            if case .bool = value { return true }
            return false
        case .null:
            return value == .null
        case .enumeration(let allowed):
            return allowed.contains(node.text)
        case .oneOf(let alternatives):
            return alternatives.contains { accepts(id, $0) }
        case .any:
            return true
        case .list, .map, .object:
            return false
        }
    }

    private mutating func mismatch(_ node: YAMLNode, path: NodePath, expected: FieldType) {
        let found: String
        if case .enumeration = expected, node.isScalar {
            found = "'\(node.text)'"
        } else {
            found = node.kindDescription
        }
        diagnostics.append(Diagnostic(
            rule: .typeMismatch, severity: .error,
            message: "\(path.isRoot ? "the document" : path.description) must be \(expected.description), not \(found)",
            range: node.range, path: path))
    }

    private static func describe(_ path: NodePath, _ schema: ObjectSchema) -> String {
        path.isRoot ? "a \(schema.name)" : "\(path) (a \(schema.name))"
    }
}

extension FieldType {
    var isMappingShape: Bool {
        switch self {
        case .map, .object, .any: true
        default: false
        }
    }

    var isListShape: Bool {
        switch self {
        case .list, .any: true
        default: false
        }
    }
}
