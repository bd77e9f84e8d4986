import Diagnostics
import Reporting
import Syntax

/// Findings adopted as known, so a project can turn stackc on without fixing everything first and
/// still fail on anything new. A finding is keyed on its rule, its file (relative to the working
/// folder) and its YAML path as a JSON pointer (`FindingKey`), never on its line, so edits elsewhere in the
/// file do not revive it. Each key carries a count: a second identical finding is new.
///
/// The file is JSON (docs/baseline.md):
/// `{"version": 1, "findings": [{"rule": "port-range", "file": "compose.yaml", "path": "/services/web/ports/0", "count": 1}]}`
public struct Baseline: Sendable, Equatable {
    public typealias Key = FindingKey

    public struct Failure: Error, Sendable, CustomStringConvertible {
        public let description: String
    }

    public private(set) var counts: [Key: Int] = [:]

    public init() {}

    public static func key(_ diagnostic: Diagnostic, file: String, workingDirectory: String) -> Key {
        Key(diagnostic, file: ArtifactPath.relative(file, to: workingDirectory))
    }

    /// Adds every finding of a report.
    public mutating func record(_ report: FileReport, workingDirectory: String) {
        for diagnostic in report.diagnostics {
            counts[Self.key(diagnostic, file: report.file.path, workingDirectory: workingDirectory), default: 0] += 1
        }
    }

    /// The report without the findings the baseline still covers; each one hidden uses up one count.
    public mutating func hiding(in report: FileReport, workingDirectory: String) -> FileReport {
        guard !counts.isEmpty, !report.diagnostics.isEmpty else { return report }
        let kept = report.diagnostics.filter { diagnostic in
            let key = Self.key(diagnostic, file: report.file.path, workingDirectory: workingDirectory)
            guard let remaining = counts[key], remaining > 0 else { return true }
            counts[key] = remaining - 1
            return false
        }
        return kept.count == report.diagnostics.count ? report : FileReport(file: report.file, diagnostics: kept)
    }

    public var findingCount: Int { counts.values.reduce(0, +) }

    /// The file's text: keys sorted by file, path and rule, so a rewritten baseline diffs cleanly.
    public func rendered() -> String {
        var writer = JSONWriter(indent: "  ")
        writer.beginObject()
        writer.field("version", 1)
        writer.key("findings")
        writer.beginArray()
        for (key, count) in counts.sorted(by: { $0.key < $1.key }) {
            writer.beginObject()
            writer.field("rule", key.rule)
            writer.field("file", key.file)
            writer.field("path", key.path)
            writer.field("count", count)
            writer.endObject()
        }
        writer.endArray()
        writer.endObject()
        return writer.output + "\n"
    }

    /// Reads a baseline file; a malformed one is an error naming the file, line and column.
    public static func load(_ path: String) throws(Failure) -> Baseline {
        let file: SourceFile
        switch FileLoader.load(.file(path), maxBytes: ReaderLimits.default.maxFileBytes) {
        case .success(let loaded): file = loaded
        case .failure(let failure): throw Failure(description: "\(path): \(failure.message)")
        }
        let read = YAMLReader.read(file)
        guard let tree = read.tree else {
            let problem = read.diagnostics.first
            throw Failure(description: "\(path):\(problem?.range.map { "\($0.start):" } ?? "") \(problem?.message ?? "not a baseline file")")
        }
        return try parse(tree, path: path)
    }

    private static func parse(_ tree: YAMLTree, path: String) throws(Failure) -> Baseline {
        func fail(_ node: NodeID, _ message: String) -> Failure {
            Failure(description: "\(path):\(tree[node].range.start): \(message)")
        }
        guard tree[tree.root].isMapping, let version = tree.value(forKey: "version", in: tree.root) else {
            throw fail(tree.root, "expected a baseline object with \"version\": 1 and \"findings\" (write one with --write-baseline)")
        }
        guard tree[version].text == "1" else { throw fail(version, "unsupported baseline version '\(tree[version].text)'; expected 1") }
        guard let findings = tree.value(forKey: "findings", in: tree.root), tree[findings].isSequence else {
            throw fail(tree.root, "expected \"findings\": a list of {rule, file, path, count}")
        }
        var baseline = Baseline()
        for item in tree.items(of: findings) {
            guard tree[item].isMapping else { throw fail(item, "expected an object with rule, file, path and count") }
            func text(_ field: String) throws(Failure) -> String {
                guard let value = tree.value(forKey: field, in: item), tree[value].isScalar else {
                    throw fail(item, "missing \"\(field)\" (a string)")
                }
                return tree[value].text
            }
            let key = Key(rule: try text("rule"), file: try text("file"), path: try text("path"))
            let countNode = tree.value(forKey: "count", in: item)
            guard let countNode, tree[countNode].isScalar, let count = Int(tree[countNode].text), count > 0 else {
                throw fail(countNode ?? item, "\"count\" must be a positive integer")
            }
            baseline.counts[key, default: 0] += count
        }
        return baseline
    }
}
