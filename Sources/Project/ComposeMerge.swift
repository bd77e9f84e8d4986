import Diagnostics
import Syntax

/// Docker Compose's merge of the files of one project (`-f a.yaml -f b.yaml`): each later file's values
/// merged onto what the earlier ones made, key by key as compose-go's `override` package does (see
/// `MergeRule`), with `!reset` (drop the earlier value) and `!override` (replace it whole). The result is
/// one tree whose nodes are the files' own, so a value keeps the file, line and column it was written at.
public enum ComposeMerge {
    /// The merged tree of `trees` (in `-f` order, already placed in one text over `file` with
    /// `YAMLTree.relocated`), and the places where two files give one key values that cannot merge.
    public static func merge(_ trees: [YAMLTree], file: SourceFile) -> (tree: YAMLTree, diagnostics: [Diagnostic]) {
        var merger = Merger(reader: MergeReader(trees: trees))
        let merged = merge(trees.indices.map { .node(source: $0, id: trees[$0].root) }, with: &merger)
        return (merger.reader.tree(of: merged, file: file), merger.diagnostics)
    }

    /// `models` (files' roots, or what `extends` and `include` made of them) merged in order.
    static func merge(_ models: [MergeValue], with merger: inout Merger) -> MergeValue {
        var merged = merger.withoutResets(models[0])
        for model in models.dropFirst() { merged = merger.merge(merged, model, path: []) }
        return merged
    }
}

struct Merger {
    let reader: MergeReader
    var diagnostics: [Diagnostic] = []

    static let reset = "!reset"
    static let override = "!override"

    /// The value with its `!reset` entries left out: in the file that holds them they only remove what
    /// earlier files gave (compose-go `ResetProcessor`).
    func withoutResets(_ value: MergeValue) -> MergeValue {
        guard containsReset(value) else { return value }
        switch reader.shape(value) {
        case .mapping:
            let kept = reader.pairs(value).filter { reader.tag($0.value) != Self.reset }
            return .mapping(kept.map { MergePair(key: $0.key, name: $0.name, value: withoutResets($0.value)) }, range: reader.range(value))
        case .sequence:
            let kept = reader.items(value).filter { reader.tag($0) != Self.reset }
            return .sequence(kept.map(withoutResets), range: reader.range(value))
        case .scalar, .null:
            return value
        }
    }

    private func containsReset(_ value: MergeValue) -> Bool {
        if reader.tag(value) == Self.reset { return true }
        return reader.pairs(value).contains { containsReset($0.value) } || reader.items(value).contains(where: containsReset)
    }

    mutating func merge(_ base: MergeValue, _ other: MergeValue, path: [String]) -> MergeValue {
        // A mapping's `!reset` entries remove keys of `base` (`mergeMappings`); elsewhere they only go.
        let other = reader.shape(other) == .mapping ? other : withoutResets(other)
        switch MergeRule.at(path) {
        case .replace:
            return other
        case .keyValues:
            return mergeKeyValues(base, other, path: path)
        case .files:
            if reader.shape(other) == .null { return base }
            let range = reader.range(reader.shape(base) == .null ? other : base)
            return .sequence(unique(keyValueEntries(base) + keyValueEntries(other), by: .path), range: range)
        case .namedMapping(let defaults):
            return mergeMappings(namedMapping(base, defaults: defaults), namedMapping(other, defaults: defaults), path: path)
        case .uniqueAppend:
            // Two mappings merge by host; compose-go writes both as `host=ip` and keeps both of two IPs.
            if reader.shape(base) == .mapping, reader.shape(other) == .mapping { return mergeMappings(base, other, path: path, replacing: true) }
            let earlier = keyValueEntries(base).map(reader.text)
            let added = keyValueEntries(other).filter { !earlier.contains(reader.text($0)) }
            return .sequence(keyValueEntries(base) + added, range: reader.range(reader.shape(base) == .null ? other : base))
        case .build:
            return mergeMappings(buildMapping(base), buildMapping(other), path: path)
        case .logging:
            let driver = reader.value("driver", in: base).map(reader.text)
            let otherDriver = reader.value("driver", in: other).map(reader.text)
            guard driver == nil || otherDriver == nil || driver == otherDriver else { return other }
            return mergeMappings(base, other, path: path)
        case .unique(let index):
            return mergeStandard(base, other, path: path, index: index)
        case .standard:
            return mergeStandard(base, other, path: path, index: nil)
        }
    }

    private mutating func mergeStandard(_ base: MergeValue, _ other: MergeValue, path: [String], index: MergeIndex?) -> MergeValue {
        let baseShape = reader.shape(base)
        let otherShape = reader.shape(other)
        if otherShape == .null { return base }
        switch (baseShape, otherShape) {
        case (.mapping, .mapping):
            return mergeMappings(base, other, path: path)
        case (.sequence, .sequence):
            let items = reader.items(base) + reader.items(other)
            return .sequence(index.map { unique(items, by: $0) } ?? items, range: reader.range(base))
        case (.mapping, _), (.sequence, _):
            let what = baseShape == .mapping ? "a mapping" : "a sequence"
            diagnostics.append(Diagnostic(
                rule: .invalidStructure, severity: .error,
                message: "cannot override '\(path.joined(separator: "."))': an earlier file has \(what) there, which only \(what) can be merged onto",
                range: reader.range(other), path: NodePath(path.map { .key($0) })))
            return base
        default:
            return other
        }
    }

    /// Pairs of `other` merged onto those of `base` by key: new keys appended, `!override` values (and with
    /// `replacing` every value) replacing.
    private mutating func mergeMappings(_ base: MergeValue, _ other: MergeValue, path: [String], replacing: Bool = false) -> MergeValue {
        var pairs = reader.pairs(base)
        for pair in reader.pairs(other) {
            let index = pairs.firstIndex { $0.name == pair.name }
            switch (index, reader.tag(pair.value)) {
            case (let index?, Self.reset):
                pairs.remove(at: index)
            case (_, Self.reset):
                continue
            case (let index?, Self.override), (let index?, _) where replacing:
                pairs[index].value = withoutResets(pair.value)
            case (let index?, _):
                pairs[index].value = merge(pairs[index].value, pair.value, path: path + [pair.name])
            case (nil, _):
                pairs.append(MergePair(key: pair.key, name: pair.name, value: withoutResets(pair.value)))
            }
        }
        return .mapping(pairs, range: reader.range(reader.shape(base) == .mapping ? base : other))
    }

    /// `environment`, `labels` and their kin: two mappings merge by key; otherwise both sides become
    /// `KEY=value` entries (a mapping's pairs sorted, as Compose does), appended, one kept per key.
    private mutating func mergeKeyValues(_ base: MergeValue, _ other: MergeValue, path: [String]) -> MergeValue {
        // Entries, not values: a later `KEY: null` (unset) replaces an earlier value, where elsewhere null leaves it.
        if reader.shape(base) == .mapping, reader.shape(other) == .mapping { return mergeMappings(base, other, path: path, replacing: true) }
        if reader.shape(other) == .null { return base }
        let entries = keyValueEntries(base) + keyValueEntries(other)
        let range = reader.shape(base) == .null ? reader.range(other) : reader.range(base)
        return .sequence(unique(entries, by: .keyValue), range: range)
    }

    private func keyValueEntries(_ value: MergeValue) -> [MergeValue] {
        switch reader.shape(value) {
        case .sequence: return reader.items(value)
        case .scalar: return [value]
        case .null: return []
        case .mapping:
            return reader.pairs(value).filter { reader.tag($0.value) != Self.reset }.sorted { $0.name < $1.name }.map { pair in
                let range = SourceRange(start: reader.range(pair.key).start, end: reader.range(pair.value).end)
                let text = reader.shape(pair.value) == .null ? pair.name : "\(pair.name)=\(reader.text(pair.value))"
                return .scalar(text, range: range)
            }
        }
    }

    /// A list of names read as a mapping of each name to `defaults` (null when there are none).
    private func namedMapping(_ value: MergeValue, defaults: [(key: String, value: String)]) -> MergeValue {
        guard reader.shape(value) == .sequence else { return value }
        let pairs = reader.items(value).map { item -> MergePair in
            let range = reader.range(item)
            let settings: MergeValue = defaults.isEmpty
                ? .scalar("", range: range)
                : .mapping(defaults.map { MergePair(key: .scalar($0.key, range: range), name: $0.key, value: .scalar($0.value, range: range)) },
                           range: range)
            return MergePair(key: item, name: reader.text(item), value: settings)
        }
        return .mapping(pairs, range: reader.range(value))
    }

    /// `build: ./dir` as `build: {context: ./dir}`.
    private func buildMapping(_ value: MergeValue) -> MergeValue {
        guard reader.shape(value) == .scalar else { return value }
        let range = reader.range(value)
        return .mapping([MergePair(key: .scalar("context", range: range), name: "context", value: value)], range: range)
    }

    /// `items` with a later entry replacing an earlier one of the same key, in the earlier one's place.
    private func unique(_ items: [MergeValue], by index: MergeIndex) -> [MergeValue] {
        var kept: [MergeValue] = []
        var places: [String: Int] = [:]
        for item in items {
            let key = self.key(of: item, index)
            if let place = places[key] {
                kept[place] = item
            } else {
                places[key] = kept.count
                kept.append(item)
            }
        }
        return kept
    }

    private func key(of item: MergeValue, _ index: MergeIndex) -> String {
        let text = reader.text(item)
        let field = { (name: String) in reader.value(name, in: item).map(reader.text) }
        switch index {
        case .text:
            return text
        case .keyValue:
            return String(text.prefix { $0 != "=" })
        case .port:
            guard reader.shape(item) == .mapping else { return text }
            return "\(field("host_ip") ?? "0.0.0.0"):\(field("published") ?? ""):\(field("target") ?? "")/\(field("protocol") ?? "tcp")"
        case .mountTarget:
            guard reader.shape(item) == .mapping else {
                let parts = text.split(separator: ":", omittingEmptySubsequences: false)
                return String(parts.count > 1 ? parts[1] : parts[0])
            }
            return field("target") ?? ""
        case .path:
            return reader.shape(item) == .mapping ? field("path") ?? "" : text
        case .mount(let folder):
            guard reader.shape(item) == .mapping else { return "\(folder)/\(text)" }
            return field("target") ?? "\(folder)/\(field("source") ?? "")"
        }
    }
}
