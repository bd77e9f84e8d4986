import Diagnostics

/// Builds a new tree out of nodes of other trees, for a stage that combines documents (Compose's merge of
/// `-f` files). Each copied node keeps its range, so a finding on the new tree points where the value was
/// written. Collections are made bottom-up: a collection's children are added first, then the collection.
public struct TreeAssembler {
    private var nodes: [YAMLNode] = []
    private var children: [NodeID] = []
    private var keyPrints: [KeyPrint] = []
    /// The copy of each node already copied (-1: none yet), per source tree and indexed by the node's
    /// index there: a node shared through an alias is copied once. Arrays rather than dictionaries: every
    /// node of a merged project is looked up here, and hashing them cost a tenth of loading one.
    private var copies: [[Int32]] = []

    public init() {}

    /// `id` of `tree` and everything under it, copied; `source` tells the trees apart for sharing copies.
    public mutating func copy(_ id: NodeID, of tree: YAMLTree, source: Int) -> NodeID {
        if copies.count <= source { copies += Array(repeating: [], count: source + 1 - copies.count) }
        if copies[source].isEmpty { copies[source] = Array(repeating: -1, count: tree.nodes.count) }
        let known = copies[source][Int(id.index)]
        if known >= 0 { return NodeID(Int(known)) }
        let node = tree[id]
        let copied: NodeID
        switch node.kind {
        case .scalar:
            copied = add(node, children: [])
        case .sequence:
            copied = add(node, children: tree.items(of: id).map { copy($0, of: tree, source: source) })
        case .mapping:
            let pairs = tree.pairs(of: id)
            copied = add(node, children: pairs.flatMap { [copy($0.key, of: tree, source: source), copy($0.value, of: tree, source: source)] })
        }
        copies[source][Int(id.index)] = copied.index
        return copied
    }

    /// A scalar made by the combining stage (an `environment` pair written as `KEY=value`).
    public mutating func scalar(_ text: String, style: ScalarStyle = .plain, range: SourceRange) -> NodeID {
        add(YAMLNode(kind: .scalar, style: style, isFlow: false, range: range, text: text, tag: nil, firstChild: 0, childCount: 0), children: [])
    }

    /// A sequence of nodes already added, written where `range` says.
    public mutating func sequence(_ items: [NodeID], range: SourceRange, isFlow: Bool = false) -> NodeID {
        add(YAMLNode(kind: .sequence, style: .plain, isFlow: isFlow, range: range, text: "", tag: nil, firstChild: 0, childCount: 0), children: items)
    }

    /// A mapping of keys and values already added.
    public mutating func mapping(_ pairs: [(key: NodeID, value: NodeID)], range: SourceRange, isFlow: Bool = false) -> NodeID {
        add(YAMLNode(kind: .mapping, style: .plain, isFlow: isFlow, range: range, text: "", tag: nil, firstChild: 0, childCount: 0),
            children: pairs.flatMap { [$0.key, $0.value] })
    }

    /// The tree rooted at `root`, over `file` (whose text the ranges index).
    public func tree(root: NodeID, file: SourceFile) -> YAMLTree {
        YAMLTree(nodes: nodes, children: children, keyPrints: keyPrints, root: root, file: file)
    }

    private mutating func add(_ node: YAMLNode, children entries: [NodeID]) -> NodeID {
        var node = node
        node.firstChild = Int32(children.count)
        node.childCount = Int32(node.kind == .mapping ? entries.count / 2 : entries.count)
        let start = children.count
        children.append(contentsOf: entries)
        if node.kind == .mapping {
            KeyPrint.record(pairsIn: start..<children.count, of: children, nodes: nodes, into: &keyPrints)
        }
        nodes.append(node)
        return NodeID(nodes.count - 1)
    }
}

extension YAMLTree {
    /// This tree with every range moved down `lines` lines and on `bytes` bytes, over `file`: how a file's
    /// tree is placed in a text that concatenates several files, so that positions stay unique among them.
    public func relocated(lines: Int, bytes: Int, file: SourceFile) -> YAMLTree {
        var moved = YAMLTree(nodes: storage, children: children, keyPrints: keyPrints, root: root, file: file)
        for index in moved.storage.indices {
            moved.storage[index].range.start.line += lines
            moved.storage[index].range.end.line += lines
            moved.storage[index].range.start.offset += bytes
            moved.storage[index].range.end.offset += bytes
        }
        return moved
    }
}
