import Testing
@testable import Syntax

/// `YAMLTree.mayHold`, the shortcut that lets interpolation and `x-stackc` skip most files: it may say
/// yes when no scalar holds the text, never no when one does.
struct MayHoldTests {
    @Test(arguments: [
        ("image: nginx\n", "$", false),
        ("image: ${TAG}\n", "$", true),
        (#"image: "\x24{TAG}""# + "\n", "$", true),
        ("x-stackc: {ignore: [a]}\n", "x-stackc", true),
        (#""x-st\x61ckc": {ignore: [a]}"# + "\n", "x-stackc", true),
        ("services: {web: {image: nginx}}\n", "x-stackc", false),
        ("# x-stackc only in a comment\na: 1\n", "x-stackc", true),
    ])
    func answers(text: String, wanted: String, expected: Bool) {
        let tree = read(text).tree!
        #expect(tree.mayHold(wanted) == expected)
        if tree.nodes.contains(where: { $0.text.contains(wanted) }) { #expect(tree.mayHold(wanted)) }
    }
}
