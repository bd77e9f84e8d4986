import Diagnostics
import Dispatch
import Synchronization
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

    /// Files are read on several threads at once, all interning their tags in the one table.
    @Test func tagsReadOnManyThreadsAtOnceComeBackIntact() {
        let failures = Mutex(0)
        DispatchQueue.concurrentPerform(iterations: 64) { file in
            let tags = (0..<20).map { "!t\((file * 7 + $0) % 50)" }
            let text = tags.enumerated().map { "k\($0.offset): \($0.element) v" }.joined(separator: "\n")
            guard let tree = YAMLReader.read(SourceFile(path: "t\(file).yaml", text: text)).tree else {
                failures.withLock { $0 += 1 }
                return
            }
            let read = (0..<20).map { tree.node("k\($0)")?.tag }
            if read != tags.map(Optional.init) { failures.withLock { $0 += 1 } }
        }
        #expect(failures.withLock { $0 } == 0)
    }
}
