import Diagnostics
import Driver
import Foundation
import Interpolation
import Model
import Reporting
import TestSupport
import Testing

/// A project's env files, label files and profiles through the commands, in-process: findings in an
/// env file at its own lines, secrets from env files never printed outside a body, and `build -f …`
/// making one template that the real Compose binary, given it alone, renders to the project's services.
struct ProjectEnvTests {
    static let base = """
        services:
          web:
            image: nginx:1.25
            env_file: [app.env, {path: local.env, required: false}]
            environment: {MODE: written}
            label_file: team.labels
            depends_on:
              tracing: {condition: service_started, required: false}
          tracing:
            image: jaegertracing/all-in-one:1.57
            profiles: [debug]
          worker:
            image: busybox:1.36
            profiles: [jobs]
            env_file: jobs.env

        """
    static let override = """
        services:
          web:
            env_file: [more.env]
            labels: {com.example.tier: override}
          worker:
            command: ["sh", "-c", "echo done"]

        """
    static let files = [
        "compose.yaml": base, "override.yaml": override,
        "app.env": "MODE=from-file\nDB_PASSWORD=s3cret-value\nPRICE='$5'\n",
        "more.env": "LEVEL=${LEVEL_DEFAULT:-info}\n",
        "team.labels": "team=core\ncom.example.tier=${team}-web\n",
        "jobs.env": "JOB=nightly\n",
    ]

    static func write(_ files: [String: String], in folder: TemporaryDirectory) throws -> [String] {
        for (name, text) in files { _ = try folder.write("project/\(name)", text) }
        return ["compose.yaml", "override.yaml"].map { folder.path("project/\($0)") }
    }

    static let process = DifferentialVerdict.baseEnvironment.map { (name: $0.key, value: $0.value) }

    @Test func aBadStatementInAnEnvFileIsReportedAtItsLine() throws {
        let folder = try TemporaryDirectory()
        var files = Self.files
        files["more.env"] = "LEVEL=info\nBROKEN=\"open\n"
        let paths = try Self.write(files, in: folder)
        var job = LintJob(paths: [], options: FrontEndOptions(), environment: EnvironmentOptions(process: Self.process), jobs: 1,
                          reporting: LintReportOptions(destinations: [ReportDestination(format: .text)]))
        job.projectFiles = paths
        var output = ""
        let status = job.run(output: { output += $0 }, errors: { _ in })
        #expect(status == .findings)
        #expect(output.contains("\(folder.path("project/more.env")):2:8: error: unterminated quoted value"), "\(output)")
        #expect(!output.contains("s3cret-value"))
    }

    @Test func renderHidesSecretsFromEnvFilesUnlessAsked() throws {
        let folder = try TemporaryDirectory()
        let paths = try Self.write(Self.files, in: folder)
        var template = SingleTemplate(path: paths[0], options: FrontEndOptions(), environment: EnvironmentOptions(process: Self.process))
        template.project = SingleTemplate.ProjectSelection(files: paths)
        let hidden = JobRun { RenderJob(template: template, format: .yaml).run(output: $0, errors: $1, colors: false) }
        #expect(hidden.status == .success, "\(hidden.errors)")
        #expect(hidden.output.contains("DB_PASSWORD: \"<hidden>\"") && !hidden.output.contains("s3cret-value"), "\(hidden.output)")
        #expect(hidden.output.contains("LEVEL: \"info\"") && hidden.output.contains("MODE: written"))
        var shown = RenderJob(template: template, format: .yaml)
        shown.showSecrets = true
        #expect(JobRun { shown.run(output: $0, errors: $1, colors: false) }.output.contains("DB_PASSWORD: \"s3cret-value\""))
    }

    @Test func inactiveDependenciesFollowTheChosenProfiles() throws {
        let folder = try TemporaryDirectory()
        var files = Self.files
        files["override.yaml"] = "services:\n  web:\n    depends_on: [worker]\n"
        let paths = try Self.write(files, in: folder)
        func lint(_ profiles: [String], _ variables: [(name: String, value: String)] = []) -> [String] {
            var options = FrontEndOptions()
            options.profiles = profiles
            let outcome = LintPipeline.lintProject(paths.map { .file($0) }, environment: EnvironmentLoader(options: EnvironmentOptions(process: Self.process + variables))
                .load(forDirectory: folder.path("project")).environment, options: options)
            return outcome.reports.flatMap(\.diagnostics).filter { $0.severity == .error }.map(\.message)
        }
        // Compose: `service "web" depends on undefined service "worker"` unless `jobs` is enabled; stackc
        // says which profile would start it, one finding of `inactive-dependency` at the override's entry.
        #expect(lint([]) == ["service 'web' depends on 'worker' (depends_on), which runs only under profile 'jobs', not enabled by default; "
                             + "enable it (--profile jobs or COMPOSE_PROFILES), take 'worker' out of its profiles, or mark the dependency required: false"])
        let chosen = "service 'web' depends on 'worker' (depends_on), which is not active: it needs profile 'jobs', not chosen in this run; "
            + "start with --profile jobs, take 'worker' out of its profiles, or mark the dependency required: false"
        #expect(lint(["debug"]) == [chosen])
        #expect(lint([], [("COMPOSE_PROFILES", "debug")]) == [chosen])
        // `tracing` is set aside too, but web needs it only with `required: false`.
        #expect(lint(["jobs"]).isEmpty)
        #expect(lint([], [("COMPOSE_PROFILES", "debug,jobs")]).isEmpty)
        // jobs enabled: worker's env file must be there.
        files["jobs.env"] = nil
        try FileManager.default.removeItem(atPath: folder.path("project/jobs.env"))
        #expect(lint(["jobs"]).first?.hasPrefix("env file 'jobs.env' (\(folder.path("project/jobs.env"))) of service 'worker' does not exist") == true)
    }

    /// The finding is `inactive-dependency`'s alone, at the file and line of the reference; a reference
    /// to no service at all stays `undefined-service`'s; a `required: false` dependency excuses the
    /// `links` to the same service, as Compose takes it (`config` accepts).
    @Test func aDependencyTheProfilesSetAsideIsOneFindingAtItsFile() throws {
        let folder = try TemporaryDirectory()
        let base = try folder.write("p/compose.yaml", """
            services:
              web:
                image: nginx
                profiles: [web]
                links: [cache, ghost]
                depends_on:
                  cache: {condition: service_started, required: false}
              api:
                image: api
                profiles: [web]
                network_mode: service:vpn
              cache:
                image: redis
                profiles: [debug]
              vpn:
                image: wireguard
                profiles: [debug, tunnel]

            """)
        var options = FrontEndOptions()
        options.profiles = ["web"]
        let outcome = LintPipeline.lintProject([.file(base)], environment: Environment(), options: options)
        let findings = outcome.reports.flatMap { report in report.diagnostics.map { (report.file.path, $0) } }.filter { $0.1.severity == .error }
        #expect(findings.map { "\($0.0):\($0.1.range!.start.line):\($0.1.range!.start.column) \($0.1.rule) \($0.1.message)" } == [
            "\(base):5:20 undefined-service service 'web' depends on 'ghost' (links), which is not a service of this file",
            "\(base):11:19 inactive-dependency service 'api' depends on 'vpn' (network_mode), which is not active: it needs profiles 'debug', 'tunnel', "
                + "not chosen in this run; start with --profile debug, or take 'vpn' out of its profiles",
        ])
    }

    /// `render --normalize --profile jobs` keeps the services of `jobs`, as `COMPOSE_PROFILES=jobs` does
    /// and as Compose does (`--profile` was read for the project but not for the normalised model).
    @Test func normalizeKeepsTheServicesOfTheProfileFlag() throws {
        let folder = try TemporaryDirectory()
        let paths = try Self.write(Self.files, in: folder)
        func services(profiles: [String], _ variables: [(name: String, value: String)] = []) -> String {
            var options = FrontEndOptions()
            options.profiles = profiles
            var template = SingleTemplate(path: paths[0], options: options, environment: EnvironmentOptions(process: Self.process + variables))
            template.project = SingleTemplate.ProjectSelection(files: paths)
            var job = RenderJob(template: template, format: .json)
            job.composeView = .services
            return JobRun { job.run(output: $0, errors: $1, colors: false) }.output
        }
        #expect(services(profiles: []) == "web\n")
        #expect(services(profiles: ["jobs"]).split(separator: "\n").sorted() == ["web", "worker"])
        #expect(services(profiles: [], [("COMPOSE_PROFILES", "jobs")]).split(separator: "\n").sorted() == ["web", "worker"])
    }

    @Test func lintOfOneFileWithAProfileReadsItAsAProject() throws {
        let folder = try TemporaryDirectory()
        let path = try folder.write("project/compose.yaml", """
            services:
              web: {image: nginx:1.25, depends_on: [helper]}
              helper: {image: busybox:1.36, profiles: [tools], env_file: tools.env}
            """)
        try folder.write("project/tools.env", "TOOL=1\n")
        func status(_ profiles: [String]) -> ExitStatus {
            var options = FrontEndOptions()
            options.profiles = profiles
            let job = LintJob(paths: [path], options: options, environment: EnvironmentOptions(process: Self.process), jobs: 1,
                              reporting: LintReportOptions(destinations: [ReportDestination(format: .text)]))
            return job.run(output: { _ in }, errors: { _ in })
        }
        #expect(status([]) == .findings, "inactive-dependency: helper runs only under tools")
        #expect(status(["tools"]) == .success)
        #expect(status(["other"]) == .findings, "helper set aside: web depends on an undefined service")
    }

    static let lowering = Testing.ConditionTrait.enabled(if: ComposeBinary.path != nil, "needs the Compose binary (STACKC_TEST_PYTHON)")

    /// `build -f compose.yaml -f override.yaml` for both endpoints that take a Compose file: the template in
    /// the body, written alone, is rendered by Compose to the same services as the project with its files.
    @Test(lowering, arguments: [(TargetID.aliyunProject, "template"), (.v2Compose, "content")], [[String](), ["jobs"]])
    func theLoweredTemplateNeedsNoOtherFile(target: (id: TargetID, key: String), profiles: [String]) throws {
        try Self.expectLoweredTemplateRendersAsTheProject(Self.files, target: target, profiles: profiles)
    }

    /// The same with every way a project spans files at once: overrides, `extends` from another file in
    /// another folder, `include`, and env files — the template sent alone holds it all.
    @Test(lowering, arguments: [(TargetID.aliyunProject, "template"), (.v2Compose, "content")])
    func aProjectWithExtendsAndIncludeLowersToOneTemplate(target: (id: TargetID, key: String)) throws {
        var files = Self.files
        files["compose.yaml"] = "include: [lib/cache.yaml]\n" + Self.base.replacingOccurrences(
            of: "  web:\n", with: "  web:\n    extends: {file: lib/common.yaml, service: base}\n")
        files["lib/common.yaml"] = """
            services:
              base:
                environment: {FROM_BASE: "yes", MODE: base}
                labels: {com.example.layer: common}
                env_file: common.env
                command: ["nginx", "-g", "daemon off;"]

            """
        files["lib/common.env"] = "COMMON=from-lib-folder\n"
        files["lib/cache.yaml"] = "services:\n  cache:\n    image: redis:7.2\n    environment: {ROLE: cache}\n"
        try Self.expectLoweredTemplateRendersAsTheProject(files, target: target, profiles: [])
    }

    static func expectLoweredTemplateRendersAsTheProject(_ files: [String: String], target: (id: TargetID, key: String),
                                                          profiles: [String]) throws {
        let folder = try TemporaryDirectory()
        let paths = try Self.write(files, in: folder)
        var options = FrontEndOptions()
        options.profiles = profiles
        var job = BuildJob(path: paths[0], flags: BuildFlags(target: target.id, values: [.name: "shop", .project: "team"]), options: options,
                           environment: EnvironmentOptions(process: Self.process))
        job.overrides = [paths[1]]
        let run = JobRun { job.run(output: $0, errors: $1, colors: false) }
        guard run.status == .success, let template = JSONParser.parse(Array(run.output.utf8))?[target.key]?.text else {
            Issue.record("build: \(run.errors)")
            return
        }
        for key in ["env_file", "label_file", "profiles", "extends", "include"] {
            #expect(!template.contains(key + ":"), "\(key) left in the template: \(template)")
        }
        let alone = try folder.write("elsewhere/template.yaml", template)
        let lowered = try ComposeBinary.render([alone])
        let project = try ComposeBinary.render(paths, profiles: profiles)
        let services = { (json: Any?) in ((json as? [String: Any])?["services"] as? [String: Any]) ?? [:] }
        #expect(!services(project.json).isEmpty, "\(project.message)")
        #expect(Set(services(lowered.json).keys) == Set(services(project.json).keys), "\(lowered.message)")
        for (name, service) in services(project.json) {
            // What a template sent alone cannot hold: profiles, and optional dependencies on services set aside.
            var expected = service as? [String: Any] ?? [:]
            expected["profiles"] = nil
            let dependencies = (expected["depends_on"] as? [String: Any])?.filter { services(project.json)[$0.key] != nil } ?? [:]
            expected["depends_on"] = dependencies.isEmpty ? nil : dependencies
            let actual = services(lowered.json)[name] as? [String: Any] ?? [:]
            #expect(NSDictionary(dictionary: actual).isEqual(to: expected), "\(name): alone \(actual), project \(expected)")
        }
    }
}
