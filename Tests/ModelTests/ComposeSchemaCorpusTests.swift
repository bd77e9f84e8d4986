import Foundation
import Model
import Testing
import TestSupport

/// The shared benchmark corpus (`../shared/corpus`, beside the package): every Compose file that Docker
/// Compose v2.40.3 accepts must be clean under `ComposeSchema.document`, and every file it refuses for
/// a schema reason must have a finding. MANIFEST.tsv records what Compose said about each file.
struct ComposeSchemaCorpusTests {
    typealias Entry = SharedCorpus.Entry
    static let present = SharedCorpus.isPresent
    static let entries = SharedCorpus.entries

    static func findings(_ entry: Entry) throws -> [String] {
        let text = try String(contentsOf: entry.url, encoding: .utf8)
        return SchemaFindings.of(text, as: ComposeSchema.document)
    }

    @Test(.enabled(if: present, "the shared corpus (../shared/corpus beside the package) is not here"))
    func corpusIsThere() {
        #expect(Self.entries.filter { $0.set == "main" }.count >= 400)
        #expect(Self.entries.filter { $0.set == "negative" }.count >= 20)
    }

    /// Override fragments are partial (a service without an image, say), but partial is still well
    /// typed, so they are held to the same standard.
    @Test(.enabled(if: present, "the shared corpus (../shared/corpus beside the package) is not here"),
          arguments: entries.filter { $0.set == "main" })
    func acceptedFilesAreClean(_ entry: Entry) throws {
        let findings = try Self.findings(entry)
        #expect(findings.isEmpty, "Compose accepts \(entry.path) (\(entry.errorClass.isEmpty ? "as is" : entry.errorClass)); stackc: \(findings)")
    }

    @Test(.enabled(if: present, "the shared corpus (../shared/corpus beside the package) is not here"),
          arguments: entries.filter { $0.set == "negative" })
    func refusedFiles(_ entry: Entry) throws {
        let findings = try Self.findings(entry)
        if isSchemaError(entry) {
            #expect(!findings.isEmpty, "Compose refuses \(entry.path): \(entry.firstErrorInSource); stackc found nothing")
        } else {
            // Cycles, undefined references, port syntax, a container_name pattern: not the schema's
            // business, so the file must be schema-clean, or the reference rules would be reported twice.
            #expect(findings.isEmpty, "Compose refuses \(entry.path) for a non-schema reason (\(entry.firstError)); stackc: \(findings)")
        }
    }

    /// Compose's refusal is about keys and types: an unknown key or a value of the wrong shape.
    /// (A string pattern such as `container_name`'s is a value rule's business, not the schema's.)
    private func isSchemaError(_ entry: Entry) -> Bool {
        [entry.firstError, entry.firstErrorInSource].contains { $0.contains("additional properties") || $0.contains(" must be a ") }
    }
}
