import Diagnostics
import Syntax

/// Suppressions written as data, `x-stackc: {ignore: [RULE, …]}`, at the top of a Compose file (the
/// whole file) or in a service (findings under that service). Unlike comments they survive tools that
/// reformat YAML, and Compose ignores `x-` keys.
enum ExtensionIgnores {
    static let key = "x-stackc"

    static func scan(_ tree: YAMLTree) -> (suppressions: [Suppression], diagnostics: [Diagnostic]) {
        // Most files have no such key, decided without a lookup in every service (keys are never interpolated).
        guard tree.mayHold(key) else { return ([], []) }
        var scanner = Scanner(tree: tree)
        let root = tree.root
        guard tree[root].isMapping else { return ([], []) }
        for pair in tree.pairs(of: root) {
            let name = tree[pair.key].text
            if name == key {
                scanner.read(pair.value, scope: .file, path: NodePath.root.appending(key: key))
            } else if name == "services" {
                for service in tree.pairs(of: pair.value) {
                    scanner.readService(service, under: NodePath.root.appending(key: "services"))
                }
            } else {
                // Compose v1 keeps services at the top level.
                scanner.readService(pair, under: .root)
            }
        }
        return (scanner.suppressions, scanner.diagnostics)
    }

    private struct Scanner {
        let tree: YAMLTree
        var suppressions: [Suppression] = []
        var diagnostics: [Diagnostic] = []

        init(tree: YAMLTree) {
            self.tree = tree
        }

        mutating func readService(_ pair: MappingPairs.Pair, under parent: NodePath) {
            guard tree[pair.value].isMapping, let settings = tree.value(forKey: key, in: pair.value) else { return }
            let service = parent.appending(key: tree[pair.key].text)
            read(settings, scope: .subtree(service), path: service.appending(key: key))
        }

        mutating func read(_ settings: NodeID, scope: Suppression.Scope, path: NodePath) {
            guard tree[settings].isMapping else {
                return invalid(settings, path, "\(path) must be a mapping with an 'ignore' list, not \(tree[settings].kindDescription)")
            }
            for pair in tree.pairs(of: settings) where tree[pair.key].text != "ignore" {
                invalid(pair.key, path.appending(key: tree[pair.key].text), "\(path) has no key '\(tree[pair.key].text)'; it takes 'ignore'")
            }
            guard let list = tree.value(forKey: "ignore", in: settings) else { return }
            let ignorePath = path.appending(key: "ignore")
            let items: [NodeID] = tree[list].isSequence ? Array(tree.items(of: list)) : [list]
            for item in items {
                guard tree[item].isScalar, !tree[item].text.isEmpty else {
                    invalid(item, ignorePath, "\(ignorePath) must list rule ids, not \(tree[item].kindDescription)")
                    continue
                }
                suppressions.append(Suppression(scope: scope, rule: RuleID(tree[item].text), range: tree[item].range,
                                                form: "\(path).ignore"))
            }
        }

        mutating func invalid(_ node: NodeID, _ path: NodePath, _ message: String) {
            diagnostics.append(Diagnostic(rule: .suppressionInvalid, severity: .warning, message: message,
                                          range: tree[node].range, path: path))
        }
    }
}
