import Diagnostics
import Driver
import Foundation
import Interpolation
import TestSupport
import Testing

/// Projects of two Compose files with env files, label files and profiles, judged by the real Docker
/// Compose v2.40.3 (`scripts/oracle/compose_project_env.py` recorded `config --format json` of each, with
/// the case's `--profile` flags and variables). stackc's verdict is Compose's, both as `lint -f … -f …`
/// reads the project and as `build` makes it one self-contained template; where Compose accepts,
/// every service it runs has, in the self-contained template, the `environment` and `labels` Compose
/// gives it (env and label files folded in under the values written in the Compose files).
///
/// Deliberate difference: with no profile chosen, `lint` keeps the services of profiles and checks
/// them as if enabled (`inactive-dependency`, `service-image` say why), so the services compared are
/// the ones Compose runs. No recorded case needs another exception.
struct ComposeProjectEnvTests {
    struct ProjectCase: Sendable {
        var name: String
        var files: [(name: String, text: String)]
        var composeFiles: [String]
        var profiles: [String]
        var env: [String: String]
        var error: String?
        /// Each service Compose runs with its canonical `environment` and `labels`; nil when Compose refuses.
        var services: [String: [String: String]]?

        static let fixture: [ProjectCase] = {
            let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/ProjectCases/env/cases.jsonl")
            let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
            return text.split(separator: "\n").compactMap { line in
                guard let object = JSONParser.parse(Array(line.utf8)), let name = object["name"]?.text,
                      case .object(let files)? = object["files"], case .array(let composeFiles)? = object["composeFiles"],
                      case .array(let profiles)? = object["profiles"], case .object(let env)? = object["env"] else { return nil }
                var services: [String: [String: String]]?
                if object["composeAccepts"] == .bool(true), case .object(let members)? = object["services"] {
                    services = Dictionary(uniqueKeysWithValues: members.map { ($0.key, canonical($0.value)) })
                }
                return ProjectCase(name: name, files: files.map { ($0.key, $0.value.text ?? "") }, composeFiles: composeFiles.compactMap(\.text),
                                   profiles: profiles.compactMap(\.text), env: Dictionary(uniqueKeysWithValues: env.map { ($0.key, $0.value.text ?? "") }),
                                   error: object["error"]?.text, services: services)
            }
        }()
    }

    /// A service's `environment` and `labels` as sorted `KEY=value` text.
    static func canonical(_ service: JSONValue) -> [String: String] {
        ["environment", "labels"].reduce(into: [:]) { result, key in
            result[key] = service[key].flatMap { $0 == .null ? nil : Canonical.keyValues($0) } ?? ""
        }
    }

    static let cases = ProjectCase.fixture

    @Test func fixtureIsComplete() {
        #expect(Self.cases.count == 160, "every line decodes")
        let accepted = Self.cases.filter { $0.services != nil }
        #expect(accepted.count >= 60 && Self.cases.count - accepted.count >= 40)
        let texts = Self.cases.flatMap(\.files).map(\.text)
        for form in ["required: false", "format: raw", "label_file", "profiles"] {
            #expect(texts.contains { $0.contains(form) }, "cases use \(form)")
        }
        #expect(Self.cases.contains { $0.env["COMPOSE_PROFILES"] != nil } && Self.cases.contains { !$0.profiles.isEmpty })
    }

    /// The case's project written down, and its variables as `lint` loads them (`.env` included).
    static func project(_ projectCase: ProjectCase, in folder: TemporaryDirectory, index: Int) throws -> (files: [SourceFile], environment: Environment, envErrors: [Diagnostic]) {
        for file in projectCase.files { try folder.write("\(index)/project/\(file.name)", file.text) }
        let directory = folder.path("\(index)/project")
        let variables = DifferentialVerdict.baseEnvironment.merging(projectCase.env) { _, own in own }
        let process = variables.sorted { $0.key < $1.key }.map { (name: $0.key, value: $0.value) }
        let loaded = EnvironmentLoader(options: EnvironmentOptions(process: process)).load(forDirectory: directory)
        let files = projectCase.composeFiles.map { name in
            SourceFile(path: "\(directory)/\(name)", bytes: Array((projectCase.files.first { $0.name == name }?.text ?? "").utf8))
        }
        return (files, loaded.environment, loaded.reports.flatMap(\.diagnostics).filter { $0.severity == .error })
    }

    struct Outcome: Sendable {
        var lintErrors: [Diagnostic]
        var buildErrors: [Diagnostic]
        /// The self-contained template's services, canonical.
        var services: [String: [String: String]]
    }

    static func run(_ projectCase: ProjectCase, in folder: TemporaryDirectory, index: Int) throws -> Outcome {
        let (files, environment, envErrors) = try project(projectCase, in: folder, index: index)
        var options = FrontEndOptions()
        options.profiles = projectCase.profiles
        let linted = LintPipeline.lintProject(files.map { .file($0.path) }, environment: environment, options: options)
        options.selfContained = true
        let built = ProjectFrontEnd.process(files, directory: FrontEnd.directory(of: .file(files[0].path)), environment: environment, options: options)
        let checked = TemplateCheck.run(built.processed, kind: nil, platform: nil).diagnostics + built.envFileReports.flatMap(\.diagnostics)
        var services: [String: [String: String]] = [:]
        if let tree = built.processed.tree, case .object(let members)? = JSONParser.parse(Array(tree.json().utf8))?["services"] {
            services = Dictionary(uniqueKeysWithValues: members.map { ($0.key, canonical($0.value)) })
        }
        return Outcome(lintErrors: envErrors + linted.reports.flatMap(\.diagnostics).filter { $0.severity == .error },
                       buildErrors: envErrors + checked.filter { $0.severity == .error }, services: services)
    }

    @Test func verdictsAndValuesAreComposes() throws {
        let folder = try TemporaryDirectory()
        var outcomes: [Outcome?] = []
        orderedParallelForEach(count: Self.cases.count, jobs: ProcessInfo.processInfo.activeProcessorCount, work: { index in
            try? Self.run(Self.cases[index], in: folder, index: index)
        }, deliver: { outcomes.append($0) })
        for (projectCase, outcome) in zip(Self.cases, outcomes) {
            guard let outcome else {
                Issue.record("\(projectCase.name): could not be written down")
                continue
            }
            let accepted = projectCase.services != nil
            let said = { (errors: [Diagnostic]) in errors.map { "\($0.message) [\($0.rule)]" } }
            #expect(outcome.lintErrors.isEmpty == accepted, "\(projectCase.name) lint: Compose \(projectCase.error ?? "accepts"); stackc \(said(outcome.lintErrors))")
            #expect(outcome.buildErrors.isEmpty == accepted, "\(projectCase.name) build: Compose \(projectCase.error ?? "accepts"); stackc \(said(outcome.buildErrors))")
            guard let services = projectCase.services else { continue }
            #expect(Set(outcome.services.keys) == Set(services.keys), "\(projectCase.name): the services Compose runs")
            for (name, values) in services where outcome.services[name] != values {
                Issue.record("\(projectCase.name): services.\(name): stackc \(outcome.services[name] ?? [:]), Compose \(values)")
            }
        }
    }
}
