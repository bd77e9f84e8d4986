import Diagnostics
import Driver
import Foundation
import TestSupport
import Testing

/// Real-world projects: in each corpus folder, the base file (`compose.yaml`, `docker-compose.yaml`…)
/// with each sibling file as its override, as `lint -f base -f sibling` reads them. Linted alone most
/// siblings fail (a service with no image); as a project stackc's verdict is Compose's, asked live,
/// except where a stackc rule refuses on purpose what Compose's `config` lets through.
struct CorpusProjectTests {
    static let enabled = Testing.ConditionTrait.enabled(if: SharedCorpus.isPresent && ComposeBinary.path != nil,
                                                        "needs the shared corpus and the Compose binary (STACKC_TEST_PYTHON)")
    static let baseNames: Set = ["compose.yaml", "compose.yml", "docker-compose.yaml", "docker-compose.yml"]
    /// Rules whose errors Compose's `config` does not make: two services publishing one host port
    /// fail only when Docker starts them.
    static let deliberate: Set<RuleID> = ["host-port-conflict"]

    static func pairs() -> [(base: String, override: String)] {
        let folder = SharedCorpus.root.appendingPathComponent("compose")
        let projects = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return projects.sorted().flatMap { project -> [(base: String, override: String)] in
            let directory = folder.appendingPathComponent(project)
            let files = ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).sorted()
                .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }
            guard let base = files.first(where: baseNames.contains) else { return [] }
            return files.filter { $0 != base }.map { (directory.appendingPathComponent(base).path, directory.appendingPathComponent($0).path) }
        }
    }

    @Test(enabled) func projectVerdictsAreComposes() throws {
        let pairs = Self.pairs()
        var agreed = 0, passedMerged = 0
        for (base, override) in pairs {
            let compose = try ComposeBinary.accepts([base, override])
            let process = DifferentialVerdict.baseEnvironment.sorted { $0.key < $1.key }.map { (name: $0.key, value: $0.value) }
            let loaded = EnvironmentLoader(options: EnvironmentOptions(process: process)).load(forDirectory: FrontEnd.directory(of: .file(base)))
            let outcome = LintPipeline.lintProject([.file(base), .file(override)], environment: loaded.environment, options: FrontEndOptions())
            let errors = outcome.reports.flatMap(\.diagnostics).filter { $0.severity == .error }
            if compose.accepted, !errors.isEmpty, errors.allSatisfy({ Self.deliberate.contains($0.rule) }) { continue }
            #expect(errors.isEmpty == compose.accepted, "\(override): Compose \(compose.accepted ? "accepts" : "refuses: \(compose.message)"); stackc: \(errors.map(\.message))")
            agreed += 1
            if errors.isEmpty { passedMerged += 1 }
        }
        #expect(pairs.count >= 40 && agreed >= pairs.count - 1, "\(agreed) of \(pairs.count) compared")
        #expect(passedMerged >= 20, "fragments that fail alone pass merged onto their base")
    }
}
