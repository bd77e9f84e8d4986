import Diagnostics

/// A file's `include` resolved as compose-go's `loader/include.go` does: each entry (`- path`, or
/// `{path: one or several files, project_directory, env_file}`) loaded as a project of its own (its
/// files merged, their relative paths resolved against its project directory, by default the first
/// file's folder), then its services, networks, volumes, secrets and configs imported into the including
/// file. A resource the including file also defines, differently, is an error, as is an include cycle;
/// an entry Compose would fetch (`RemoteInclude`) is an error of its own, since stackc never fetches.
extension ProjectLoading {
    /// The kinds of resources an include imports.
    static let importedResources = ["services", "volumes", "networks", "secrets", "configs", "models"]

    mutating func importIncludes(_ include: MergePair, into pairs: inout [MergePair], context: FileContext, includes: [String]) {
        guard reader.shape(include.value) == .sequence else {
            if reader.shape(include.value) != .null {
                error(.invalidInclude, "'include' must be a list of files or of mappings with 'path:'", at: include.value)
            }
            return
        }
        for entry in reader.items(include.value) {
            guard let included = load(entry, context: context, includes: includes) else { continue }
            importResources(of: included, into: &pairs)
        }
    }

    /// One entry's project, its paths rebased onto the including file's folder; nil when it cannot be loaded.
    private mutating func load(_ entry: MergeValue, context: FileContext, includes: [String]) -> MergeValue? {
        let files: [MergeValue]
        var projectDirectory: MergeValue?
        var envFiles: [MergeValue] = []
        switch reader.shape(entry) {
        case .scalar:
            files = [entry]
        case .mapping:
            let path = reader.value("path", in: entry)
            files = path.map { reader.shape($0) == .sequence ? reader.items($0) : [$0] } ?? []
            projectDirectory = reader.value("project_directory", in: entry)
            envFiles = reader.value("env_file", in: entry).map { reader.shape($0) == .sequence ? reader.items($0) : [$0] } ?? []
        default:
            files = []
        }
        guard !files.isEmpty, files.allSatisfy({ reader.shape($0) == .scalar }) else {
            error(.invalidInclude, "an include entry names the files to include: '- other/compose.yaml' or 'path: [a.yaml, b.yaml]'", at: entry)
            return nil
        }
        let remote = files.compactMap { file in RemoteInclude.kind(of: reader.text(file)).map { (file, $0) } }
        for (file, kind) in remote {
            error(.remoteInclude, "'\(reader.text(file))' is \(kind) Docker Compose would fetch; stackc never fetches, so the "
                  + "included project is not checked and this verdict cannot be trusted: include a local copy by its path instead", at: file)
        }
        guard remote.isEmpty else { return nil }
        let first = ProjectPath.join(context.base, reader.text(files[0]))
        if includes.contains(first) {
            let cycle = (includes.drop { $0 != first } + [first]).joined(separator: " → ")
            error(.invalidInclude, "files include each other in a cycle: \(cycle)", at: files[0])
            return nil
        }
        var envPaths: [String] = []
        for envFile in envFiles where reader.shape(envFile) == .scalar {
            let path = ProjectPath.join(context.base, reader.text(envFile))
            if case .failure(let failure) = FileBytes.contents(ofFile: path, maxBytes: 0) {
                error(.invalidInclude, "the include's env_file '\(reader.text(envFile))' cannot be read (\(failure.message))", at: envFile)
            }
            envPaths.append(path)
        }
        // compose-go's `localResourceLoader.Dir`: a project_directory that is no folder stands for the folder it is in.
        let directory = projectDirectory.map { written in
            let path = ProjectPath.join(context.base, reader.text(written))
            return ProjectPath.isFolder(path) ? path : ProjectPath.directory(of: path)
        } ?? ProjectPath.directory(of: first)
        // Without env_file, the `.env` of the include's project directory (compose-go joins a written
        // project_directory to the including folder as is, even when it names a file).
        if envFiles.isEmpty {
            let folder = projectDirectory.map { ProjectPath.join(context.base, reader.text($0)) } ?? ProjectPath.directory(of: first)
            let dotEnv = ProjectPath.join(folder, ".env")
            if ProjectPath.isFile(dotEnv) { envPaths.append(dotEnv) }
        }
        let scope = scopes.count
        scopes.append(ComposeProject.IncludeScope(parent: context.scope, envFiles: envPaths))
        var models: [MergeValue] = []
        for file in files {
            let path = ProjectPath.join(context.base, reader.text(file))
            switch part(at: path, scope: scope) {
            case .failure(let failure):
                error(.invalidInclude, "the included file '\(reader.text(file))' cannot be read (\(failure.message))", at: file)
                return nil
            case .success(let part):
                models.append(model(of: FileContext(part: part, base: directory, path: path, scope: scope), includes: includes + [first]))
            }
        }
        return PathRebasing(reader: reader).project(merge(models), onto: ProjectPath.relative(directory, to: context.base))
    }

    /// The included project's resources added to `pairs`; one the including file defines differently is an error there.
    private mutating func importResources(of included: MergeValue, into pairs: inout [MergePair]) {
        for kind in Self.importedResources {
            guard let resources = reader.value(kind, in: included), reader.shape(resources) == .mapping else { continue }
            let index = pairs.firstIndex { $0.name == kind }
            var local = index.map { reader.pairs(pairs[$0].value) } ?? []
            for resource in reader.pairs(resources) {
                if let existing = local.first(where: { $0.name == resource.name }) {
                    if !equal(existing.value, resource.value) {
                        error(.invalidInclude, "\(kind).\(resource.name) is defined here and, differently, by an included file; Compose refuses the conflict",
                              at: existing.key)
                    }
                    continue
                }
                local.append(resource)
            }
            let range = index.map { reader.range(pairs[$0].value) } ?? reader.range(resources)
            if let index { pairs[index].value = .mapping(local, range: range) } else {
                pairs.append(MergePair(key: .scalar(kind, range: range), name: kind, value: .mapping(local, range: range)))
            }
        }
    }

    /// Two values alike in shape and text (mapping keys in any order), as Go's `reflect.DeepEqual` compares Compose's models.
    private func equal(_ one: MergeValue, _ other: MergeValue) -> Bool {
        let shape = reader.shape(one)
        guard shape == reader.shape(other) else { return false }
        switch shape {
        case .null: return true
        case .scalar: return reader.text(one) == reader.text(other)
        case .sequence:
            let items = reader.items(one), others = reader.items(other)
            return items.count == others.count && zip(items, others).allSatisfy { equal($0, $1) }
        case .mapping:
            let pairs = reader.pairs(one), others = reader.pairs(other)
            return pairs.count == others.count && pairs.allSatisfy { pair in others.first { $0.name == pair.name }.map { equal(pair.value, $0.value) } ?? false }
        }
    }
}
