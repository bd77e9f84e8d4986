import Diagnostics
import Syntax

/// A node of a template together with its path: the typed documents are thin views over the tree made
/// of these, so every value a rule reads keeps its exact range and path, and nothing is decoded that no
/// rule asks for.
public struct NodeRef: Sendable {
    public let tree: YAMLTree
    public let id: NodeID
    public let path: NodePath

    public init(tree: YAMLTree, id: NodeID, path: NodePath) {
        self.tree = tree
        self.id = id
        self.path = path
    }

    public var node: YAMLNode { tree[id] }
    public var range: SourceRange { tree[id].range }
    public var isMapping: Bool { tree[id].isMapping }
    public var isSequence: Bool { tree[id].isSequence }
    public var isScalar: Bool { tree[id].isScalar }
    public var isNull: Bool { tree[id].isScalar && tree[id].resolved == .null }

    /// The value under a key of a mapping.
    public subscript(key: String) -> NodeRef? {
        guard tree[id].isMapping, let child = tree.value(forKey: key, in: id) else { return nil }
        return NodeRef(tree: tree, id: child, path: path.appending(key: key))
    }

    /// Key/value pairs of a mapping, keys as located strings (empty for other kinds).
    public var entries: [(key: Located<String>, value: NodeRef)] {
        tree.pairs(of: id).map { pair in
            let keyNode = tree[pair.key]
            let childPath = path.appending(key: keyNode.text)
            return (Located(keyNode.text, range: keyNode.range, path: childPath), NodeRef(tree: tree, id: pair.value, path: childPath))
        }
    }

    /// Items of a sequence (empty for other kinds).
    public var items: [NodeRef] {
        tree.items(of: id).enumerated().map { index, item in
            NodeRef(tree: tree, id: item, path: path.appending(index: index))
        }
    }

    /// A scalar's text (numbers and booleans as written); nil for collections and null.
    public var string: Located<String>? {
        guard isScalar, !isNull || tree[id].style.isQuoted else { return nil }
        return located(tree[id].text)
    }

    /// A scalar's integer value, also from a quoted or substituted string of digits (Compose casts
    /// those); nil when the value is not an integer.
    public var integer: Located<Int64>? {
        guard isScalar else { return nil }
        switch tree[id].resolved {
        case .int(let value): return located(value)
        case .string(let text): return ScalarValue.resolve(text, style: .plain, tag: nil).integerValue.map(located)
        default: return nil
        }
    }

    /// A scalar's numeric value (integer or float, from a string too).
    public var number: Located<Double>? {
        guard isScalar else { return nil }
        switch tree[id].resolved {
        case .int(let value): return located(Double(value))
        case .float(let value): return located(value)
        case .string(let text):
            switch ScalarValue.resolve(text, style: .plain, tag: nil) {
            case .int(let value): return located(Double(value))
            case .float(let value): return located(value)
            default: return nil
            }
        default: return nil
        }
    }

    /// Strings of a list, or the single string of a scalar (Compose's "string or list").
    public var stringList: [Located<String>] {
        if isSequence { return items.compactMap(\.string) }
        return string.map { [$0] } ?? []
    }

    public func located<Value>(_ value: Value) -> Located<Value> {
        Located(value, range: range, path: path)
    }
}

extension ScalarValue {
    var integerValue: Int64? {
        if case .int(let value) = self { return value }
        return nil
    }
}
