import Foundation
import Model
import Testing

/// Replays the documents Docker Compose v2.40.3 judged (`scripts/oracle/compose_schema_cases.py` wrote
/// them) against `ComposeSchema.document`: for each schema-level case, Compose refuses the document
/// exactly when stackc's schema reports at least one finding. The deliberate differences are listed
/// below with their reasons.
struct ComposeSchemaOracleTests {
    /// One line of `Fixtures/compose-schema-oracle.jsonl`.
    struct OracleCase: Decodable, Sendable, CustomTestStringConvertible {
        var name: String
        var yaml: String
        var composeAccepts: Bool
        var composeError: String
        var schemaLevel: Bool
        var why: String?

        var testDescription: String { name }
    }

    /// Cases where stackc's verdict is the opposite of Compose's, and why.
    static let divergences: [String: String] = [
        "service-aliyun-dialect-external": "the aliyun dialect's `external: {host, ports}` is part of stackc's services: layout (ALIYUN.md §3.1)",
        "service-aliyun-dialect-dns-options": "the aliyun dialect's `dns_options` is part of stackc's services: layout (ALIYUN.md §3.1)",
        "include-typo-key": "Compose ignores unknown keys of an include entry, so `pth:` silently includes nothing; stackc reports the key",
        "extends-unknown-key": "Compose ignores unknown keys of `extends`, so `fil:` silently extends from this file; stackc reports the key",
        "secrets-external-unknown-key": "compose-spec leaves a secret's `external` object open and Compose ignores the key; stackc reports it, as Compose does for networks and volumes",
        "gpus-unknown-key": "compose-spec misplaces `additionalProperties` for `gpus` entries, and Compose ignores the key (`capabilites` requests nothing); stackc reports it, as Compose does for deploy devices",
        "ulimits-unknown-name": "Compose passes any lower-case ulimit name and the Docker engine refuses it when the container is created; stackc knows Docker's names and reports it at once",
    ]

    static let fixtureLines: [Substring] = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/compose-schema-oracle.jsonl")
        return ((try? String(contentsOf: url, encoding: .utf8)) ?? "").split(separator: "\n")
    }()

    static let cases: [OracleCase] = fixtureLines.compactMap {
        try? JSONDecoder().decode(OracleCase.self, from: Data($0.utf8))
    }

    @Test func fixtureIsComplete() {
        #expect(Self.cases.count == Self.fixtureLines.count, "every line decodes")
        #expect(Self.cases.filter(\.schemaLevel).count >= 150)
        #expect(Self.cases.contains { $0.composeAccepts } && Self.cases.contains { !$0.composeAccepts })
        let names = Self.cases.map(\.name)
        #expect(Set(names).count == names.count)
        #expect(Set(Self.divergences.keys).isSubset(of: names))
    }

    @Test(arguments: cases.filter(\.schemaLevel))
    func agreesWithCompose(_ oracle: OracleCase) {
        let findings = SchemaFindings.of(oracle.yaml, as: ComposeSchema.document)
        let accepts = oracle.composeAccepts != (Self.divergences[oracle.name] != nil)
        if accepts {
            #expect(findings.isEmpty, "Compose \(oracle.composeAccepts ? "accepts" : "refuses") this; stackc: \(findings)")
        } else {
            #expect(!findings.isEmpty, "Compose refuses this (\(oracle.composeError)); stackc found nothing")
        }
    }

    /// What Compose refuses for other reasons (undefined references, value syntax, patterns, bounds)
    /// is the reference and value rules' to report; the schema stays quiet, so nothing is said twice.
    @Test(arguments: cases.filter { !$0.schemaLevel })
    func leavesOtherCasesToTheRules(_ oracle: OracleCase) {
        #expect(SchemaFindings.of(oracle.yaml, as: ComposeSchema.document).isEmpty)
    }
}
