import Diagnostics
import Syntax

/// The proof that edits changed only what they meant to: the edited text reads as a YAML tree of the
/// same shape as before — the same kinds, quoting, tags and flow style, the same number of entries —
/// whose scalars are all unchanged in text and type except the ones the edits replaced, which hold
/// exactly the edits' text and are strings before and after.
enum MeaningCheck {
    /// Nil when the edited text means what it should; otherwise why not.
    static func difference(before: SourceFile, after: SourceFile, edits: [Fix.Edit]) -> String? {
        let old = YAMLReader.read(before)
        let new = YAMLReader.read(after)
        guard let oldTree = old.tree, let newTree = new.tree else { return "the fixed text would not read as YAML" }
        guard new.diagnostics.count <= old.diagnostics.count else { return "the fixed text would read differently as YAML" }
        var walk = Walk(old: oldTree, new: newTree, edits: edits)
        if let difference = walk.compare(oldTree.root, newTree.root) { return difference }
        guard walk.matched.count == edits.count else { return "an edit does not replace exactly one whole scalar" }
        return nil
    }

    private struct Walk {
        let old: YAMLTree
        let new: YAMLTree
        let edits: [Fix.Edit]
        var matched: Set<Int> = []
        /// Nodes compared already: an alias repeats its anchored node, which is compared once.
        var visited: Set<Int32> = []

        init(old: YAMLTree, new: YAMLTree, edits: [Fix.Edit]) {
            self.old = old
            self.new = new
            self.edits = edits
        }

        mutating func compare(_ oldID: NodeID, _ newID: NodeID) -> String? {
            guard visited.insert(oldID.index).inserted else { return nil }
            let before = old[oldID], after = new[newID]
            let place = "line \(before.range.start.line)"
            guard before.kind == after.kind, before.style == after.style, before.isFlow == after.isFlow, before.tag == after.tag,
                  before.entryCount == after.entryCount else { return "the node at \(place) would change shape" }
            switch before.kind {
            case .scalar:
                return compareScalar(before, after, place: place)
            case .sequence:
                for (oldItem, newItem) in zip(old.items(of: oldID), new.items(of: newID)) {
                    if let difference = compare(oldItem, newItem) { return difference }
                }
            case .mapping:
                for (oldPair, newPair) in zip(old.pairs(of: oldID), new.pairs(of: newID)) {
                    if let difference = compare(oldPair.key, newPair.key) ?? compare(oldPair.value, newPair.value) { return difference }
                }
            }
            return nil
        }

        private mutating func compareScalar(_ before: YAMLNode, _ after: YAMLNode, place: String) -> String? {
            let start = before.range.start.offset, end = before.range.end.offset
            let whole = start..<end
            let inner = before.style.isQuoted && end - start >= 2 ? start + 1..<end - 1 : whole
            guard let index = edits.firstIndex(where: { $0.range == whole || $0.range == inner }) else {
                return before.text == after.text && before.resolved == after.resolved ? nil : "the value at \(place) would change"
            }
            matched.insert(index)
            guard after.text == edits[index].replacement, case .string = before.resolved, case .string = after.resolved else {
                return "the value at \(place) would not read as the string '\(edits[index].replacement)'"
            }
            return nil
        }
    }
}
