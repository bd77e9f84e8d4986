import Diagnostics
import Interpolation
import Syntax

/// The step after loading a project (its files merged, whatever the loader resolved), before
/// interpolation: the services the run's profiles set aside are dropped, and each running service's
/// `env_file` and `label_file` are read and their values folded into its `environment` and `labels`
/// under the values written there, as compose-go's `WithProfiles`, `WithServicesEnvironmentResolved`
/// and `WithServicesLabelsResolved` do. Rules that read `environment` then see what the container gets.
///
/// Folded values are final (an env file substitutes its own variables): when the tree is interpolated
/// next, each `$` is written `$$` to come out as read. Each keeps the position of the `env_file` or
/// `label_file` entry that brought it.
public enum ProjectResolution {
    public struct Settings {
        public var profiles: ProfileSelection
        /// For a template sent on its own (`build`, `submit`): services outside the enabled profiles are
        /// dropped even when the run chose none, and `profiles`, `env_file` and `label_file` are removed
        /// once applied, so the template needs no other file and no profile flag.
        public var selfContained: Bool
        /// The project's folder, which relative paths are resolved against.
        public var directory: String
        /// The project's variables, which an env file's `${…}` reads before the service's `environment`.
        public var environment: Environment
        /// What included projects add to the variables of their files' values (`IncludedEnvironment`):
        /// their `profiles` and `env_file` entries read them, and so does a list `environment` entry
        /// without a value, which Compose resolves while loading the include.
        public var included: [IncludedEnvironment] = []
        /// The text of a file, or nil when it does not exist or cannot be read.
        public var read: (String) -> SourceFile?
        /// Whether the tree will be interpolated, so a folded `$` is written `$$` to come out as read.
        public var escapesDollars: Bool
        /// Whether running services keep `profiles` once profiles are applied: Compose's model keeps
        /// them (`render --normalize`); lint drops them, so rules see only what runs.
        public var keepsProfiles = false

        public init(profiles: ProfileSelection, selfContained: Bool, directory: String, environment: Environment, escapesDollars: Bool,
                    read: @escaping (String) -> SourceFile?) {
            self.escapesDollars = escapesDollars
            self.profiles = profiles
            self.selfContained = selfContained
            self.directory = directory
            self.environment = environment
            self.read = read
        }
    }

    /// A file a running service names that is not there (a `required` env file, or a label file).
    public struct MissingFile: Sendable, Hashable {
        /// `env_file` or `label_file`.
        public let key: String
        public let service: String
        /// As written, and resolved against the project's folder.
        public let path: String
        public let resolvedPath: String
        public let range: SourceRange
        public let nodePath: NodePath

        public init(key: String, service: String, path: String, resolvedPath: String, range: SourceRange, nodePath: NodePath) {
            (self.key, self.service, self.path, self.resolvedPath, self.range, self.nodePath) = (key, service, path, resolvedPath, range, nodePath)
        }
    }

    public struct Result {
        public let tree: YAMLTree
        /// Findings on the tree's text: an unknown `format`.
        public let diagnostics: [Diagnostic]
        /// Files that are missing: reported by the caller, which knows whether the keys stay for lint.
        public let missingFiles: [MissingFile]
        /// The statements Compose refuses in the env and label files, each in its own file's report.
        public let fileReports: [FileReport]
        /// Every variable read from those files: environment values, each a secret for whoever prints.
        public let values: [(name: String, value: String)]
        /// The services the run's profiles set aside, by name, with their profiles: a running service
        /// that needs one is told which profile would start it (`inactive-dependency`).
        public var setAside: [String: [String]] = [:]
    }

    public static func apply(_ tree: YAMLTree, settings: Settings) -> Result {
        // Most projects have none of the three keys: one search of the text decides.
        guard !settings.included.isEmpty || ["profiles", "env_file", "label_file"].contains(where: tree.mayHold) else {
            return Result(tree: tree, diagnostics: [], missingFiles: [], fileReports: [], values: [])
        }
        var resolver = Resolver(reader: MergeReader(trees: [tree]), settings: settings)
        let root = resolver.root()
        var result = Result(tree: resolver.reader.tree(of: root, file: tree.file), diagnostics: resolver.diagnostics, missingFiles: resolver.missing,
                            fileReports: resolver.reports, values: resolver.values)
        result.setAside = resolver.setAside
        return result
    }
}

private struct Resolver {
    let reader: MergeReader
    let settings: ProjectResolution.Settings
    var diagnostics: [Diagnostic] = []
    var missing: [ProjectResolution.MissingFile] = []
    var reports: [FileReport] = []
    var values: [(name: String, value: String)] = []
    var setAside: [String: [String]] = [:]
    /// Env files already read, so a file several services name is reported once.
    var reported: Set<String> = []

    /// One file a service names, with the settings its entry gives.
    struct Entry {
        let path: String
        let range: SourceRange
        let index: Int?
        let required: Bool
        let format: String
        let formatValue: MergeValue?
    }

    init(reader: MergeReader, settings: ProjectResolution.Settings) {
        self.reader = reader
        self.settings = settings
    }

    /// Whether services are set aside: always for a template sent alone, else when the run chose profiles.
    var appliesProfiles: Bool { settings.selfContained || settings.profiles.isChosen }

    mutating func root() -> MergeValue {
        let root = MergeValue.node(source: 0, id: reader.trees[0].root)
        guard reader.shape(root) == .mapping, let services = reader.value("services", in: root), reader.shape(services) == .mapping else { return root }
        var kept: [MergePair] = []
        let active = Set(reader.pairs(services).filter { settings.profiles.enables(profiles(of: $0.value)) }.map(\.name))
        for pair in reader.pairs(services) {
            guard active.contains(pair.name) else {
                if appliesProfiles { setAside[pair.name] = profiles(of: pair.value) } else { kept.append(pair) }
                continue
            }
            let service = reader.shape(pair.value) == .mapping ? resolve(pair.value, name: pair.name, active: active) : pair.value
            kept.append(MergePair(key: pair.key, name: pair.name, value: service))
        }
        return replacing("services", in: root, with: .mapping(kept, range: reader.range(services)))
    }

    /// A service's `profiles`, substituted (`profiles: ["${PROFILE}"]`).
    func profiles(of service: MergeValue) -> [String] {
        guard let list = reader.value("profiles", in: service) else { return [] }
        return reader.items(list).map(substituted)
    }

    /// A value's text substituted with the variables of where it was written.
    func substituted(_ value: MergeValue) -> String {
        let offset = reader.range(value).start.offset
        return interpolate(reader.text(value)) { name in
            (settings.environment[name] ?? settings.included.entry(name, at: offset)).map { .value($0.value) } ?? .unset
        }.value
    }

    /// The service with its files' values folded in (and, for a template sent alone, the keys they came from removed).
    mutating func resolve(_ service: MergeValue, name: String, active: Set<String>) -> MergeValue {
        var pairs = reader.pairs(service)
        let has = { (key: String) in pairs.contains { $0.name == key } }
        let resolvesBareNames = !settings.included.isEmpty && has("environment")
        guard has("env_file") || has("label_file") || resolvesBareNames || (appliesProfiles && (has("profiles") || has("depends_on"))) else {
            return service
        }
        if resolvesBareNames, let index = pairs.firstIndex(where: { $0.name == "environment" }) {
            pairs[index].value = resolvingIncludedNames(pairs[index].value)
        }
        // Only a template sent alone loses them: lint and render keep them, as Compose's model does, and
        // `inactive-dependency` reads their `required: false`.
        if settings.selfContained, let index = pairs.firstIndex(where: { $0.name == "depends_on" }) {
            let kept = withoutOptionalDependencies(pairs[index].value, active: active)
            if reader.shape(kept) == .mapping, reader.pairs(kept).isEmpty { pairs.remove(at: index) } else { pairs[index].value = kept }
        }
        if has("env_file") {
            let written = keyValues(reader.value("environment", in: service))
            let environment = settings.environment
            let folded = read(entries(reader.value("env_file", in: service)!), key: "env_file", service: name) { key in
                environment[key]?.value ?? written[String(key)] ?? nil
            }
            set("environment", folding: folded, in: &pairs)
        }
        if has("label_file") {
            // A label file's `${…}` reads only the labels of the label files before it.
            var earlier: [String: String] = [:]
            var folded: [(key: String, value: String, range: SourceRange)] = []
            for entry in entries(reader.value("label_file", in: service)!) {
                let read = self.read([entry], key: "label_file", service: name, lookup: { earlier[String($0)] })
                for item in read { earlier[item.key] = item.value }
                folded.removeAll { item in read.contains { $0.key == item.key } }
                folded += read
            }
            set("labels", folding: folded, in: &pairs)
        }
        let removed = (settings.selfContained ? ["env_file", "label_file"] : []) + (appliesProfiles && !settings.keepsProfiles ? ["profiles"] : [])
        pairs.removeAll { removed.contains($0.name) }
        return .mapping(pairs, range: reader.range(service))
    }

    /// A list `environment` with its value-less entries (`- NAME`) that only an included project's
    /// variables set given their value, as compose-go's `ResolveEnvironment` gives it while loading the
    /// include; the project's own variables resolve the others later, as for any service.
    func resolvingIncludedNames(_ environment: MergeValue) -> MergeValue {
        guard reader.shape(environment) == .sequence else { return environment }
        return .sequence(reader.items(environment).map { item in
            let name = reader.text(item)
            guard reader.shape(item) == .scalar, !name.contains("="), settings.environment[name] == nil,
                  let entry = settings.included.entry(Substring(name), at: reader.range(item).start.offset) else { return item }
            return .string(escaped("\(name)=\(entry.value)"), range: reader.range(item))
        }, range: reader.range(environment))
    }

    /// A value that will be interpolated written so it comes out as `text`.
    func escaped(_ text: String) -> String {
        settings.escapesDollars ? text.replacing("$", with: "$$") : text
    }

    /// `depends_on` without its `required: false` entries on services set aside: Compose starts the service
    /// without them, and a template sent alone would name a service it does not hold, which Compose
    /// refuses (`config` of the project still prints them).
    func withoutOptionalDependencies(_ dependencies: MergeValue, active: Set<String>) -> MergeValue {
        guard reader.shape(dependencies) == .mapping else { return dependencies }
        let kept = reader.pairs(dependencies).filter { pair in
            active.contains(pair.name) || !(reader.value("required", in: pair.value).map { Self.isFalse(reader.text($0)) } ?? false)
        }
        return .mapping(kept, range: reader.range(dependencies))
    }

    /// `required: false` as YAML writes false (a substituted `${…}` included).
    static func isFalse(_ text: String) -> Bool {
        ["false", "False", "FALSE"].contains(text)
    }

    /// The files of an `env_file` or `label_file` value: a path, or a list of paths and `{path, required, format}`.
    func entries(_ value: MergeValue) -> [Entry] {
        let items = reader.shape(value) == .sequence ? reader.items(value).enumerated().map { ($0.offset as Int?, $0.element) } : [(nil, value)]
        return items.compactMap { index, item in
            if reader.shape(item) == .scalar { return Entry(path: substituted(item), range: reader.range(item), index: index, required: true, format: "", formatValue: nil) }
            guard reader.shape(item) == .mapping, let path = reader.value("path", in: item) else { return nil }
            let required = reader.value("required", in: item).map(substituted)
            let format = reader.value("format", in: item)
            return Entry(path: substituted(path), range: reader.range(path), index: index,
                         required: !Self.isFalse(required ?? "true"), format: format.map(substituted) ?? "",
                         formatValue: format)
        }.filter { !$0.path.isEmpty }
    }

    /// The values of `entries`' files in order (a later file's value for a key replacing an earlier one's),
    /// each with the position of the entry that names its file.
    mutating func read(_ entries: [Entry], key: String, service: String, lookup: (Substring) -> String?) -> [(key: String, value: String, range: SourceRange)] {
        var found: [(key: String, value: String, range: SourceRange)] = []
        for entry in entries {
            let resolved = entry.path.hasPrefix("/") || settings.directory.isEmpty ? entry.path : settings.directory + "/" + entry.path
            guard let file = settings.read(resolved) else {
                if entry.required {
                    let nodePath = NodePath([.key("services"), .key(service), .key(key)] + (entry.index.map { [.index($0)] } ?? []))
                    missing.append(.init(key: key, service: service, path: entry.path, resolvedPath: resolved, range: entry.range, nodePath: nodePath))
                }
                continue
            }
            guard KeyValueFile.formats.contains(entry.format) else {
                diagnostics.append(Diagnostic(
                    rule: .envFileSyntax, severity: .error,
                    message: "env_file format '\(entry.format)' is not one Docker Compose reads; write raw, or leave format out for the .env syntax",
                    range: entry.formatValue.map(reader.range) ?? entry.range, path: NodePath([.key("services"), .key(service), .key(key)])))
                continue
            }
            let parsed = KeyValueFile.parse(String(decoding: file.bytes, as: UTF8.self), format: entry.format, lookup: lookup)
            if !parsed.failures.isEmpty, reported.insert(resolved).inserted {
                reports.append(FileReport(envFile: file, failures: parsed.failures))
            }
            for item in parsed.entries {
                found.removeAll { $0.key == item.key }
                found.append((item.key, item.value, entry.range))
                values.append((item.key, item.value))
            }
        }
        return found
    }

    /// The entries of an `environment` or `labels` value as written: a mapping's pairs or `KEY=value` items
    /// (a value-less key maps to nil).
    func keyValues(_ value: MergeValue?) -> [String: String?] {
        guard let value else { return [:] }
        if reader.shape(value) == .mapping {
            return Dictionary(reader.pairs(value).map { ($0.name, reader.shape($0.value) == .null ? nil : reader.text($0.value)) }) { _, last in last }
        }
        return Dictionary(reader.items(value).map { item in
            let text = reader.text(item)
            guard let equals = text.firstIndex(of: "=") else { return (text, nil) }
            return (String(text[..<equals]), String(text[text.index(after: equals)...]))
        }) { _, last in last }
    }

    /// `key` of the service with the folded values the entries written there do not set, added in the
    /// written form (pairs of a mapping, `KEY=value` items of a list).
    func set(_ key: String, folding folded: [(key: String, value: String, range: SourceRange)], in pairs: inout [MergePair]) {
        let index = pairs.firstIndex { $0.name == key }
        let written = index.map { pairs[$0].value }
        let present = keyValues(written)
        let added = folded.filter { present[$0.key] == nil }
        guard !added.isEmpty else { return }
        let value: MergeValue
        if let written, reader.shape(written) == .sequence {
            value = .sequence(reader.items(written) + added.map { .string(escaped("\($0.key)=\($0.value)"), range: $0.range) }, range: reader.range(written))
        } else {
            let existing = written.map(reader.pairs) ?? []
            let range = written.map(reader.range) ?? added[0].range
            value = .mapping(existing + added.map { MergePair(key: .scalar($0.key, range: $0.range), name: $0.key, value: .string(escaped($0.value), range: $0.range)) },
                             range: range)
        }
        if let index {
            pairs[index].value = value
        } else {
            pairs.append(MergePair(key: .scalar(key, range: added[0].range), name: key, value: value))
        }
    }

    func replacing(_ key: String, in mapping: MergeValue, with value: MergeValue) -> MergeValue {
        .mapping(reader.pairs(mapping).map { $0.name == key ? MergePair(key: $0.key, name: $0.name, value: value) : $0 }, range: reader.range(mapping))
    }
}
