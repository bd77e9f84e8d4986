import Foundation
import Interpolation
import Testing

/// Replays every case Docker Compose answered (`scripts/oracle/interpolation_cases.py` wrote them) against
/// our implementation. Compose is the specification; the few deliberate differences are listed below,
/// each with the behaviour we assert instead and why.
struct ComposeOracleTests {
    /// One line of `Fixtures/compose-oracle.jsonl`.
    struct OracleCase: Decodable, Sendable, CustomTestStringConvertible {
        var type: String
        var name: String
        var env: [String: String]
        var ok: Bool
        var error: String?
        var note: String?
        // value cases
        var input: String?
        var output: String?
        var errorKind: String?
        var warnings: [String]?
        // dotenv cases
        var dotenv: String?
        var keys: [String]?
        var values: [String: String?]?

        var testDescription: String { name }
    }

    /// What we do instead of what Compose does, and why.
    struct Divergence {
        var reason: String
        var ok: Bool
        var output: String? = nil
        var values: [String: String?]? = nil
        var errorKind: InterpolationFailure.Kind? = nil
        var line: Int? = nil
    }

    static let divergences: [String: Divergence] = [
        "deeply-nested-70": Divergence(
            reason: "Compose has no nesting limit; stackc refuses more than maxDepth (64) levels so that "
                + "hostile input cannot make it work without bound.",
            ok: false, errorKind: .syntax),
        "line-count-after-bare-key-with-trailing-space": Divergence(
            reason: "Compose's line counter skips the line of a bare key with trailing blanks (`X \\n`) "
                + "and so blames line 1; the bad `$` is on line 2.",
            ok: false, line: 2),
    ]

    /// Cases where Compose warns about a variable only because it evaluated an unused word.
    static let eagerWarnings: Set<String> = ["nested-default-set-outer"]

    static let fixtureLines: [Substring] = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/compose-oracle.jsonl")
        return ((try? String(contentsOf: url, encoding: .utf8)) ?? "").split(separator: "\n")
    }()

    static let cases: [OracleCase] = fixtureLines.compactMap {
        try? JSONDecoder().decode(OracleCase.self, from: Data($0.utf8))
    }

    @Test func fixtureIsComplete() {
        #expect(Self.cases.count == Self.fixtureLines.count, "every line decodes")
        #expect(Self.cases.filter { $0.type == "value" }.count >= 170)
        #expect(Self.cases.filter { $0.type == "dotenv" }.count >= 40)
        let names = Self.cases.map(\.name)
        #expect(Set(names).count == names.count)
        #expect(Set(Self.divergences.keys).isSubset(of: names))
    }

    @Test(arguments: cases.filter { $0.type == "value" })
    func valueCase(_ oracle: OracleCase) throws {
        let input = try #require(oracle.input)
        let result = interpolate(input) { name in oracle.env[String(name)].map(VariableLookup.value) ?? .unset }
        if let divergence = Self.divergences[oracle.name] {
            if divergence.ok {
                #expect(result.failure == nil, "\(divergence.reason)")
                #expect(result.value == divergence.output)
            } else {
                #expect(result.failure?.kind == divergence.errorKind, "\(divergence.reason)")
            }
            return
        }
        guard oracle.ok else {
            let failure = try #require(result.failure, "Compose failed with: \(oracle.error ?? "")")
            if oracle.errorKind == "required" {
                #expect(failure.kind == .required)
                // Compose: "error while interpolating <path>: required variable U is missing a value: msg"
                #expect(oracle.error?.hasSuffix(": " + failure.description) == true,
                        "ours: \(failure.description)")
            } else {
                #expect(failure.kind == .syntax, "ours: \(failure.description)")
            }
            return
        }
        #expect(result.failure == nil, "ours failed: \(result.failure?.description ?? "")")
        #expect(result.value == oracle.output)
        if !Self.eagerWarnings.contains(oracle.name) {
            let unset = Set(result.references.filter(\.isUnsetWithoutDefault).map(\.name))
            #expect(unset == Set(oracle.warnings ?? []))
        }
    }

    @Test(arguments: cases.filter { $0.type == "dotenv" })
    func dotEnvCase(_ oracle: OracleCase) throws {
        let content = try #require(oracle.dotenv)
        let parsed = parseDotEnv(content) { name in oracle.env[String(name)] }
        let divergence = Self.divergences[oracle.name]
        let expectedOK = divergence?.ok ?? oracle.ok
        let expectedValues = divergence?.values ?? oracle.values
        guard expectedOK else {
            let failure = try #require(parsed.failures.first, "Compose failed with: \(oracle.error ?? "")")
            // Compose names a line for most statement errors. For an unterminated quote it names the line
            // where it gave up looking (the end of the file); we point at the opening quote instead,
            // which DotEnvTests checks.
            if let line = divergence?.line {
                #expect(failure.line == line, "\(divergence?.reason ?? "")")
            } else if let error = oracle.error, !error.contains("unterminated quoted value"),
                      let line = Self.lineNumber(in: error) {
                #expect(failure.line == line, "ours: \(failure)")
            }
            return
        }
        #expect(parsed.failures.isEmpty, "\(divergence?.reason ?? "") ours failed: \(parsed.failures)")
        for (key, expected) in expectedValues ?? [:] {
            // What interpolation then sees: the process environment wins over the file, and the last
            // entry for a key wins over earlier ones.
            let seen = oracle.env[key] ?? parsed.entries.last(where: { $0.key == key })?.value
            #expect(seen == expected, "key \(key.debugDescription)")
        }
    }

    /// The N of compose-go's "line N: …".
    static func lineNumber(in error: String) -> Int? {
        guard let range = error.range(of: "line ") else { return nil }
        return Int(error[range.upperBound...].prefix(while: \.isNumber))
    }
}
