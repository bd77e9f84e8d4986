import Diagnostics
import Model
import Rules
import Syntax

/// Reads a `.stackc.yaml` with the template reader and schema validator, so its problems come with
/// file, line and column like any template's. What is well-formed is used; what is not is reported
/// and left out, and the run then exits 2 (a configuration that does not say what was meant).
enum ConfigurationReader {
    struct Outcome: Sendable {
        let configuration: Configuration
        let report: FileReport
        var failed: Bool { report.diagnostics.contains { $0.severity == .error } }
    }

    static func read(path: String) -> Outcome {
        let directory = AbsolutePath.parent(AbsolutePath.make(path)) ?? "/"
        var configuration = Configuration(path: path, directory: directory)
        switch FileLoader.load(.file(path), maxBytes: 1 << 20) {
        case .failure(let failure):
            let diagnostic = Diagnostic(rule: .unreadableInput, severity: .error, message: "configuration file \(failure.message)", range: nil)
            return Outcome(configuration: configuration, report: FileReport(file: SourceFile(path: path, bytes: []), diagnostics: [diagnostic]))
        case .success(let file):
            let read = YAMLReader.read(file, limits: .default)
            var diagnostics = read.diagnostics.filter { $0.rule != .emptyDocument }
            if let tree = read.tree, !(tree[tree.root].isScalar && tree[tree.root].resolved == .null) {
                diagnostics += SchemaValidator.validate(tree, as: ConfigurationSchema.type)
                var extractor = Extractor(tree: tree, directory: directory)
                extractor.fill(&configuration)
                diagnostics += extractor.diagnostics
            }
            return Outcome(configuration: configuration, report: FileReport(file: file, diagnostics: diagnostics))
        }
    }

    /// Takes the values that have the right shape; the validator has already reported the others.
    private struct Extractor {
        let tree: YAMLTree
        let directory: String
        var diagnostics: [Diagnostic] = []

        init(tree: YAMLTree, directory: String) {
            self.tree = tree
            self.directory = directory
        }

        mutating func fill(_ configuration: inout Configuration) {
            let root = tree.root
            guard tree[root].isMapping else { return }
            let path = NodePath.root
            configuration.rules = rules(in: root, path: path)
            configuration.categories = categories(in: root)
            configuration.settings = settings(in: root)
            if let limits = tree.value(forKey: "limits", in: root) {
                configuration.settings.maxFileBytes = positive("max-file-bytes", in: limits)
                configuration.settings.maxDepth = positive("max-depth", in: limits)
                configuration.settings.maxNodes = positive("max-nodes", in: limits)
                configuration.settings.maxScalarBytes = positive("max-scalar-bytes", in: limits)
                configuration.settings.maxFindings = positive("max-findings", in: limits)
            }
            if let files = tree.value(forKey: "env-files", in: root) {
                // Shown relative to the working folder when inside it, as template paths are.
                let workingFolder = AbsolutePath.make(".")
                configuration.envFiles = strings(files).map { file in
                    AbsolutePath.relative(AbsolutePath.make(file.hasPrefix("/") ? file : AbsolutePath.join(directory, file)), to: workingFolder)
                }
            }
            if let projects = tree.value(forKey: "projects", in: root) {
                configuration.projects = tree.items(of: projects).compactMap(project)
            }
            if let overrides = tree.value(forKey: "overrides", in: root) {
                for (index, item) in tree.items(of: overrides).enumerated() where tree[item].isMapping {
                    let itemPath = path.appending(key: "overrides").appending(index: index)
                    let globs = tree.value(forKey: "files", in: item).map(strings) ?? []
                    configuration.overrides.append(Configuration.Override(
                        globs: globs.map(PathGlob.init), rules: rules(in: item, path: itemPath), categories: categories(in: item),
                        settings: settings(in: item)))
                }
            }
        }

        /// A `projects:` entry, its paths made absolute against the configuration's folder.
        func project(_ item: NodeID) -> DeclaredProject? {
            guard tree[item].isMapping else { return nil }
            let list = { (key: String) in tree.value(forKey: key, in: item).map(strings) ?? [] }
            let absolute = { (file: String) in AbsolutePath.make(file.hasPrefix("/") ? file : AbsolutePath.join(directory, file)) }
            guard !list("files").isEmpty else { return nil }
            return DeclaredProject(files: list("files").map(absolute), profiles: list("profiles"), envFiles: list("env-files").map(absolute))
        }

        /// `rules:` entries with a known id and setting; unknown ids are reported with a suggestion.
        mutating func rules(in mapping: NodeID, path: NodePath) -> [(RuleID, RuleSetting)] {
            guard let rules = tree.value(forKey: "rules", in: mapping), tree[rules].isMapping else { return [] }
            var result: [(RuleID, RuleSetting)] = []
            for pair in tree.pairs(of: rules) {
                let id = tree[pair.key].text
                guard Catalogue.entry(id) != nil else {
                    diagnostics.append(Diagnostic(rule: .invalidConfig, severity: .error, message: "unknown rule '\(id)'\(Catalogue.unknownIDHint(id))",
                                                  range: tree[pair.key].range, path: path.appending(key: "rules").appending(key: id)))
                    continue
                }
                if tree[pair.value].isScalar, let setting = RuleSetting(rawValue: tree[pair.value].text) {
                    result.append((RuleID(id), setting))
                }
            }
            return result
        }

        /// `enable-categories:` entries that name a category; the validator reports the others.
        func categories(in mapping: NodeID) -> [RuleCategory] {
            tree.value(forKey: "enable-categories", in: mapping).map { strings($0).compactMap(RuleCategory.init(rawValue:)) } ?? []
        }

        func settings(in mapping: NodeID) -> SettingOverrides {
            var settings = SettingOverrides()
            settings.kind = scalar("kind", in: mapping).flatMap(DocumentKind.init(rawValue:))
            settings.platform = scalar("target", in: mapping).flatMap(Platform.init(rawValue:))
            return settings
        }

        func scalar(_ key: String, in mapping: NodeID) -> String? {
            guard let node = tree.value(forKey: key, in: mapping), tree[node].isScalar else { return nil }
            return tree[node].text
        }

        /// A limit must be at least 1, as on the command line.
        mutating func positive(_ key: String, in mapping: NodeID) -> Int? {
            guard tree[mapping].isMapping, let node = tree.value(forKey: key, in: mapping), case .int(let value) = tree[node].resolved else { return nil }
            guard value >= 1, let exact = Int(exactly: value) else {
                diagnostics.append(Diagnostic(rule: .invalidConfig, severity: .error, message: "limits.\(key) must be at least 1, not \(tree[node].text)",
                                              range: tree[node].range, path: NodePath([.key("limits"), .key(key)])))
                return nil
            }
            return exact
        }

        /// A string or a list of strings.
        func strings(_ node: NodeID) -> [String] {
            if tree[node].isScalar { return [tree[node].text] }
            return tree.items(of: node).filter { tree[$0].isScalar }.map { tree[$0].text }
        }
    }
}
