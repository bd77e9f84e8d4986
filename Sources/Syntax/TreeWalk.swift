/// Visits a tree depth-first in document order without recursion, so no input depth can overflow the
/// call stack. Aliased subtrees are visited once per reference, which the reader's expansion limit
/// bounds.
extension YAMLTree {
    public enum WalkEvent {
        case scalar(NodeID)
        /// A mapping or sequence begins; its children follow, then `.end`.
        case begin(NodeID)
        case end(NodeID)
    }

    public func walk(from start: NodeID? = nil, _ visit: (WalkEvent) -> Void) {
        var stack: [(node: NodeID, next: Int)] = []
        func enter(_ id: NodeID) {
            if self[id].kind == .scalar {
                visit(.scalar(id))
            } else {
                visit(.begin(id))
                stack.append((id, 0))
            }
        }
        enter(start ?? root)
        while let top = stack.last {
            let node = self[top.node]
            let childTotal = node.kind == .mapping ? 2 * Int(node.childCount) : Int(node.childCount)
            if top.next == childTotal {
                stack.removeLast()
                visit(.end(top.node))
                continue
            }
            stack[stack.count - 1].next += 1
            enter(children[Int(node.firstChild) + top.next])
        }
    }
}
