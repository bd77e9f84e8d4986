import Diagnostics
import Syntax

/// A value during Compose's merge: a node of one of the files' trees, taken whole while nothing in it
/// changes, or a collection or scalar the merge made (from nodes of several files). Every piece keeps a
/// range, so the merged tree still says where each value was written.
indirect enum MergeValue {
    case node(source: Int, id: NodeID)
    case mapping([MergePair], range: SourceRange)
    case sequence([MergeValue], range: SourceRange)
    case scalar(String, range: SourceRange)
    /// A value read from another file (an `env_file` entry): a string whatever its text, so it is
    /// written double-quoted and never read as a number or a boolean.
    case string(String, range: SourceRange)
}

/// A mapping's entry: its key as a value (for its position) and as text (for matching).
struct MergePair {
    var key: MergeValue
    var name: String
    var value: MergeValue
}

/// Reads merge values against the files' trees (all placed in one text by `YAMLTree.relocated`).
struct MergeReader {
    let trees: [YAMLTree]

    enum Shape { case mapping, sequence, scalar, null }

    func shape(_ value: MergeValue) -> Shape {
        switch value {
        case .mapping: return .mapping
        case .sequence: return .sequence
        case .scalar(let text, _): return text.isEmpty ? .null : .scalar
        case .string: return .scalar
        case .node(let source, let id):
            let node = trees[source][id]
            switch node.kind {
            case .mapping: return .mapping
            case .sequence: return .sequence
            case .scalar: return node.resolved == .null ? .null : .scalar
            }
        }
    }

    func pairs(_ value: MergeValue) -> [MergePair] {
        switch value {
        case .mapping(let pairs, _): return pairs
        case .node(let source, let id):
            let tree = trees[source]
            return tree.pairs(of: id).map { MergePair(key: .node(source: source, id: $0.key), name: tree[$0.key].text, value: .node(source: source, id: $0.value)) }
        default: return []
        }
    }

    func items(_ value: MergeValue) -> [MergeValue] {
        switch value {
        case .sequence(let items, _): return items
        case .node(let source, let id): return trees[source].items(of: id).map { .node(source: source, id: $0) }
        default: return []
        }
    }

    /// A scalar's text (empty for collections).
    func text(_ value: MergeValue) -> String {
        switch value {
        case .scalar(let text, _), .string(let text, _): return text
        case .node(let source, let id): return trees[source][id].text
        default: return ""
        }
    }

    func tag(_ value: MergeValue) -> String? {
        guard case .node(let source, let id) = value else { return nil }
        return trees[source][id].tag
    }

    func range(_ value: MergeValue) -> SourceRange {
        switch value {
        case .mapping(_, let range), .sequence(_, let range), .scalar(_, let range), .string(_, let range): return range
        case .node(let source, let id): return trees[source][id].range
        }
    }

    /// The value under `key` of a mapping value.
    func value(_ key: String, in value: MergeValue) -> MergeValue? {
        pairs(value).first { $0.name == key }?.value
    }

    /// The merged value written out as a tree over `file`.
    func tree(of root: MergeValue, file: SourceFile) -> YAMLTree {
        var assembler = TreeAssembler()
        let id = add(root, to: &assembler)
        return assembler.tree(root: id, file: file)
    }

    private func add(_ value: MergeValue, to assembler: inout TreeAssembler) -> NodeID {
        switch value {
        case .node(let source, let id):
            return assembler.copy(id, of: trees[source], source: source)
        case .scalar(let text, let range):
            return assembler.scalar(text, range: range)
        case .string(let text, let range):
            return assembler.scalar(text, style: .doubleQuoted, range: range)
        case .sequence(let items, let range):
            let ids = items.map { add($0, to: &assembler) }
            return assembler.sequence(ids, range: range)
        case .mapping(let pairs, let range):
            let ids = pairs.map { (key: add($0.key, to: &assembler), value: add($0.value, to: &assembler)) }
            return assembler.mapping(ids, range: range)
        }
    }
}
