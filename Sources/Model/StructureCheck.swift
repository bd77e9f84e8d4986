import Diagnostics
import Syntax

/// The shape every template must have before its fields can mean anything: a mapping at the top, and
/// for Compose a mapping of service mappings, for pods a list of container mappings. Reported once here,
/// so later checks can assume the shape.
public enum StructureCheck {
    public static func check(_ tree: YAMLTree, kind: DocumentKind, layout: ComposeDocument.Layout?) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        switch (kind, layout) {
        case (.compose, .v1):
            let services = tree.pairs(of: tree.root).filter { ComposeDocument.isV1ServiceKey(tree[$0.key].text) }
            checkServices(services, in: tree, under: .root, into: &diagnostics)
        case (.compose, _):
            guard let services = tree.value(forKey: "services", in: tree.root) else { break }
            let path = NodePath([.key("services")])
            if tree[services].isMapping {
                checkServices(tree.pairs(of: services), in: tree, under: path, into: &diagnostics)
            } else if !tree[services].isScalar || tree[services].resolved != .null {
                diagnostics.append(mismatch(tree[services], at: path, expected: "a mapping of service names to service definitions"))
            }
        case (.pod, _):
            guard let containers = tree.value(forKey: "containers", in: tree.root) else { break }
            let path = NodePath([.key("containers")])
            guard tree[containers].isSequence else {
                diagnostics.append(mismatch(tree[containers], at: path, expected: "a list of containers"))
                break
            }
            for (index, item) in tree.items(of: containers).enumerated() where !tree[item].isMapping {
                diagnostics.append(mismatch(tree[item], at: path.appending(index: index), expected: "a container definition (a mapping with name and image)"))
            }
        default:
            break
        }
        return diagnostics
    }

    /// The top level must be a mapping for every kind.
    public static func checkRoot(_ tree: YAMLTree) -> Diagnostic? {
        let root = tree[tree.root]
        guard !root.isMapping else { return nil }
        return Diagnostic(rule: .invalidStructure, severity: .error,
                          message: "a template must be a mapping of keys to values at the top level, not \(root.kindDescription)",
                          range: root.range, path: .root)
    }

    private static func checkServices(_ pairs: some Collection<MappingPairs.Pair>, in tree: YAMLTree, under path: NodePath, into diagnostics: inout [Diagnostic]) {
        for pair in pairs where !tree[pair.value].isMapping {
            let name = tree[pair.key].text
            diagnostics.append(mismatch(tree[pair.value], at: path.appending(key: name), expected: "a service definition (a mapping) for service '\(name)'"))
        }
    }

    private static func mismatch(_ node: YAMLNode, at path: NodePath, expected: String) -> Diagnostic {
        Diagnostic(rule: .invalidStructure, severity: .error, message: "\(path) must be \(expected), not \(node.kindDescription)", range: node.range, path: path)
    }
}
