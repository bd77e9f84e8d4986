import Diagnostics
import Model
import Syntax
import Testing

/// Which layout a Compose file is read in, and whether a file of no other kind is taken for Compose
/// at all. Docker Compose v2's verdict on each file alone is in the comments (v2.40.3, `config`).
struct ComposeLayoutTests {
    static func tree(_ text: String) -> YAMLTree {
        YAMLReader.read(SourceFile(path: "t.yaml", text: text)).tree!
    }

    /// Files of only the specification's top-level keys: overrides and shared-resource files.
    @Test(arguments: [
        "name: shop\n",                                   // Compose: accepted, no services
        "volumes:\n  data: {}\n",                         // Compose: accepted
        "volumes:\n  data:\n    driver: local\nnetworks:\n  front:\n",
        "name: shop\nvolumes:\n  data:\n",                // Compose: accepted
        "volumes:\n  image: {}\n  build:\n",              // volumes named image and build
        "volumes:\n  build:\n    driver: local\n",
        "secrets:\n  key:\n    file: ./key\nx-note: text\nversion: '3'\n",
    ])
    func specKeysAloneAreTheServicesLayout(text: String) {
        #expect(ComposeDocument.Layout.of(Self.tree(text)) == .services)
        #expect(DocumentKind.detect(Self.tree(text)) == .kind(.compose, .services))
        #expect(DocumentDecoder.decode(Self.tree(text)).diagnostics.isEmpty, "a valid file, as Compose says")
    }

    /// An empty override (or one of only `version:` or `x-` keys) is no v1 file either; alone, it is no
    /// file stackc takes for Compose (Compose: "empty compose file" for `{}` and `version:` alone).
    @Test(arguments: ["{}\n", "~\n", "version: '3'\n", "x-common: {a: 1}\n"])
    func emptyFilesAreTheServicesLayoutButNoKind(text: String) {
        #expect(ComposeDocument.Layout.of(Self.tree(text)) == .services)
        #expect(DocumentKind.detect(Self.tree(text)) == .unknown)
    }

    /// The v1 dialect the platforms read: a service named like a top-level key of the spec is a service
    /// when it holds what a service holds. Compose v2 refuses each ("volumes.image must be a mapping or
    /// null", "cannot unmarshal !!map into string"), as it refuses every v1 file.
    @Test(arguments: [
        "volumes:\n  image: busybox\n",
        "name:\n  image: busybox\n",
        "networks:\n  build: ./net\n",
        "configs:\n  build:\n    context: ./configs\n",
        "web:\n  image: nginx\nname:\n  image: busybox\n",
    ])
    func serviceLookingValuesMakeTheV1Layout(text: String) {
        #expect(ComposeDocument.Layout.of(Self.tree(text)) == .v1)
        #expect(DocumentKind.detect(Self.tree(text)) == .kind(.compose, .v1))
        #expect(DocumentDecoder.decode(Self.tree(text)).diagnostics.isEmpty, "a valid v1 file")
    }

    @Test func aV1ServiceNamedVolumesIsDecodedAsOne() {
        let tree = Self.tree("volumes:\n  image: busybox\ndb:\n  image: postgres\n")
        guard case .compose(let compose)? = DocumentDecoder.decode(tree).document else {
            Issue.record("not read as Compose")
            return
        }
        #expect(compose.services.map(\.name.value) == ["volumes", "db"])
    }

    @Test func servicesDecideWhateverElseIsThere() {
        #expect(ComposeDocument.Layout.of(Self.tree("services: {}\nvolumes:\n  image: busybox\n")) == .services)
    }
}
