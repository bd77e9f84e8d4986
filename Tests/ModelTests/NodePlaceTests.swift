import Diagnostics
import Model
import Syntax
import Testing

/// References keep the way down to their node as the index of each step (`NodePlace`) and spell the
/// path out only when asked: the path must be the one navigated, at any depth and any width, and
/// through aliases that make one node reachable several ways.
struct NodePlaceTests {
    func root(_ text: String) -> NodeRef {
        let tree = YAMLReader.read(SourceFile(path: "t.yaml", text: text)).tree!
        return NodeRef(tree: tree, id: tree.root, path: .root)
    }

    @Test func pathsOfKeysItemsAndLocatedValues() {
        let document = root("a:\n  b: [x, {c: 1, d: [y, z]}]\n")
        let list = document["a"]!["b"]!
        #expect(list.path.description == "a.b")
        #expect(list.items[1]["d"]!.items[1].path.description == "a.b[1].d[1]")
        #expect(list.items[1]["d"]!.items[1].string!.path.description == "a.b[1].d[1]")
        // A key is located at its own range, at the path of its pair.
        let keys = list.items[1].entries.map(\.key)
        #expect(keys.map(\.path.description) == ["a.b[1].c", "a.b[1].d"])
        #expect(keys[1].range.start.description == "2:17")
    }

    /// A place holds eight steps; deeper references start again from their node and keep the path.
    @Test func deeperThanAPlaceHolds() {
        // The key or item taken at level i is preceded by i % 3 + 1 others, so the steps differ.
        let depth = 20
        let text = (0..<depth).map { level in
            let indent = String(repeating: "  ", count: level)
            return (0...level % 3).map { "\(indent)a\(level)_\($0): 0\n" }.joined() + "\(indent)k\(level):"
        }.joined(separator: "\n") + " leaf\n"
        var node = root(text)
        var expected: [String] = []
        for level in 0..<depth {
            node = node["k\(level)"]!
            expected.append("k\(level)")
            #expect(node.path.description == expected.joined(separator: "."))
        }
        #expect(node.string!.value == "leaf")
        #expect(node.located(1).path.description == expected.joined(separator: "."))
        let sequences = root((0..<12).map { "[" + String(repeating: "0, ", count: $0 % 3 + 1) }.joined() + "deep" + String(repeating: "]", count: 12))
        var item = sequences
        for level in 0..<12 { item = item.items[level % 3 + 1] }
        #expect(item.path.description == (0..<12).map { "[\($0 % 3 + 1)]" }.joined())
        #expect(item.string!.value == "deep")
    }

    /// Steps are sixteen bits: a pair or item past the 65,535th starts again from its node.
    @Test func widerThanAStepHolds() {
        let count = 70_000
        let text = (0..<count).map { "k\($0): {v: \($0)}" }.joined(separator: "\n")
        let document = root(text)
        let last = document["k\(count - 1)"]!
        #expect(last.path.description == "k\(count - 1)")
        #expect(last["v"]!.path.description == "k\(count - 1).v")
        #expect(document["k65535"]!["v"]!.integer!.value == 65535)
        #expect(document["k65535"]!["v"]!.integer!.path.description == "k65535.v")
        let pairs = document.entries
        #expect(pairs[count - 1].key.path.description == "k\(count - 1)")
        #expect(pairs[count - 1].value["v"]!.path.description == "k\(count - 1).v")
    }

    /// An alias used twice puts one node in two places; each reference reports the place it was
    /// reached by, not the first place the node occurs.
    @Test func aliasedNodesKeepTheWayTheyWereReached() {
        let document = root("base: &b {image: x}\nlist: [*b, *b]\nmap: {one: *b, two: *b}\n")
        #expect(document["list"]!.items[1]["image"]!.path.description == "list[1].image")
        #expect(document["map"]!["two"]!["image"]!.path.description == "map.two.image")
        #expect(document["map"]!.entries[1].key.path.description == "map.two")
        #expect(document["base"]!["image"]!.path.description == "base.image")
    }

    @Test func referencesStartingBelowTheRootContinueTheirPath() {
        let tree = YAMLReader.read(SourceFile(path: "t.yaml", text: "a:\n  b:\n    c: [1]\n")).tree!
        let b = tree.value(forKey: "b", in: tree.value(forKey: "a", in: tree.root)!)!
        let start = NodeRef(tree: tree, id: b, path: NodePath([.key("a"), .key("b")]))
        #expect(start["c"]!.items[0].path.description == "a.b.c[0]")
        #expect(start.detached()["c"]!.path.description == "a.b.c")
    }
}
