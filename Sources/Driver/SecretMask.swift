import Interpolation
import Model
import Syntax

/// What `render` prints instead of secrets unless `--show-secrets`: a variable whose name looks secret
/// (`SecretNames`) and that is set in the environment renders as `${NAME}`, a value of such a name that a
/// service's env file gave renders as `<hidden>`, and so does every value under a secret document's
/// `data` and `stringData`. Defaults written in the template are not secrets and render as usual.
enum SecretMask {
    static let hiddenValue = "<hidden>"

    static func hide(_ processed: ProcessedTemplate, options: FrontEndOptions, envFileValues: [(name: String, value: String)] = []) -> YAMLTree? {
        guard var tree = processed.tree else { return nil }
        if let written = processed.written, let interpolated = processed.interpolated {
            let secret = interpolated.referencedNames.filter { SecretNames.looksSecret($0) && processed.environment[$0] != nil }
            if !secret.isEmpty {
                var masked = processed.environment
                for name in secret { masked.set(name, "${\(name)}", source: processed.environment[name]!.source) }
                // Substituted values are never substituted again, so `${NAME}` comes out as written.
                let settings = InterpolationSettings(environment: masked, preservedNames: options.preservedNames, included: processed.included)
                tree = TreeInterpolator.interpolate(written, settings: settings).tree
            }
        }
        tree = hidingEnvFileSecrets(envFileValues, in: tree)
        return isSecret(tree, kind: options.kind) ? hidingData(of: tree) : tree
    }

    /// The values of secret-looking variables an env file gave (`env_file: db.env` with `DB_PASSWORD=…`),
    /// folded into the template, shown as `<hidden>` wherever a scalar holds them.
    static func hidingEnvFileSecrets(_ values: [(name: String, value: String)], in tree: YAMLTree) -> YAMLTree {
        let secrets = values.filter { SecretNames.looksSecret($0.name) && !$0.value.isEmpty }.map(\.value)
        guard !secrets.isEmpty else { return tree }
        return tree.replacingScalars { _, node in
            guard secrets.contains(where: node.text.contains) else { return nil }
            var copy = node
            copy.text = secrets.reduce(node.text) { $0.replacing($1, with: hiddenValue) }
            return copy
        }
    }

    static func isSecret(_ tree: YAMLTree, kind: DocumentKind?) -> Bool {
        if let kind { return kind == .secret }
        if case .kind(.secret, _) = DocumentKind.detect(tree) { return true }
        return false
    }

    /// Every scalar below `data` and `stringData`, keys of nested mappings included.
    static func hidingData(of tree: YAMLTree) -> YAMLTree {
        var hidden = Set<NodeID>()
        for section in ["data", "stringData"] {
            guard let mapping = tree.value(forKey: section, in: tree.root) else { continue }
            for pair in tree.pairs(of: mapping) {
                tree.walk(from: pair.value) { event in
                    if case .scalar(let id) = event { hidden.insert(id) }
                }
            }
        }
        return tree.replacingScalars { id, node in
            guard hidden.contains(id) else { return nil }
            var copy = node
            copy.text = hiddenValue
            copy.style = .plain
            copy.tag = nil
            return copy
        }
    }
}
