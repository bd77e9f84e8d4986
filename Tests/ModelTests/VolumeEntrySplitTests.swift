import Diagnostics
@testable import Model
import Syntax
import Testing

/// A short volume's sections as compose-go's `ParseVolume` reads them in a file left unsubstituted.
struct VolumeEntrySplitTests {
    @Test(arguments: [
        ("data:/data:ro", ["data", "/data", "ro"]),
        ("${SRC:-./src}:/src", ["${SRC:-./src}", "/src"]),
        ("${A:-${B:-x:y}}:/t:${MODE:-ro}", ["${A:-${B:-x:y}}", "/t", "${MODE:-ro}"]),
        ("a::b", ["a", "", "b"]),
        ("/tmp", ["/tmp"]),
    ])
    func sectionsSplitOutsideVariables(spec: String, sections: [String]) {
        #expect(VolumeEntry.split(spec) == sections)
    }

    /// A source still holding a variable is neither a named volume nor a host path yet.
    @Test func unsubstitutedSourceNamesNothing() {
        let tree = YAMLReader.read(SourceFile(path: "t.yaml", text: "- ${DATA}:/data\n- ${DIR:-./d}:/d\n- data:/data\n")).tree!
        let sources = tree.items(of: tree.root).map { VolumeEntry(NodeRef(tree: tree, id: $0, path: .root)).source }
        #expect(sources == [VolumeEntry.SourceKind.none, .none, .named("data")])
    }
}
