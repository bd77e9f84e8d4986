import Diagnostics

/// A service's `extends` resolved as compose-go's `loader/extends.go` does: the service it names (in the
/// same file, or with `file:` in another, read relative to the extending file's folder) resolved first,
/// its relative paths rebased onto the extending file's folder, then the extending service merged onto
/// it with the rules of a `-f` override and its `extends` key dropped.
extension ProjectLoading {
    /// One service of a chain being resolved: the file it is in and its name.
    struct ChainLink: Equatable {
        let path: String
        let service: String
    }

    /// Service `name` of `context`'s file with its `extends` resolved; nil when the file has no such service.
    mutating func resolveExtends(of name: String, in context: FileContext, chain: [ChainLink]) -> MergeValue? {
        let memo = "\(context.part)\u{0}\(context.base)\u{0}\(name)"
        if let known = resolvedServices[memo] { return known }
        guard let service = findService(name, inPart: context.part) else { return nil }
        guard reader.shape(service) == .mapping, let extends = reader.value("extends", in: service) else { return service }
        let resolved = extend(service, named: name, by: extends, in: context, chain: chain + [ChainLink(path: context.path, service: name)])
        resolvedServices[memo] = resolved
        return resolved
    }

    /// Service `name` of a part's `services` mapping, through an index of the part's services built the
    /// first time one is asked for: a file whose every service extends another is looked up once per
    /// service, which a search of the mapping would make quadratic.
    mutating func findService(_ name: String, inPart part: Int) -> MergeValue? {
        if let index = serviceIndex[part] { return index[name] }
        let services = reader.value("services", in: .node(source: part, id: trees[part].root)).flatMap { reader.shape($0) == .mapping ? $0 : nil }
        let index = Dictionary(services.map { reader.pairs($0).map { ($0.name, $0.value) } } ?? [], uniquingKeysWith: { first, _ in first })
        serviceIndex[part] = index
        return index[name]
    }

    private mutating func extend(_ service: MergeValue, named name: String, by extends: MergeValue, in context: FileContext,
                                 chain: [ChainLink]) -> MergeValue {
        let withoutExtends = MergeValue.mapping(reader.pairs(service).filter { $0.name != "extends" }, range: reader.range(service))
        guard let reference = reference(in: extends, of: name) else { return withoutExtends }
        var target = context
        if let file = reference.file {
            let written = reader.text(file)
            let path = ProjectPath.join(context.base, written)
            switch part(at: path, scope: context.scope) {
            case .failure(let failure):
                error(.invalidExtends, "service '\(name)' extends a service of '\(written)', which cannot be read (\(failure.message))", at: file)
                return withoutExtends
            case .success(let part):
                target = FileContext(part: part, base: ProjectPath.directory(of: path), path: path, scope: context.scope)
            }
        }
        guard findService(reference.service, inPart: target.part) != nil else {
            let place = reference.file.map { " in '\(reader.text($0))'" } ?? " of this file"
            error(.invalidExtends, "service '\(name)' extends '\(reference.service)', which is not a service\(place)", at: reference.serviceNode)
            return withoutExtends
        }
        let next = ChainLink(path: target.path, service: reference.service)
        if let start = chain.firstIndex(of: next) {
            let cycle = (chain[start...].map(\.service) + [reference.service]).joined(separator: " → ")
            error(.invalidExtends, "services extend each other in a cycle: \(cycle); Compose cannot resolve it", at: reference.serviceNode)
            return withoutExtends
        }
        guard var base = resolveExtends(of: reference.service, in: target, chain: chain) else { return withoutExtends }
        if let file = reference.file {
            base = PathRebasing(reader: reader).service(base, onto: ProjectPath.directory(of: reader.text(file)))
        }
        let merged = merge(base, service, path: ["services", name])
        return .mapping(reader.pairs(merged).filter { $0.name != "extends" }, range: reader.range(service))
    }

    /// What `extends` names: `extends: NAME`, or `{service: NAME, file: PATH}`.
    private mutating func reference(in extends: MergeValue, of name: String) -> (service: String, serviceNode: MergeValue, file: MergeValue?)? {
        switch reader.shape(extends) {
        case .scalar:
            return (reader.text(extends), extends, nil)
        case .mapping:
            guard let service = reader.value("service", in: extends), reader.shape(service) == .scalar else {
                error(.invalidExtends, "the extends of service '\(name)' needs 'service:', the name of the service to extend", at: extends)
                return nil
            }
            let file = reader.value("file", in: extends).flatMap { reader.shape($0) == .scalar ? $0 : nil }
            return (reader.text(service), service, file)
        case .sequence, .null:
            error(.invalidExtends, "the extends of service '\(name)' must name a service ('extends: base') or be a mapping with 'service:' and 'file:'",
                  at: extends)
            return nil
        }
    }
}
