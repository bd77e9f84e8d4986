import Diagnostics
import Syntax

/// The spans of nodes that appear in more than one place of a document: an anchored node an alias
/// repeats, or a mapping's pairs a merge key (`<<: *base`) brings into another. A fix inside one would
/// change every place that reuses it, where the finding was about one of them, so it is refused.
struct ReusedNodes {
    private var spans: [Range<Int>] = []

    init(_ file: SourceFile) {
        guard let tree = YAMLReader.read(file).tree else { return }
        var uses: [Int32: Int] = [:]
        for id in tree.nodeIDs {
            let node = tree[id]
            if node.isSequence {
                for item in tree.items(of: id) { uses[item.index, default: 0] += 1 }
            } else if node.isMapping {
                for pair in tree.pairs(of: id) {
                    uses[pair.key.index, default: 0] += 1
                    uses[pair.value.index, default: 0] += 1
                }
            }
        }
        for id in tree.nodeIDs where uses[id.index, default: 0] > 1 {
            let range = tree[id].range
            spans.append(range.start.offset..<max(range.end.offset, range.start.offset))
        }
    }

    /// Why `fix` must not be applied, or nil when it touches no reused node.
    func reason(against fix: Fix) -> String? {
        let touches = fix.edits.contains { edit in
            spans.contains { $0.lowerBound <= edit.range.lowerBound && edit.range.upperBound <= $0.upperBound }
        }
        return touches ? "it would edit a node that an alias or merge key ('<<') reuses elsewhere; fix it by hand" : nil
    }
}
