import Testing
@testable import Syntax

/// The node's size is a budget: a large file holds hundreds of thousands of nodes, and every page first
/// written costs time on the machines stackc runs on. A field added or widened must fit in it.
struct NodeLayoutTests {
    @Test func aNodeFitsIn56Bytes() {
        #expect(MemoryLayout<YAMLNode>.stride == 56)
    }

    @Test func tagsSurviveTheTable() throws {
        let tree = tree("a: !!str 1\nb: !custom x\nc: !!str 2\nd: plain\n")
        #expect(["a", "b", "c", "d"].map { tree.node($0)?.tag } == ["tag:yaml.org,2002:str", "!custom", "tag:yaml.org,2002:str", nil])
        #expect(tree.node("a")?.resolved == .string("1"))
        var node = try #require(tree.node("d"))
        node.tag = "!other"
        #expect(node.tag == "!other")
        node.tag = nil
        #expect(node.tag == nil && node.tagID == .none)
    }
}
