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
    /// Docker Compose's rule for what a substitution makes: a string, converted only at its typed paths
    /// (`FieldType.converted`), so `use_api_socket: ${SOCKET:-true}` is the string "true", which its
    /// schema refuses where a boolean belongs. Off for the platforms' own kinds, whose substituted
    /// template is written out as YAML again and read with its values typed anew.
    let substitutionsStayStrings: Bool
    private(set) var diagnostics: [Diagnostic] = []

    public init(tree: YAMLTree, isInterpolated: @escaping (NodeID) -> Bool = { _ in false }, substitutionsStayStrings: Bool = false) {
        self.tree = tree
        self.isInterpolated = isInterpolated
        self.substitutionsStayStrings = substitutionsStayStrings
    }

    public static func validate(_ tree: YAMLTree, as type: FieldType, isInterpolated: @escaping (NodeID) -> Bool = { _ in false },
                                substitutionsStayStrings: Bool = false) -> [Diagnostic] {
        var validator = SchemaValidator(tree: tree, isInterpolated: isInterpolated, substitutionsStayStrings: substitutionsStayStrings)
        validator.check(tree.root, as: type, path: .root)
        return validator.diagnostics
    }

    /// Checks one node (and what is below it) whose place in the document is `path`.
    public mutating func check(_ id: NodeID, as type: FieldType, path: NodePath) {
        trail = path.components
        visit(id, as: type)
    }

    /// The path of the node being visited, as components: pushed and popped while descending, and
    /// made into a `NodePath` only for a finding, so a clean document costs no path allocations.
    private var trail: [NodePath.Component] = []
    private var path: NodePath { NodePath(trail) }

    private mutating func descend(_ component: NodePath.Component, into id: NodeID, as type: FieldType) {
        trail.append(component)
        visit(id, as: type)
        trail.removeLast()
    }

    private mutating func visit(_ id: NodeID, as type: FieldType) {
        switch type {
        case .any:
            return
        case .object(let schema):
            guard kind(of: id) == .mapping else { return mismatch(id, expected: type) }
            checkObject(id, schema: schema)
        case .map(let valueType, let keys):
            guard kind(of: id) == .mapping else { return mismatch(id, expected: type) }
            for pair in tree.pairs(of: id) {
                let key = text(of: pair.key)
                if let problem = keys.problem(in: key) {
                    diagnostics.append(Diagnostic(
                        rule: .typeMismatch, severity: .error, message: "the key '\(excerpt(key))' of \(path) \(problem)",
                        range: tree[pair.key].range, path: path.appending(key: key)))
                }
                descend(.key(key), into: pair.value, as: valueType)
            }
        case .list(let itemType):
            guard kind(of: id) == .sequence else { return mismatch(id, expected: type) }
            for (index, item) in tree.items(of: id).enumerated() {
                descend(.index(index), into: item, as: itemType)
            }
        case .distinctList(let itemType):
            visit(id, as: .list(itemType))
            if kind(of: id) == .sequence { checkDistinct(id) }
        case .oneOf(let alternatives):
            switch kind(of: id) {
            case .scalar:
                // A converted alternative is the scalar's whole type (ulimits: a count or a soft/hard mapping).
                if case .converted(let native, let conversion)? = alternatives.first(where: \.isConverted) {
                    return checkConversion(id, native, conversion)
                }
                let value = resolved(id)
                if !alternatives.contains(where: { accepts(id, value, $0) }) { mismatch(id, expected: type) }
            case .mapping:
                guard let match = alternatives.first(where: { $0.isMappingShape }) else { return mismatch(id, expected: type) }
                visit(id, as: match)
            case .sequence:
                guard let match = alternatives.first(where: { $0.isListShape }) else { return mismatch(id, expected: type) }
                visit(id, as: match)
            }
        case .string, .integer, .number, .boolean, .enumeration, .null, .bounded, .pattern:
            if !(kind(of: id) == .scalar && accepts(id, resolved(id), type)) { mismatch(id, expected: type) }
        case .converted(let native, let conversion):
            guard kind(of: id) == .scalar else { return mismatch(id, expected: type) }
            checkConversion(id, native, conversion)
        }
    }

    /// Items of a list Compose requires to differ: the second of two equal scalars is reported, with
    /// a note at the first.
    private mutating func checkDistinct(_ id: NodeID) {
        var seen: [ScalarValue: (index: Int, node: NodeID)] = [:]
        for (index, item) in tree.items(of: id).enumerated() where kind(of: item) == .scalar {
            let value = resolved(item)
            guard let (first, firstNode) = seen[value] else {
                seen[value] = (index, item)
                continue
            }
            diagnostics.append(Diagnostic(
                rule: .typeMismatch, severity: .error,
                message: "\(path)[\(index)] repeats item \(first) ('\(excerpt(text(of: item)))'); Docker Compose requires the items of \(path) to differ",
                range: tree[item].range, path: path.appending(index: index),
                notes: [Diagnostic.Note(message: "the same item first appears here", range: tree[firstNode].range)]))
        }
    }

    /// A converted field: a string, written so or made by a substitution, must convert; anything
    /// else must have the native type. A substituted value is not quoted in the message (it may be
    /// a secret); an empty one is said to be empty, the usual sign of an unset variable.
    private mutating func checkConversion(_ id: NodeID, _ native: FieldType, _ conversion: ComposeConversion) {
        let value = resolved(id)
        let verdict = conversionVerdict(id, value, native, conversion)
        guard !verdict.passes else { return }
        let interpolated = isInterpolated(id)
        guard interpolated || value.isString else { return mismatch(id, expected: .converted(native, conversion)) }
        let text = text(of: id)
        let converted = verdict.converted
        let found = !interpolated ? "'\(excerpt(text))'" : text.isEmpty ? "empty after substitution" : "a substituted value"
        let reading = converted.map { "which Docker Compose reads as \($0.typeDescription), not \(native.description)" }
            ?? "which Docker Compose cannot read as \(conversion.description)"
        let fix = if case .integer = native { ComposeConversion.integer.example } else { conversion.example }
        diagnostics.append(Diagnostic(
            rule: .typeMismatch, severity: .error, message: "\(path) is \(found), \(reading); use \(fix)",
            range: tree[id].range, path: path))
    }

    /// Whether a converted field's scalar passes, and what Compose converted it to: a value written as
    /// the native type is checked as it is; a string, written so or made by a substitution, is converted
    /// and the result validated like one written so (`cpu_percent: "0.5"` is a number, no integer). A `$`
    /// left in the text is for a later substitution (`--no-interpolate`, or a variable the aliyun server
    /// fills in): what Compose will convert is not known yet, so it passes.
    private func conversionVerdict(_ id: NodeID, _ value: ScalarValue, _ native: FieldType,
                                   _ conversion: ComposeConversion) -> (passes: Bool, converted: ScalarValue?) {
        guard value.isString || isInterpolated(id) else { return (accepts(id, value, native), nil) }
        let text = text(of: id)
        if text.contains(ascii: "$") { return (true, nil) }
        let converted = conversion.convert(text)
        return (converted.map { native.fits($0, integralFloats: true) } ?? false, converted)
    }

    private mutating func checkObject(_ id: NodeID, schema: ObjectSchema) {
        for pair in tree.pairs(of: id) {
            let key = text(of: pair.key)
            if let fieldType = schema.type(of: key) {
                descend(.key(key), into: pair.value, as: fieldType)
            } else if !(schema.allowsExtensions && key.hasPrefix(ascii: "x-")) {
                let suggestion = Suggestions.closest(to: key, among: schema.fields.map(\.name))
                let hint = suggestion.map { "; did you mean '\($0)'?" } ?? " (stackc schema lists the keys it allows)"
                let range = tree[pair.key].range
                diagnostics.append(Diagnostic(
                    rule: .unknownField, severity: .error,
                    message: "\(Self.describe(path, schema)) has no key '\(key)'\(hint)",
                    range: range, path: path.appending(key: key), fix: keyFix(key, at: range, in: id, schema: schema)))
            }
        }
        for required in schema.required where tree.value(forKey: required, in: id) == nil {
            diagnostics.append(Diagnostic(
                rule: .missingField, severity: .error,
                message: "\(Self.describe(path, schema)) needs the key '\(required)'",
                range: SourceRange(at: tree[id].range.start), path: path))
        }
    }

    /// Renaming a misspelt key, when that is certain: exactly one known key is close, and the mapping
    /// does not hold it already (then the typo is a second, different setting, not a misspelling).
    private func keyFix(_ key: String, at range: SourceRange, in mapping: NodeID, schema: ObjectSchema) -> Fix? {
        guard let known = Suggestions.only(to: key, among: schema.fields.map(\.name)),
              tree.value(forKey: known, in: mapping) == nil else { return nil }
        return Fix.replacingScalar(in: tree.file, at: range, value: key, with: known, title: "rename key '\(key)' to '\(known)'")
    }

    // The fields the walk reads of every node, read through the node's address: reading them off
    // `tree[id]` copies the whole node (its strings retained and released), once per node of the document.
    private func resolved(_ id: NodeID) -> ScalarValue {
        tree.withNodeAddress(id) { $0.pointee.resolved }
    }

    private func kind(of id: NodeID) -> YAMLNode.Kind {
        tree.withNodeAddress(id) { $0.pointee.kind }
    }

    private func text(of id: NodeID) -> String {
        tree.withNodeAddress(id) { $0.pointee.text }
    }

    /// Whether a scalar fits a scalar type; the scalar's value is resolved once by the caller, not
    /// once per alternative of a `oneOf`.
    private func accepts(_ id: NodeID, _ value: ScalarValue, _ type: FieldType) -> Bool {
        if type.isNonStringScalar {
            return !(substitutionsStayStrings && isInterpolated(id)) && type.fits(value, integralFloats: substitutionsStayStrings)
        }
        switch type {
        case .string:
            if case .string = value { return true }
            return isInterpolated(id)
        case .enumeration(let allowed):
            return allowed.contains(text(of: id))
        case .pattern(let expression, _):
            guard value.isString || isInterpolated(id) else { return false }
            let text = text(of: id)
            // A `$` left for a later substitution: what it will hold is not known yet.
            return text.contains(ascii: "$") || (try? Regex(expression)).map { text.contains($0) } ?? true
        case .oneOf(let alternatives):
            return alternatives.contains { accepts(id, value, $0) }
        case .any:
            return true
        case .converted(let native, let conversion):
            return conversionVerdict(id, value, native, conversion).passes
        case .integer, .number, .boolean, .null, .bounded, .list, .distinctList, .map, .object:
            return false
        }
    }

    private mutating func mismatch(_ id: NodeID, expected: FieldType) {
        let node = tree[id]
        let path = self.path
        let found: String
        if expected.quotesValue, node.isScalar {
            found = "'\(node.text)'"
        } else if substitutionsStayStrings, node.isScalar, isInterpolated(id) {
            found = "a string"
        } else if expected.hasBounds, node.isScalar, node.resolved.numericValue != nil {
            found = node.text
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
    /// A scalar type that a string never satisfies.
    var isNonStringScalar: Bool {
        switch self {
        case .integer, .number, .boolean, .null, .bounded: true
        default: false
        }
    }

    /// Whether a value (as written, or as Compose converted it) has this scalar type; a converted
    /// field's native type is one of these.
    /// - Parameter integralFloats: JSON Schema's rule, which Compose follows: `2.0` is an integer.
    func fits(_ value: ScalarValue, integralFloats: Bool) -> Bool {
        switch (self, value) {
        case (.integer, .int), (.number, .int), (.number, .float), (.boolean, .bool), (.null, .null): true
        case (.integer, .float(let number)): integralFloats && number.rounded() == number && number.isFinite
        case (.oneOf(let alternatives), _): alternatives.contains { $0.fits(value, integralFloats: integralFloats) }
        case (.bounded(let inner, let minimum, let maximum), _):
            inner.fits(value, integralFloats: integralFloats) && value.numericValue.map { number in
                minimum.map { number >= Double($0) } ?? true && maximum.map { number <= Double($0) } ?? true
            } ?? false
        default: false
        }
    }

    /// Whether a mismatch quotes the value found rather than its type.
    var quotesValue: Bool {
        switch self {
        case .enumeration, .pattern: true
        default: false
        }
    }

    /// Whether a number can have the right type and still be refused (out of bounds).
    var hasBounds: Bool {
        switch self {
        case .bounded: true
        case .converted(let native, _): native.hasBounds
        case .oneOf(let alternatives): alternatives.contains(where: \.hasBounds)
        default: false
        }
    }

    var isConverted: Bool {
        if case .converted = self { return true }
        return false
    }

    var isMappingShape: Bool {
        switch self {
        case .map, .object, .any: true
        default: false
        }
    }

    var isListShape: Bool {
        switch self {
        case .list, .distinctList, .any: true
        default: false
        }
    }
}
