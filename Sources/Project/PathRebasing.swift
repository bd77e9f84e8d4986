/// Relative paths of a service or resource taken from a file of another folder (an extended service, an
/// included project), rewritten relative to the folder of the file that took it, as compose-go's
/// `paths.ResolveRelativePaths` does with the same keys: so every later stage resolves them against the
/// project's folder alone. A rewritten path keeps the position it was written at.
struct PathRebasing {
    let reader: MergeReader

    /// A service with its build context and additional contexts, env and label files, bind mounts and
    /// `extends.file` moved under `folder`.
    func service(_ service: MergeValue, onto folder: String) -> MergeValue {
        guard !folder.isEmpty, reader.shape(service) == .mapping else { return service }
        return rewrite(service) { key, value in
            switch key {
            case "build": return reader.shape(value) == .scalar ? context(value, onto: folder) : build(value, onto: folder)
            case "env_file", "label_file": return files(value, onto: folder)
            case "volumes": return reader.shape(value) == .sequence ? .sequence(reader.items(value).map { volume($0, onto: folder) }, range: reader.range(value)) : value
            case "extends": return rewrite(value) { $0 == "file" ? path($1, onto: folder) : $1 }
            default: return value
            }
        }
    }

    /// An included project's model: its services, and the `file` of its configs and secrets, moved under `folder`.
    func project(_ model: MergeValue, onto folder: String) -> MergeValue {
        guard !folder.isEmpty, reader.shape(model) == .mapping else { return model }
        return rewrite(model) { key, value in
            switch key {
            case "services": return rewrite(value) { service($1, onto: folder) }
            case "configs", "secrets": return rewrite(value) { rewrite($1) { $0 == "file" ? path($1, onto: folder) : $1 } }
            default: return value
            }
        }
    }

    /// A mapping with each value replaced by `change(key, value)`; anything else unchanged.
    private func rewrite(_ value: MergeValue, _ change: (String, MergeValue) -> MergeValue) -> MergeValue {
        guard reader.shape(value) == .mapping else { return value }
        return .mapping(reader.pairs(value).map { MergePair(key: $0.key, name: $0.name, value: change($0.name, $0.value)) }, range: reader.range(value))
    }

    /// A build mapping's contexts moved; one without `context` gets the folder itself, which is what
    /// Compose's default context `.` means for a service of another folder.
    private func build(_ value: MergeValue, onto folder: String) -> MergeValue {
        let moved = rewrite(value) { key, value in
            switch key {
            case "context": return context(value, onto: folder)
            case "additional_contexts": return rewrite(value) { context($1, onto: folder) }
            default: return value
            }
        }
        guard reader.shape(moved) == .mapping, reader.value("context", in: moved) == nil else { return moved }
        let range = reader.range(value)
        return .mapping(reader.pairs(moved) + [MergePair(key: .scalar("context", range: range), name: "context", value: .scalar(folder, range: range))],
                        range: range)
    }

    /// A build context, unless it is a URL or a `name:` reference Compose leaves alone.
    private func context(_ value: MergeValue, onto folder: String) -> MergeValue {
        let text = reader.text(value)
        let remote = text.contains("://") || text.hasPrefix("git@") || text.hasPrefix("github.com/") || text.hasPrefix("docker-image:")
            || text.hasPrefix("service:")
        return remote ? value : path(value, onto: folder)
    }

    /// `env_file: a.env`, a list of names, or a list of `{path: …}`.
    private func files(_ value: MergeValue, onto folder: String) -> MergeValue {
        switch reader.shape(value) {
        case .scalar: return path(value, onto: folder)
        case .sequence:
            return .sequence(reader.items(value).map { item in
                reader.shape(item) == .mapping ? rewrite(item) { $0 == "path" ? path($1, onto: folder) : $1 } : path(item, onto: folder)
            }, range: reader.range(value))
        default: return value
        }
    }

    /// A bind mount: `./src:/target[:mode]` (a source starting with `.`; a named volume is left), or the
    /// long syntax's relative `source` of `type: bind`.
    private func volume(_ value: MergeValue, onto folder: String) -> MergeValue {
        if reader.shape(value) == .mapping {
            guard reader.value("type", in: value).map(reader.text) == "bind" else { return value }
            return rewrite(value) { $0 == "source" ? path($1, onto: folder) : $1 }
        }
        let text = reader.text(value)
        guard text.hasPrefix("."), let colon = text.firstIndex(of: ":") else { return value }
        let source = ProjectPath.join(folder, String(text[..<colon]))
        return .scalar(relativeLooking(source) + text[colon...], range: reader.range(value))
    }

    /// A relative path scalar moved under `folder`; absolute, `~` and empty paths unchanged.
    private func path(_ value: MergeValue, onto folder: String) -> MergeValue {
        let text = reader.text(value)
        guard reader.shape(value) == .scalar, !text.hasPrefix("/"), !text.hasPrefix("~") else { return value }
        return .scalar(ProjectPath.join(folder, text), range: reader.range(value))
    }

    /// A relative bind source keeps its leading `./`, without which Compose reads a named volume.
    private func relativeLooking(_ path: String) -> String {
        path.hasPrefix("/") || path.hasPrefix(".") ? path : "./" + path
    }
}
