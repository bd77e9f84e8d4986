import Diagnostics

/// Builds a `YAMLTree` from a stream of parse events, independent of libyaml so the anchor, merge,
/// duplicate-key and limit logic can be read and tested on its own.
///
/// Everything is iterative: open collections live on an explicit frame stack and their children on one
/// shared scratch stack, so neither input depth nor size can overflow the call stack, and building
/// allocates per array growth rather than per node.
struct TreeBuilder {
    private(set) var diagnostics: [Diagnostic] = []
    private(set) var root: NodeID?

    private let file: SourceFile
    private let limits: ReaderLimits
    private var nodes: [YAMLNode] = []
    private var children: [NodeID] = []
    private var keyPrints: [KeyPrint] = []
    private var scratch = ChildStack()
    private var frames: [Frame] = []
    private var anchors: [String: Anchor] = [:]
    /// Running total of expanded nodes for the document.
    private var expanded = 0
    /// While a finished mapping is checked its entries are still on the scratch stack; this marks where
    /// they begin so `currentPath` does not read them as the parent's children.
    private var scratchEndForPath: Int?
    /// Stand-ins for aliases that could not be resolved; later checks skip them to avoid cascades.
    private var placeholders: Set<Int32> = []

    private struct Frame {
        let node: Int
        let scratchStart: Int
        let anchor: String?
        let expandedAtStart: Int
    }

    private enum Anchor {
        case pending(SourceRange)
        /// `weight`: the nodes the anchored node expands to (itself and everything below, aliases
        /// counted in full), which every alias of it adds. Kept with the anchor, the only place it is
        /// read, rather than for every node (a large file's worth of memory, written and never read).
        case defined(NodeID, weight: Int)
    }

    init(file: SourceFile, limits: ReaderLimits) {
        self.file = file
        self.limits = limits
        // Capacity reserved up front is only address space until it is written, while growing by
        // doubling holds the old buffer and the new one at once: on a large file that was a megabyte
        // or two of peak memory.
        let expectedNodes = file.bytes.count / 8 + 4
        nodes.reserveCapacity(expectedNodes)
        children.reserveCapacity(expectedNodes)
        keyPrints.reserveCapacity(expectedNodes / 2)
    }

    /// The finished tree, if a root node was read.
    func makeTree() -> YAMLTree? {
        root.map { YAMLTree(nodes: nodes, children: children, keyPrints: keyPrints, root: $0, file: file) }
    }

    // MARK: Events. Each returns false when reading must stop (a limit was hit).

    /// `print`: the digest `text` has as a mapping key (`KeyPrint(text)`, which the reader takes from
    /// libyaml's bytes more cheaply).
    mutating func scalar(_ text: consuming String, style: ScalarStyle, tag: String?, anchor: String?, range: SourceRange, print: KeyPrint) -> Bool {
        if text.utf8.count > limits.maxScalarBytes {
            return limitHit("scalar of \(text.utf8.count) bytes exceeds the limit of \(limits.maxScalarBytes) bytes (raise it with --max-scalar-bytes)", at: range)
        }
        let id = addNode(YAMLNode(kind: .scalar, style: style, isFlow: false, range: range, text: text, tag: tag, firstChild: 0, childCount: 0))
        if let anchor { anchors[anchor] = .defined(id, weight: 1) }
        return attach(id, print: print, at: range)
    }

    mutating func beginCollection(_ kind: YAMLNode.Kind, isFlow: Bool, tag: String?, anchor: String?, start: SourceLocation) -> Bool {
        let range = SourceRange(at: start)
        if frames.count >= limits.maxDepth {
            return limitHit("nesting deeper than \(limits.maxDepth) levels (raise the limit with --max-depth)", at: range)
        }
        nodes.append(YAMLNode(kind: kind, style: .plain, isFlow: isFlow, range: range, text: "", tag: tag, firstChild: 0, childCount: 0))
        if let anchor { anchors[anchor] = .pending(range) }
        frames.append(Frame(node: nodes.count - 1, scratchStart: scratch.count, anchor: anchor, expandedAtStart: expanded))
        expanded += 1
        return checkExpansion(at: range)
    }

    mutating func endCollection(end: SourceLocation) -> Bool {
        guard let frame = frames.popLast() else { return true }
        let count = scratch.count - frame.scratchStart
        // Mutated in place: copying a node out and back costs a retain and release of its strings.
        nodes[frame.node].range.end = end
        nodes[frame.node].firstChild = Int32(children.count)
        // The slices of `scratch` below are temporaries: one still alive when `scratch` is next written
        // would make it copy its whole buffer, once per collection — quadratic in a large mapping.
        if nodes[frame.node].kind == .mapping {
            scratchEndForPath = frame.scratchStart
            let merged = resolveMapping(scratch.ids(from: frame.scratchStart), prints: scratch.prints(from: frame.scratchStart))
            scratchEndForPath = nil
            let start = children.count
            if let merged {
                children.append(contentsOf: merged)
                nodes[frame.node].childCount = Int32(merged.count / 2)
                KeyPrint.record(pairsIn: start..<children.count, of: children, nodes: nodes, into: &keyPrints)
            } else {
                children.append(contentsOf: scratch.ids(from: frame.scratchStart))
                nodes[frame.node].childCount = Int32(count / 2)
                let shift = frame.scratchStart - start
                KeyPrint.record(pairsIn: start..<children.count, into: &keyPrints) { scratch.print(at: $0 + shift) }
            }
        } else {
            children.append(contentsOf: scratch.ids(from: frame.scratchStart))
            nodes[frame.node].childCount = Int32(count)
        }
        scratch.pop(to: frame.scratchStart)
        let id = NodeID(frame.node)
        if let anchor = frame.anchor { anchors[anchor] = .defined(id, weight: expanded - frame.expandedAtStart) }
        return attach(id, print: .none, at: nodes[frame.node].range)
    }

    mutating func alias(_ name: String, range: SourceRange) -> Bool {
        switch anchors[name] {
        case .defined(let target, let weight):
            expanded += weight
            guard checkExpansion(at: range, alias: name) else { return false }
            let index = Int(target.index)
            return attach(target, print: nodes[index].kind == .scalar ? KeyPrint(nodes[index].text) : .none, at: range)
        case .pending(let anchorRange):
            report(.undefinedAlias, "alias *\(name) refers to a node that contains it; a recursive alias cannot be expanded",
                   at: range, notes: [Diagnostic.Note(message: "anchor &\(name) is defined here", range: anchorRange)])
        case nil:
            report(.undefinedAlias, "alias *\(name) refers to no anchor; define &\(name) before using it", at: range)
        }
        let placeholder = addNode(YAMLNode(kind: .scalar, style: .plain, isFlow: false, range: range, text: "", tag: nil, firstChild: 0, childCount: 0))
        placeholders.insert(placeholder.index)
        return attach(placeholder, print: .none, at: range)
    }

    /// Reports a problem found outside the builder (libyaml errors, extra documents).
    mutating func report(_ rule: RuleID, _ message: String, at range: SourceRange?, key: String? = nil, notes: [Diagnostic.Note] = []) {
        var path = range == nil ? nil : currentPath()
        if let key { path = path?.appending(key: key) }
        diagnostics.append(Diagnostic(rule: rule, severity: .error, message: message, range: range, path: path, notes: notes))
    }

    // MARK: Internals

    private mutating func addNode(_ node: consuming YAMLNode) -> NodeID {
        nodes.append(node)
        expanded += 1
        return NodeID(nodes.count - 1)
    }

    private mutating func attach(_ id: NodeID, print: KeyPrint, at range: SourceRange) -> Bool {
        if frames.isEmpty {
            root = id
        } else {
            scratch.push(id, print: print)
        }
        return checkExpansion(at: range)
    }

    /// Inlined: it runs for every node, and almost always passes.
    @inline(__always)
    private mutating func checkExpansion(at range: SourceRange, alias: String? = nil) -> Bool {
        expanded <= limits.maxExpandedNodes || expansionLimitHit(at: range, alias: alias)
    }

    private mutating func expansionLimitHit(at range: SourceRange, alias: String?) -> Bool {
        let cause = alias.map { "alias *\($0) expands" } ?? "the document grows"
        return limitHit("\(cause) to more than \(limits.maxExpandedNodes) nodes, counting every alias and merge in full (raise the limit with --max-nodes)", at: range)
    }

    private mutating func limitHit(_ message: String, at range: SourceRange) -> Bool {
        report(.limitExceeded, message, at: range)
        return false
    }

    /// The path of the node being built, from the open frames: each frame's last child is the way down.
    private func currentPath() -> NodePath {
        var components: [NodePath.Component] = []
        for (depth, frame) in frames.enumerated() {
            let childEnd = depth + 1 < frames.count ? frames[depth + 1].scratchStart : (scratchEndForPath ?? scratch.count)
            let ownCount = childEnd - frame.scratchStart
            if nodes[frame.node].kind == .sequence {
                components.append(.index(ownCount))
            } else if ownCount % 2 == 1 {
                let keyID = scratch.id(at: frame.scratchStart + ownCount - 1)
                components.append(.key(nodes[Int(keyID.index)].text))
            }
        }
        return NodePath(components)
    }
}

/// The children of the open collections, innermost last, each with its key digest (`.none` for
/// collections), so a finished mapping's keys are told apart and recorded in `keyPrints` without
/// reading their nodes again. Its arrays never shrink: a finished collection's children are popped by
/// moving `count` back, where removing them would cost a generic range replacement per collection.
private struct ChildStack {
    private var ids: [NodeID] = []
    private var prints: [KeyPrint] = []
    private(set) var count = 0

    mutating func push(_ id: NodeID, print: KeyPrint) {
        if count < ids.count {
            ids[count] = id
            prints[count] = print
        } else {
            ids.append(id)
            prints.append(print)
        }
        count += 1
    }

    mutating func pop(to start: Int) {
        count = start
    }

    func id(at index: Int) -> NodeID { ids[index] }
    func print(at index: Int) -> KeyPrint { prints[index] }
    func ids(from start: Int) -> ArraySlice<NodeID> { ids[start..<count] }
    func prints(from start: Int) -> ArraySlice<KeyPrint> { prints[start..<count] }
}

// MARK: - Mappings: duplicate keys and merge keys

extension TreeBuilder {
    /// Checks a finished mapping's keys and resolves its merge keys (`<<`). Explicit keys win over merged
    /// ones; among several merged mappings the earlier wins (YAML 1.1 merge type, as Compose reads it).
    /// Merged pairs take the place of the `<<` entry, so source order is kept. Returns nil when the
    /// mapping has no merge key and its entries stand as they are.
    private mutating func resolveMapping(_ entries: ArraySlice<NodeID>, prints: ArraySlice<KeyPrint>) -> [NodeID]? {
        if entries.count <= 16, !hasMergeKey(entries, prints: prints) {
            checkSmallMappingKeys(entries, prints: prints)
            return nil
        }
        var keys = SeenKeys()
        var hasMerge = false
        var index = entries.startIndex
        while index + 1 < entries.endIndex {
            let keyNode = nodes[Int(entries[index].index)]
            if keyNode.kind != .scalar {
                report(.invalidStructure, "mapping key must be a scalar, not \(keyNode.kindDescription)", at: keyNode.range)
            } else if isMergeKey(Int(entries[index].index)) {
                hasMerge = true
            } else if let first = keys.insert(keyNode.text, id: entries[index], nodes: nodes) {
                report(.duplicateKey, "duplicate key '\(keyNode.text)'; a mapping may define each key only once",
                       at: keyNode.range, key: keyNode.text, notes: [Diagnostic.Note(message: "first defined here", range: nodes[Int(first.index)].range)])
            }
            index += 2
        }
        guard hasMerge else { return nil }

        var result: [NodeID] = []
        result.reserveCapacity(entries.count)
        var merged = SeenKeys()
        index = entries.startIndex
        while index + 1 < entries.endIndex {
            let key = entries[index]
            let value = entries[index + 1]
            index += 2
            guard isMergeKey(Int(key.index)) else {
                result.append(key)
                result.append(value)
                continue
            }
            for source in mergeSources(value, key: key) {
                let node = nodes[Int(source.index)]
                let start = Int(node.firstChild)
                for pairIndex in 0..<Int(node.childCount) {
                    let mergedKey = children[start + 2 * pairIndex]
                    let keyNode = nodes[Int(mergedKey.index)]
                    if keyNode.kind == .scalar {
                        if keys.contains(keyNode.text) || merged.insert(keyNode.text, id: mergedKey, nodes: nodes) != nil { continue }
                    }
                    result.append(mergedKey)
                    result.append(children[start + 2 * pairIndex + 1])
                }
            }
        }
        return result
    }

    /// The common case — a few keys, no merge — checked pairwise by their digests (a key's node is read
    /// only when its digest is the empty key's or matches an earlier one), without allocating.
    private mutating func checkSmallMappingKeys(_ entries: ArraySlice<NodeID>, prints: ArraySlice<KeyPrint>) {
        var index = entries.startIndex
        while index + 1 < entries.endIndex {
            let keyIndex = Int(entries[index].index)
            if prints[index] == .none, nodes[keyIndex].kind != .scalar {
                report(.invalidStructure, "mapping key must be a scalar, not \(nodes[keyIndex].kindDescription)", at: nodes[keyIndex].range)
            } else {
                var earlier = entries.startIndex
                while earlier < index {
                    let earlierIndex = Int(entries[earlier].index)
                    if prints[earlier] == prints[index], nodes[earlierIndex].kind == .scalar, nodes[earlierIndex].text == nodes[keyIndex].text {
                        let key = nodes[keyIndex]
                        report(.duplicateKey, "duplicate key '\(key.text)'; a mapping may define each key only once",
                               at: key.range, key: key.text, notes: [Diagnostic.Note(message: "first defined here", range: nodes[earlierIndex].range)])
                        break
                    }
                    earlier += 2
                }
            }
            index += 2
        }
    }

    // Both read the nodes in place: a copy of a node retains and releases its strings, once per key.
    private func isMergeKey(_ index: Int) -> Bool {
        nodes[index].kind == .scalar && nodes[index].style == .plain && nodes[index].text == "<<"
            && (nodes[index].tagID == .none || nodes[index].tag == "tag:yaml.org,2002:merge")
    }

    private func hasMergeKey(_ entries: ArraySlice<NodeID>, prints: ArraySlice<KeyPrint>) -> Bool {
        var index = entries.startIndex
        while index < entries.endIndex {
            if prints[index] == .mergeKey, isMergeKey(Int(entries[index].index)) { return true }
            index += 2
        }
        return false
    }

    /// The mappings a `<<` value stands for: a mapping, or a sequence of mappings.
    private mutating func mergeSources(_ value: NodeID, key: NodeID) -> [NodeID] {
        if placeholders.contains(value.index) { return [] }
        let node = nodes[Int(value.index)]
        switch node.kind {
        case .mapping:
            return [value]
        case .sequence:
            let start = Int(node.firstChild)
            var sources: [NodeID] = []
            for item in children[start..<start + Int(node.childCount)] where !placeholders.contains(item.index) {
                let itemNode = nodes[Int(item.index)]
                if itemNode.kind == .mapping {
                    sources.append(item)
                } else {
                    report(.invalidMerge, "a merge key '<<' list may hold only mappings, not \(itemNode.kindDescription)", at: itemNode.range)
                }
            }
            return sources
        case .scalar:
            report(.invalidMerge, "the merge key '<<' needs a mapping or a list of mappings, not \(node.kindDescription)", at: node.range)
            return []
        }
    }
}

/// Scalar key texts seen in one mapping. Most mappings are small, where a linear scan beats hashing;
/// large ones switch to a dictionary so duplicate checks stay linear overall.
private struct SeenKeys {
    private var small: [(String, NodeID)] = []
    private var large: [String: NodeID]?

    /// Inserts a key; returns the id of an earlier equal key instead if there is one.
    mutating func insert(_ text: String, id: NodeID, nodes: [YAMLNode]) -> NodeID? {
        if large != nil {
            if let existing = large![text] { return existing }
            large![text] = id
            return nil
        }
        if let existing = small.first(where: { $0.0 == text }) { return existing.1 }
        small.append((text, id))
        if small.count > 16 {
            large = Dictionary(small, uniquingKeysWith: { first, _ in first })
            small = []
        }
        return nil
    }

    func contains(_ text: String) -> Bool {
        if let large { return large[text] != nil }
        return small.contains { $0.0 == text }
    }
}
