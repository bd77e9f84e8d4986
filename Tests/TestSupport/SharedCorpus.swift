import Foundation

/// The shared real-world corpus (`../shared/corpus` beside the package) and what its MANIFEST.tsv
/// records about each file, notably whether Docker Compose v2.40.3 accepted it. Absent on machines
/// that have only the repository, so tests that use it are enabled only when `isPresent`.
public enum SharedCorpus {
    public struct Entry: Sendable, CustomStringConvertible {
        public var path: String
        /// "main" (compose/), "negative" (compose-invalid/) or "pod".
        public var set: String
        /// "yes" when Compose accepted the corpus copy as it is.
        public var accepted: Bool
        public var errorClass: String
        public var firstError: String
        public var firstErrorInSource: String

        public var url: URL { SharedCorpus.root.appendingPathComponent(path) }
        public var description: String { path }
    }

    public static let root = packageRoot.appendingPathComponent("../shared/corpus").standardizedFileURL

    public static let isPresent = FileManager.default.fileExists(atPath: root.appendingPathComponent("MANIFEST.tsv").path)

    public static let entries: [Entry] = {
        guard let text = try? String(contentsOf: root.appendingPathComponent("MANIFEST.tsv"), encoding: .utf8) else { return [] }
        var lines = text.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
        guard !lines.isEmpty else { return [] }
        let header = lines.removeFirst()
        func column(_ name: String) -> Int { header.firstIndex(of: name) ?? 0 }
        let columns = (path: column("corpus_path"), set: column("set"), ok: column("oracle_ok"), errorClass: column("oracle_err_class"),
                       firstError: column("oracle_first_error"), firstErrorInSource: column("oracle_first_error_src"))
        return lines.filter { $0.count == header.count }.map {
            Entry(path: $0[columns.path], set: $0[columns.set], accepted: $0[columns.ok] == "yes", errorClass: $0[columns.errorClass],
                  firstError: $0[columns.firstError], firstErrorInSource: $0[columns.firstErrorInSource])
        }
    }()
}
