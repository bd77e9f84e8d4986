import Diagnostics
import Driver
import Interpolation
import Rules
import Testing
import TestSupport

/// The security rules on real Compose files: how many files of the corpus's `main` set each fires on
/// (the README's table; the small ones read one by one, the large ones checked against an independent
/// PyYAML count), and findings read by hand in files where the practice is the point of the service.
struct PolicyCorpusTests {
    static let enabled = Testing.ConditionTrait.enabled(if: SharedCorpus.isPresent, "the shared corpus (../shared/corpus beside the package) is not here")

    static func findings(in entry: SharedCorpus.Entry) -> [Diagnostic] {
        let policy = FindingPolicy(categories: [.security])
        let outcome = LintPipeline.lint(.file(entry.url.path), environment: Environment(), options: FrontEndOptions(), policy: policy)
        let ids = Set(RuleRegistry.all.filter { $0.description.category == .security }.map { $0.description.id })
        return outcome.reports.flatMap(\.diagnostics).filter { ids.contains($0.rule) }
    }

    @Test(enabled) func filesEachRuleFiresOn() {
        var files: [String: Int] = [:]
        for entry in SharedCorpus.entries where entry.set == "main" {
            for rule in Set(Self.findings(in: entry).map(\.rule.name)) { files[rule, default: 0] += 1 }
        }
        #expect(files == [
            "missing-memory-limit": 406, "missing-healthcheck": 403, "unpinned-image": 253, "port-all-interfaces": 135,
            "docker-socket-mount": 8, "privileged-container": 3, "host-namespace": 2,
        ])
    }

    @Test(enabled) func cadvisorIsPrivilegedOnTheHostNetworkWithTheHostsFoldersMounted() throws {
        let entry = try #require(SharedCorpus.entries.first { $0.path == "compose/dockprom/docker-compose.exporters.yaml" })
        let cadvisor = Self.findings(in: entry).filter { $0.message.hasPrefix("service 'cadvisor'") }
            .filter { $0.rule.name != "missing-memory-limit" && $0.rule.name != "missing-healthcheck" && $0.rule.name != "unpinned-image" }
        #expect(cadvisor.map { "\($0.range!.start.line) \($0.rule)" } == [
            "23 privileged-container", "27 docker-socket-mount", "28 docker-socket-mount", "33 host-namespace",
        ])
    }

    @Test(enabled) func portainerMountsTheSocket() throws {
        let entry = try #require(SharedCorpus.entries.first { $0.path == "compose/awesome-compose/portainer__compose.yaml" })
        let socket = Self.findings(in: entry).filter { $0.rule == "docker-socket-mount" }
        #expect(socket.map(\.message) == [
            "service 'portainer' mounts the Docker socket '/var/run/docker.sock', which is root on the host; remove the mount, "
                + "or put a proxy that allows only the API calls it needs in front of the socket",
        ])
    }
}
