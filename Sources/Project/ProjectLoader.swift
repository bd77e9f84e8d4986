import Diagnostics
import Syntax

/// Loads a Compose project as compose-go's loader does: each of the project's files read, its services'
/// `extends` resolved (`ExtendsResolution`), then its `include`s imported (`IncludeResolution`), then
/// the files merged in order (`ComposeMerge`'s rules). Problems are findings at the value that caused
/// them; loading goes on past them, so one run reports them all.
public enum ProjectLoader {
    /// The project of `files` (already read: the caller decides what an unreadable one means), whose
    /// relative paths are resolved against `directory`.
    public static func load(_ files: [SourceFile], directory: String, limits: ReaderLimits = .default) -> ComposeProject {
        var loading = ProjectLoading(limits: limits)
        let parts = files.map { loading.add($0, path: ProjectPath.clean($0.path), scope: nil) }
        let models = parts.map { part in
            loading.model(of: FileContext(part: part, base: directory, path: loading.paths[part], scope: nil), includes: [loading.paths[part]])
        }
        let merged = loading.merge(models)
        let text = loading.text.text
        let diagnostics = loading.unplaced.map { text.place($0.diagnostic, from: $0.part) } + loading.diagnostics
        return ComposeProject(
            text: text,
            tree: loading.hasReadErrors ? nil : loading.merger.reader.tree(of: merged, file: text.file),
            fileTrees: zip(parts, models).map { part, model in
                // A file with neither extends nor include is its own tree: no copy.
                if case .node(_, let id) = model, id == loading.trees[part].root { return loading.trees[part].relocated(lines: 0, bytes: 0, file: text.file) }
                return loading.reader.tree(of: model, file: text.file)
            },
            directory: directory, diagnostics: diagnostics,
            includeScopes: loading.scopes,
            scopedParts: loading.partScopes.indices.compactMap { part in
                loading.partScopes[part].map { (bytes: text.bytes(of: part), scope: $0) }
            })
    }
}

/// One file as a model is read from it: its part of the text, the folder its relative paths are
/// resolved against (the project's for the project's own files, the file's own for an extended one,
/// the include's project directory for an included one), its path, which names it in messages, and
/// the include whose variables it is interpolated with (nil: the project's own).
struct FileContext {
    let part: Int
    let base: String
    let path: String
    let scope: Int?
}

/// The state of one load: the files read so far (each a part of the text, its tree placed there), and
/// what was found.
struct ProjectLoading {
    let limits: ReaderLimits
    var text = ProjectText.Builder()
    /// Each part's tree, placed in the text (an empty mapping for a file that could not be read as YAML).
    var trees: [YAMLTree] = []
    var paths: [String] = []
    /// The include each part was read for (an index of `scopes`), nil for the project's own files.
    var partScopes: [Int?] = []
    /// Every include entry loaded, in the order they were met.
    var scopes: [ComposeProject.IncludeScope] = []
    /// The part of each path read, by path and include (a file read for two includes is interpolated
    /// with two environments, so it is two parts), or why it could not be read.
    private var readPaths: [String: Result<Int, FileBytes.Failure>] = [:]
    /// Findings of the YAML reader, in their file's own positions.
    var unplaced: [(part: Int, diagnostic: Diagnostic)] = []
    /// Findings of assembling, already in the text's positions.
    var diagnostics: [Diagnostic] = []
    var hasReadErrors = false
    /// Each service whose `extends` is resolved, by part, folder and name.
    var resolvedServices: [String: MergeValue] = [:]
    /// Each part's services by name (`findService(_:inPart:)`).
    var serviceIndex: [Int: [String: MergeValue]] = [:]

    init(limits: ReaderLimits) {
        self.limits = limits
    }

    var merger: Merger { Merger(reader: MergeReader(trees: trees)) }
    var reader: MergeReader { MergeReader(trees: trees) }

    /// `other` merged onto `base` by Compose's rules; the merge's findings kept.
    mutating func merge(_ base: MergeValue, _ other: MergeValue, path: [String]) -> MergeValue {
        var merger = self.merger
        let merged = merger.merge(base, other, path: path)
        diagnostics += merger.diagnostics
        return merged
    }

    /// Files' models merged in order, as `-f` files are; the merge's findings kept.
    mutating func merge(_ models: [MergeValue]) -> MergeValue {
        var merger = self.merger
        let merged = ComposeMerge.merge(models, with: &merger)
        diagnostics += merger.diagnostics
        return merged
    }

    /// `file` made a part of the project, read for include `scope`.
    mutating func add(_ file: SourceFile, path: String, scope: Int?) -> Int {
        let part = trees.count
        let place = text.add(file)
        let read = YAMLReader.read(file, limits: limits)
        let found = read.diagnostics + (read.tree.map(Self.rootProblem) ?? [])
        unplaced += found.map { (part, $0) }
        if read.tree == nil || found.contains(where: { $0.severity == .error }) { hasReadErrors = true }
        trees.append((read.tree ?? Self.emptyTree(file)).relocated(lines: place.lines, bytes: place.bytes, file: file))
        paths.append(path)
        partScopes.append(scope)
        readPaths[Self.key(path, scope)] = .success(part)
        return part
    }

    /// The part of the file at `path` read for include `scope`, read the first time it is asked for.
    mutating func part(at path: String, scope: Int?) -> Result<Int, FileBytes.Failure> {
        let path = ProjectPath.clean(path)
        if let known = readPaths[Self.key(path, scope)] { return known }
        switch FileBytes.contents(ofFile: path, maxBytes: limits.maxFileBytes) {
        case .failure(let failure):
            readPaths[Self.key(path, scope)] = .failure(failure)
            return .failure(failure)
        case .success(let bytes):
            return .success(add(SourceFile(path: path, bytes: bytes), path: path, scope: scope))
        }
    }

    private static func key(_ path: String, _ scope: Int?) -> String {
        scope.map { "\($0)\u{0}\(path)" } ?? path
    }

    /// The root of a part as a model: its services' `extends` resolved and its `include`s imported;
    /// the file's own node when it has neither. `includes` are the files that included it, first the project's.
    mutating func model(of context: FileContext, includes: [String]) -> MergeValue {
        let root = MergeValue.node(source: context.part, id: trees[context.part].root)
        let reader = self.reader
        guard reader.shape(root) == .mapping else { return root }
        var pairs = reader.pairs(root)
        var changed = false
        if let index = pairs.firstIndex(where: { $0.name == "services" }), hasExtends(pairs[index].value) {
            let services = reader.pairs(pairs[index].value).map { service in
                MergePair(key: service.key, name: service.name, value: resolveExtends(of: service.name, in: context, chain: []) ?? service.value)
            }
            pairs[index].value = .mapping(services, range: reader.range(pairs[index].value))
            changed = true
        }
        if let index = pairs.firstIndex(where: { $0.name == "include" }) {
            let include = pairs.remove(at: index)
            importIncludes(include, into: &pairs, context: context, includes: includes)
            changed = true
        }
        return changed ? .mapping(pairs, range: reader.range(root)) : root
    }

    private func hasExtends(_ services: MergeValue) -> Bool {
        reader.pairs(services).contains { reader.value("extends", in: $0.value) != nil }
    }

    mutating func error(_ rule: RuleID, _ message: String, at value: MergeValue) {
        diagnostics.append(Diagnostic(rule: rule, severity: .error, message: message, range: reader.range(value)))
    }

    /// A file of a project must be a mapping (Compose: "Top-level object must be a mapping").
    private static func rootProblem(_ tree: YAMLTree) -> [Diagnostic] {
        let root = tree[tree.root]
        guard !root.isMapping, root.resolved != .null else { return [] }
        return [Diagnostic(rule: .invalidStructure, severity: .error,
                           message: "a Compose file of a project must be a mapping of top-level keys (services, networks…), not \(root.kindDescription)",
                           range: root.range, path: .root)]
    }

    private static func emptyTree(_ file: SourceFile) -> YAMLTree {
        var assembler = TreeAssembler()
        let root = assembler.mapping([], range: SourceRange(at: SourceLocation(line: 1, column: 1, offset: 0)))
        return assembler.tree(root: root, file: file)
    }
}
