import Diagnostics
import Driver
import Foundation
import Interpolation
import Testing
import TestSupport

/// The whole pipeline (syntax, interpolation, kind, schema, every rule) on real files written by others:
/// what Docker Compose accepts must have no error, what it refuses must have one, and Kubernetes
/// manifests met in a folder are skipped with a note.
struct CorpusLintTests {
    static let enabled = Testing.ConditionTrait.enabled(if: SharedCorpus.isPresent, "the shared corpus (../shared/corpus beside the package) is not here")

    static func errors(in entry: SharedCorpus.Entry, named: Bool = true) -> [Diagnostic] {
        let outcome = LintPipeline.lint(.file(entry.url.path), named: named, environment: Environment(), options: FrontEndOptions())
        return outcome.reports.flatMap(\.diagnostics).filter { $0.severity == .error }
    }

    @Test(enabled, arguments: SharedCorpus.entries.filter { $0.set == "main" && $0.accepted })
    func whatComposeAcceptsHasNoError(_ entry: SharedCorpus.Entry) {
        let errors = Self.errors(in: entry)
        #expect(errors.isEmpty, "\(errors.map { "\($0.range?.start.description ?? "") \($0.message) [\($0.rule)]" })")
    }

    /// Files Compose refuses only because the empty environment of its run left a value empty
    /// (`container_name: ${FIXED_NAME}`, `image: ${BUILT_IMAGE}`, `- "$DB_PORT"`, `${FILE}:/text_file.txt`), or for what needs
    /// other files (an include cycle) or build platforms: stackc warns about the unset variable instead
    /// of judging a value the real environment will fill.
    static let refusedForTheEnvironmentOrOtherFiles: Set<String> = [
        "compose-invalid/compose-go/loader__testdata__compose-include-cycle.yaml",
        "compose-invalid/compose/pkg__e2e__fixtures__build-test__platforms__compose-service-platform-not-in-build-platforms.yaml",
        "compose-invalid/compose/pkg__e2e__fixtures__logs-test__cat.yaml",
        "compose-invalid/compose/pkg__e2e__testdata__TestUpContainerNameConflict__compose.yaml",
        "compose-invalid/compose/pkg__e2e__testdata__TestImagesAfterImageRemoved__compose.yaml",
        "compose-invalid/compose/pkg__e2e__testdata__TestUpWithBuildDependencies__compose.yaml",
        "compose-invalid/kompose/script__test__fixtures__etherpad__docker-compose.yaml",
        "compose-invalid/kompose/script__test__fixtures__gitlab__docker-compose.yaml",
    ]

    @Test(enabled, arguments: SharedCorpus.entries.filter { $0.set == "negative" && !refusedForTheEnvironmentOrOtherFiles.contains($0.path) })
    func whatComposeRefusesHasAnError(_ entry: SharedCorpus.Entry) {
        #expect(!Self.errors(in: entry).isEmpty, "Compose refuses it: \(entry.firstErrorInSource.isEmpty ? entry.firstError : entry.firstErrorInSource)")
    }

    /// `obsolete-version` fires on exactly the files on which Docker Compose v2.40.3 warns that `version` is
    /// obsolete (recorded with the binary in `Fixtures/compose-version-warnings.txt`), always as a warning.
    @Test(enabled) func obsoleteVersionWhereComposeWarns() throws {
        let fixture = packageRoot.appendingPathComponent("Tests/DriverTests/Fixtures/compose-version-warnings.txt")
        let recorded = try String(contentsOf: fixture, encoding: .utf8).split(separator: "\n").filter { !$0.hasPrefix("#") }.map(String.init)
        var flagged: [String] = []
        for entry in SharedCorpus.entries where entry.set == "main" {
            let outcome = LintPipeline.lint(.file(entry.url.path), named: true, environment: Environment(), options: FrontEndOptions())
            let findings = outcome.reports.flatMap(\.diagnostics).filter { $0.rule == "obsolete-version" }
            #expect(findings.allSatisfy { $0.severity == .warning })
            if !findings.isEmpty { flagged.append(entry.path) }
        }
        #expect(recorded.count == 16)
        #expect(flagged.sorted() == recorded.sorted())
    }

    /// Kubernetes manifests are not templates: found while walking a folder they get notes only, even
    /// with several documents and `$(VAR)` text; named explicitly they are an error saying what they are.
    @Test(enabled) func kubernetesManifestsInAFolderAreSkippedWithANote() throws {
        let manifests = SharedCorpus.entries.filter { $0.set == "pod" }
        #expect(manifests.count > 200)
        var clean = 0
        for entry in manifests {
            let outcome = LintPipeline.lint(.file(entry.url.path), named: false, environment: Environment(), options: FrontEndOptions())
            let diagnostics = outcome.reports.flatMap(\.diagnostics)
            if diagnostics.allSatisfy({ $0.severity == .info }) { clean += 1 }
        }
        // The rest are files with real syntax problems (the kubeconform fixtures' duplicate keys, say).
        #expect(clean >= manifests.count - 6, "\(manifests.count - clean) manifests had warnings or errors")
        let named = Self.errors(in: manifests.first { $0.path.hasSuffix("dns-frontend-pod.yaml") }!)
        #expect(named.map(\.message).first?.hasPrefix("a Kubernetes Pod manifest, not a stackc template") == true, "\(named)")
    }
}
