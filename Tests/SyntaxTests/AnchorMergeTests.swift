import Diagnostics
import Testing
@testable import Syntax

struct AnchorMergeTests {
    @Test func aliasSharesTheAnchoredNode() {
        let document = tree("base: &b {image: nginx}\nweb: *b\n")
        let base = document.value(forKey: "base", in: document.root)
        let web = document.value(forKey: "web", in: document.root)
        #expect(base == web)
        #expect(document.node("web.image")!.text == "nginx")
    }

    @Test func scalarAnchors() {
        let document = tree("a: &x hello\nb: *x\n")
        #expect(document.node("b")!.text == "hello")
    }

    @Test func singleMergeExplicitKeysWin() {
        let document = tree("""
        defaults: &d {restart: always, image: base}
        web:
          image: nginx
          <<: *d
          ports: [80]
        """)
        #expect(document.keys("web") == ["image", "restart", "ports"])
        #expect(document.node("web.image")!.text == "nginx")
        #expect(document.node("web.restart")!.text == "always")
    }

    @Test func listMergeEarlierMappingWins() {
        let document = tree("""
        a: &a {x: from-a, y: from-a}
        b: &b {y: from-b, z: from-b}
        c:
          <<: [*a, *b]
          z: own
        """)
        #expect(document.keys("c") == ["x", "y", "z"])
        #expect(document.node("c.x")!.text == "from-a")
        #expect(document.node("c.y")!.text == "from-a")
        #expect(document.node("c.z")!.text == "own")
    }

    @Test func inlineMergeMapping() {
        let document = tree("s:\n  <<: {a: 1}\n  b: 2\n")
        #expect(document.keys("s") == ["a", "b"])
    }

    @Test func quotedMergeKeyIsAnOrdinaryKey() {
        let document = tree("s:\n  '<<': {a: 1}\n")
        #expect(document.keys("s") == ["<<"])
    }

    @Test func mergedValuesKeepTheirOwnPositions() {
        let document = tree("d: &d {restart: always}\nweb:\n  <<: *d\n")
        #expect(span(document.node("web.restart")!.range) == "1:17-1:23")
    }

    @Test func mergeOfAScalarIsAnError() {
        let result = read("s:\n  <<: 3\n  a: 1\n")
        #expect(result.diagnostics.map(brief) == ["invalid-merge@2:7"])
        #expect(result.diagnostics[0].message.contains("mapping or a list of mappings"))
    }

    @Test func mergeListOfScalarsIsAnError() {
        let result = read("a: &a {x: 1}\ns:\n  <<: [*a, 2]\n")
        #expect(result.diagnostics.map(brief) == ["invalid-merge@3:12"])
    }

    @Test func undefinedAlias() {
        let result = read("a: *missing\n")
        #expect(result.diagnostics.map(brief) == ["undefined-alias@1:4"])
        #expect(result.diagnostics[0].message == "alias *missing refers to no anchor; define &missing before using it")
        #expect(result.tree != nil)
    }

    @Test func aliasUsedBeforeItsAnchor() {
        let result = read("a: *x\nb: &x 1\n")
        #expect(result.diagnostics.map(brief) == ["undefined-alias@1:4"])
    }

    @Test func selfReferentialMergeIsRejectedNotLooped() {
        let result = read("base: &b {<<: *b}\n")
        #expect(result.diagnostics.map(brief) == ["undefined-alias@1:15"])
        #expect(result.diagnostics[0].message.contains("recursive alias"))
        #expect(result.diagnostics[0].notes.first?.range?.start.column == 7)
    }

    @Test func aliasBombHitsTheExpansionLimit() {
        var lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
        for level in 1...9 {
            let refs = Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ")
            lines.append("a\(level): &a\(level) [\(refs)]")
        }
        let result = read(lines.joined(separator: "\n") + "\n")
        #expect(result.tree == nil)
        #expect(result.diagnostics.map(\.rule) == [.limitExceeded])
        #expect(result.diagnostics[0].message.contains("more than 2000000 nodes"))
        #expect(result.diagnostics[0].range!.start.line <= 8)
    }

    @Test func expansionLimitCountsAliasesInFull() {
        let text = "a: &a [1, 2, 3, 4]\nb: [*a, *a, *a]\n"
        #expect(read(text, limits: ReaderLimits(maxExpandedNodes: 30)).diagnostics.isEmpty)
        let limited = read(text, limits: ReaderLimits(maxExpandedNodes: 18))
        #expect(limited.diagnostics.map(brief) == ["limit-exceeded@2:9"])
    }
}
