import Diagnostics
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

    /// `diagnostics` with the value of every secret-looking variable the template uses written
    /// `${NAME}`: a rule that quotes a substituted value (a port, a size) never prints a secret, whether
    /// it came from the environment, `.env` or an included project's env files.
    static func scrubbing(_ diagnostics: [Diagnostic], of processed: ProcessedTemplate) -> [Diagnostic] {
        guard !diagnostics.isEmpty, let names = processed.interpolated?.referencedNames else { return diagnostics }
        // Values first, names second: most variables a linted file uses are unset, and a name's test is the dear part.
        let secrets = names.flatMap { name in
            ([processed.environment[name]] + processed.included.map { $0.variables[name] }).compactMap { entry in
                entry.flatMap { $0.value.isEmpty ? nil : (value: $0.value, name: name) }
            }
        }.filter { SecretNames.looksSecret($0.name) }.sorted { $0.value.count > $1.value.count }  // a value inside a longer one goes after it
        guard !secrets.isEmpty else { return diagnostics }
        let scrub = { (text: String) in secrets.reduce(text) { $0.replacing($1.value, with: "${\($1.name)}") } }
        return diagnostics.map { diagnostic in
            var scrubbed = diagnostic
            scrubbed.message = scrub(diagnostic.message)
            scrubbed.notes = diagnostic.notes.map { Diagnostic.Note(message: scrub($0.message), range: $0.range) }
            return scrubbed
        }
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
