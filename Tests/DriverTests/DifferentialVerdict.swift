import Diagnostics
import Driver
import Foundation
import TestSupport

/// stackc's errors on one differential case, found as `stackc lint compose.yaml` finds them with
/// default settings: the file and its `.env` in a folder of their own named `project` (as in the
/// Compose run, so the project name is the same), and the case's variables plus PATH and HOME as
/// the whole process environment.
struct DifferentialVerdict: Sendable {
    let `case`: DifferentialCase
    let errors: [Diagnostic]

    /// What Compose's run saw besides the case's own variables (the generator's BASE_ENV).
    static let baseEnvironment = ["PATH": "/usr/bin:/bin", "HOME": "/tmp"]

    var refused: Bool { !errors.isEmpty }

    /// The errors, one `line:column: message [rule]` each.
    var findings: String {
        errors.map { "\($0.range.map { "\($0.start): " } ?? "")\($0.message) [\($0.rule)]" }.joined(separator: "; ")
    }

    static func lint(_ differential: DifferentialCase) throws -> DifferentialVerdict {
        let folder = try TemporaryDirectory()
        let file = try folder.write("project/compose.yaml", differential.yaml)
        if let dotenv = differential.dotenv {
            try folder.write("project/.env", dotenv)
        }
        let variables = baseEnvironment.merging(differential.env ?? [:]) { _, own in own }
        let process = variables.sorted { $0.key < $1.key }.map { (name: $0.key, value: $0.value) }
        let loaded = EnvironmentLoader(options: EnvironmentOptions(process: process)).load(forDirectory: folder.path("project"))
        let outcome = LintPipeline.lint(.file(file), named: true, environment: loaded.environment, options: FrontEndOptions())
        let errors = (loaded.reports + outcome.reports).flatMap(\.diagnostics).filter { $0.severity == .error }
        return DifferentialVerdict(case: differential, errors: errors)
    }

    /// Every case linted, on all cores, in fixture order; a case that could not be written down
    /// counts as refused, so it never passes unnoticed.
    static func lintAll(_ cases: [DifferentialCase]) -> [DifferentialVerdict] {
        var verdicts: [DifferentialVerdict] = []
        orderedParallelForEach(count: cases.count, jobs: ProcessInfo.processInfo.activeProcessorCount, work: { index in
            do {
                return try lint(cases[index])
            } catch {
                let failure = Diagnostic(rule: .unreadableInput, severity: .error, message: "\(error)", range: nil)
                return DifferentialVerdict(case: cases[index], errors: [failure])
            }
        }, deliver: { verdicts.append($0) })
        return verdicts
    }
}
