import Foundation
import TestSupport
import Testing

/// Every sample lints as documented: `samples/*/invalid*.yaml` prints exactly its `.expected` file
/// and exits 1; `samples/*/valid*.yaml` prints nothing and exits 0. Run from the package root with the
/// relative path, as a user would.
struct SampleTests {
    /// `samples/<kind>/<name>` for every file whose name starts with `prefix` and ends with `suffix`.
    static func samples(prefix: String, suffix: String) -> [String] {
        let root = packageRoot.appendingPathComponent("samples")
        let kinds = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
        return kinds.sorted().flatMap { kind -> [String] in
            let names = (try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(kind).path)) ?? []
            return names.filter { $0.hasPrefix(prefix) && $0.hasSuffix(suffix) }.sorted().map { "samples/\(kind)/\($0)" }
        }
    }

    static let invalid = samples(prefix: "invalid", suffix: ".yaml")
    static let valid = samples(prefix: "valid", suffix: ".yaml")

    static func expectedFile(for sample: String) -> String {
        String(sample.dropLast(".yaml".count)) + ".expected"
    }

    @Test func samplesExist() {
        #expect(Self.invalid.count >= 4, "\(Self.invalid)")
        #expect(Self.valid.count >= 8, "\(Self.valid)")
    }

    @Test func everyExpectedFileHasItsSample() {
        let expected = Self.samples(prefix: "invalid", suffix: ".expected")
        #expect(expected == Self.invalid.map(Self.expectedFile(for:)))
    }

    @Test(arguments: invalid)
    func invalidSamplePrintsExactlyItsExpectedFindings(sample: String) throws {
        let expected = try String(contentsOf: packageRoot.appendingPathComponent(Self.expectedFile(for: sample)), encoding: .utf8)
        let run = try runStackc(["lint", sample])
        #expect(run.stdout == expected)
        #expect(run.status == 1)
        #expect(run.stderr.hasSuffix("in 1 file (1 file checked)\n"), "\(run.stderr)")
    }

    @Test(arguments: valid)
    func validSampleIsClean(sample: String) throws {
        let run = try runStackc(["lint", sample])
        #expect(run.stdout == "")
        #expect(run.stderr == "")
        #expect(run.status == 0)
    }

    @Test func allSamplesAtOnceKeepTheirOrder() throws {
        let all = (Self.invalid + Self.valid).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        let run = try runStackc(["lint"] + all)
        let expected = try Self.invalid.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }.map { sample in
            try String(contentsOf: packageRoot.appendingPathComponent(Self.expectedFile(for: sample)), encoding: .utf8)
        }.joined()
        #expect(run.stdout == expected)
        #expect(run.status == 1)
    }
}
