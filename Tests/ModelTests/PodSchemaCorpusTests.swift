import Diagnostics
import Foundation
@testable import Model
import Syntax
import Testing

/// The containers and volumes of real Kubernetes manifests (`../shared/corpus/pod`) against
/// `PodSchema.container` and `PodSchema.volume`: the podstack format reuses Kubernetes' own shapes, so
/// what real manifests write must be clean.
struct PodSchemaCorpusTests {
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().appendingPathComponent("../../../shared/corpus/pod").standardizedFileURL

    static let present = FileManager.default.fileExists(atPath: folder.path)

    static let files: [String] = {
        guard let walker = FileManager.default.enumerator(atPath: folder.path) else { return [] }
        return walker.compactMap { $0 as? String }.filter { $0.hasSuffix(".yaml") }.sorted()
    }()

    /// Test fixtures of other linters, broken on purpose: kubeconform's (`invalid`, `extra_property`, …)
    /// and kube-linter's check fixtures, minimal manifests that leave out `image` or put pod-level keys
    /// such as `runAsUser` on a container — the API server refuses those too.
    static let deliberatelyBroken = ["kubeconform/", "kube-linter/tests__checks__"]

    /// Splits a multi-document file at its `---` lines (stackc reads one document per file).
    static func documents(_ text: String) -> [String] {
        var documents: [String] = [""]
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line == "---" || line.hasPrefix("--- ") || line.hasPrefix("---\t") {
                documents.append("")
            } else {
                documents[documents.count - 1] += line + "\n"
            }
        }
        return documents
    }

    /// The pod spec of a Pod, a CronJob, or any controller with a pod template.
    static func podSpec(in tree: YAMLTree) -> (NodeID, NodePath)? {
        let root = tree.root
        guard tree[root].isMapping, let kind = tree.value(forKey: "kind", in: root).map({ tree[$0].text }),
              var node = tree.value(forKey: "spec", in: root) else { return nil }
        var path = NodePath.root.appending(key: "spec")
        let steps: [String] = switch kind {
        case "Pod": []
        case "CronJob": ["jobTemplate", "spec", "template", "spec"]
        default: ["template", "spec"]
        }
        for step in steps {
            guard tree[node].isMapping, let next = tree.value(forKey: step, in: node) else { return nil }
            node = next
            path = path.appending(key: step)
        }
        return tree[node].isMapping ? (node, path) : nil
    }

    static func findings(in text: String) -> (specs: Int, findings: [String]) {
        var specs = 0
        var findings: [String] = []
        for document in documents(text) {
            guard let tree = YAMLReader.read(SourceFile(path: "t.yaml", text: document)).tree,
                  let (spec, path) = podSpec(in: tree) else { continue }
            specs += 1
            var validator = SchemaValidator(tree: tree)
            for (key, type) in [("containers", FieldType.list(.object(PodSchema.container))),
                                ("initContainers", .list(.object(PodSchema.container))),
                                ("volumes", .list(.object(PodSchema.volume)))] {
                if let value = tree.value(forKey: key, in: spec) {
                    validator.check(value, as: type, path: path.appending(key: key))
                }
            }
            findings += validator.diagnostics.map(SchemaFindings.render)
        }
        return (specs, findings)
    }

    @Test(.enabled(if: present, "the shared corpus (../shared/corpus beside the package) is not here"))
    func manifestsAreClean() throws {
        var specs = 0
        for file in Self.files where !Self.deliberatelyBroken.contains(where: file.hasPrefix) {
            let text = try String(contentsOf: Self.folder.appendingPathComponent(file), encoding: .utf8)
            let result = Self.findings(in: text)
            specs += result.specs
            #expect(result.findings.isEmpty, "\(file): \(result.findings)")
        }
        #expect(specs >= 100, "pod specs found in the corpus")
    }
}
