import Diagnostics
import Testing
@testable import Syntax

/// `YAMLTree.value(forKey:in:)` compares key digests (`KeyPrint`) before texts; a digest is only a
/// shortcut, so keys that share one must still be told apart, and a key whose text is replaced must be
/// found under its new text.
struct KeyLookupTests {
    @Test func keysSharingADigestAreToldApartByTheirText() throws {
        // Same length, first two bytes and last byte: one digest for all three.
        #expect(KeyPrint("abXd") == KeyPrint("abYd"))
        let tree = tree("abXd: 1\nabYd: 2\nabZd: 3\n")
        let values = ["abXd", "abYd", "abZd", "abWd"].map { key in tree.value(forKey: key, in: tree.root).map { tree[$0].text } }
        #expect(values == ["1", "2", "3", nil])
    }

    /// Each key with its spelling in a double-quoted YAML scalar.
    static let keys: [(key: String, spelling: String)] = [
        ("", ""), ("a", "a"), ("é", "é"), ("日本語", "日本語"), ("a\u{0}b", "a\\0b"), (String(repeating: "k", count: 300), String(repeating: "k", count: 300)),
    ]

    @Test(arguments: keys)
    func everyKeyIsFoundUnderItsOwnText(key: String, spelling: String) throws {
        let tree = tree("other: 0\n\"\(spelling)\": found\n")
        #expect(tree.value(forKey: key, in: tree.root).map { tree[$0].text } == "found")
        #expect(tree.value(forKey: key + "x", in: tree.root) == nil)
    }

    @Test func keysOfMergedMappingsAndFlowMappingsAreFound() throws {
        let tree = tree("base: &base {image: nginx, restart: always}\nweb:\n  <<: *base\n  ports: [80]\n")
        let web = try #require(tree.value(forKey: "web", in: tree.root))
        #expect(["image", "restart", "ports", "<<"].map { tree.value(forKey: $0, in: web) != nil } == [true, true, true, false])
    }

    @Test func aNonScalarKeyIsNeverFound() throws {
        // Reported (`invalid-structure`), but the tree is still read.
        let tree = try #require(read("? [a, b]\n: list\n\"\": empty\n").tree)
        #expect(tree.value(forKey: "", in: tree.root).map { tree[$0].text } == "empty")
    }

    @Test func aReplacedKeyIsFoundUnderItsNewText() throws {
        // `&k` makes one scalar both a key and a value; replacing it renames the key too.
        let original = tree("first: &k name\nname: value\nkeys: {*k : aliased}\n")
        let renamed = original.replacingScalars { _, node in
            guard node.text == "name" else { return nil }
            var copy = node
            copy.text = "renamed"
            return copy
        }
        let keys = try #require(renamed.value(forKey: "keys", in: renamed.root))
        #expect(renamed.value(forKey: "renamed", in: keys).map { renamed[$0].text } == "aliased")
        #expect(renamed.value(forKey: "name", in: keys) == nil)
        #expect(original.value(forKey: "name", in: original.root).map { original[$0].text } == "value")
    }

    /// `containsAnyKey` screens by digest too: a key sharing a wanted key's digest is not that key.
    @Test func anyOfSeveralKeysIsToldApartFromKeysSharingItsDigest() throws {
        let tree = tree("abYd: 1\nother: 2\n")
        #expect(!tree.containsAnyKey(KeySet(["abXd", "abZd"]), in: tree.root))
        #expect(tree.containsAnyKey(KeySet(["abXd", "abYd"]), in: tree.root))
        #expect(!tree.containsAnyKey(KeySet([]), in: tree.root))
        let value = try #require(tree.value(forKey: "other", in: tree.root))
        #expect(!tree.containsAnyKey(KeySet(["other"]), in: value))
    }
}
