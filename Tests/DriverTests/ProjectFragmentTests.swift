import Diagnostics
import Driver
import Reporting
import TestSupport
import Testing

/// `lint DIR`: an override fragment is checked merged onto its base (`ProjectFragment`), as Compose
/// only ever reads it, and reported alone; a project `.stackc.yaml` declares is checked as one; other
/// files are linted as before.
struct ProjectFragmentTests {
    static let base = "services:\n  web:\n    image: nginx:1.25\n    ports: [\"70000:80\"]\n"
    static let fragment = "services:\n  web:\n    environment: [MODE=prod]\n    ports: [\"80000:81\"]\n"

    static func lint(_ files: [String: String]) throws -> (status: ExitStatus, output: String) {
        let folder = try TemporaryDirectory()
        for (name, text) in files { _ = try folder.write("repo/\(name)", text) }
        let job = LintJob(paths: [folder.path("repo")], options: FrontEndOptions(), environment: EnvironmentOptions(process: []), jobs: 2,
                          reporting: LintReportOptions(destinations: [ReportDestination(format: .text)]))
        var output = ""
        let status = job.run(output: { output += $0 }, errors: { _ in })
        return (status, output.replacingOccurrences(of: folder.path("repo") + "/", with: ""))
    }

    @Test func fragmentsAreCheckedMergedOntoTheirBase() throws {
        let run = try Self.lint(["compose.yaml": Self.base, "compose.override.yaml": Self.fragment, "app.yml": Self.base.replacing("70000", with: "8080"),
                                 "app.override.yml": "services:\n  web:\n    command: [serve]\n", "compose.prod.yaml": Self.fragment])
        let lines = run.output.split(separator: "\n").map(String.init)
        // The base's own finding once, at the base; the fragment's at the fragment, with no "no image" error.
        #expect(lines.filter { $0.contains("70000") }.count == 1 && lines.contains { $0.hasPrefix("compose.yaml:4:") })
        #expect(lines.contains { $0.hasPrefix("compose.override.yaml:4:13") && $0.contains("80000") }, "\(run.output)")
        #expect(!lines.contains { $0.hasPrefix("compose.override.yaml") && $0.contains("service-image") })
        #expect(!lines.contains { $0.hasPrefix("app.override.yml") }, "\(run.output)")
        // A variant with no `override` part may be a file of its own: linted alone, where it lacks an image.
        #expect(lines.contains { $0.hasPrefix("compose.prod.yaml:2:3") && $0.contains("service-image") }, "\(run.output)")
    }

    @Test func aFragmentWithoutItsBaseIsLintedAlone() throws {
        let run = try Self.lint(["docker-compose.override.yml": "services:\n  web:\n    ports: [\"80000:81\"]\n"])
        #expect(run.output.hasPrefix("docker-compose.override.yml:3:13: error: port '80000:81'"), "\(run.output)")
    }

    @Test func aProjectDeclaredInTheConfigurationIsCheckedAsOne() throws {
        let files = [
            "compose.yaml": "services:\n  web:\n    image: nginx:${TAG:?set TAG}\n    depends_on: [helper]\n  helper:\n    image: busybox:1.36\n    profiles: [tools]\n",
            "compose.prod.yaml": "services:\n  web:\n    environment: [MODE=prod]\n",
            "ci.env": "TAG=1.25\n",
        ]
        let alone = try Self.lint(files)
        #expect(alone.output.contains("compose.prod.yaml:2:3: error: service 'web' has neither 'image' nor 'build'"), "\(alone.output)")
        let declared = try Self.lint(files.merging([".stackc.yaml": "projects:\n  - files: [compose.yaml, compose.prod.yaml]\n    profiles: [tools]\n    env-files: ci.env\n"]) { $1 })
        #expect(declared.status == .success, "\(declared.output)")
        // Without its profile, the project's default service depends on one set aside.
        let withoutProfile = try Self.lint(files.merging([".stackc.yaml": "projects:\n  - files: [compose.yaml, compose.prod.yaml]\n    env-files: [ci.env]\n"]) { $1 })
        #expect(withoutProfile.output.contains("compose.yaml:4:18: error:") && withoutProfile.output.contains("helper"), "\(withoutProfile.output)")
    }
}
