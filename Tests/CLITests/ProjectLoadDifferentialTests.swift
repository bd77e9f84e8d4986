import Foundation
import Synchronization
import Testing
import TestSupport

/// How a project is loaded — which files are found (default names, walking up, `COMPOSE_FILE`,
/// `--project-directory`), the project name, `extends` and `include`, and compose-go's own loader test
/// projects — against the real Docker Compose
/// v2.40.3: `scripts/oracle/compose_projects.py` recorded `config --format json` of each case in
/// `Fixtures/ProjectCases/load/cases.jsonl`. Each case is written to a fresh folder and `stackc render
/// … --format json` run in the same sub-folder with the same arguments and variables: it refuses exactly
/// what Compose refuses, and where both accept, each service's image, build context, environment and
/// bind mounts are Compose's (paths compared after resolving stackc's against the project folder).
struct ProjectLoadDifferentialTests {
    struct Case: Sendable {
        let name: String
        let files: [String: String]
        let cwd: String
        let arguments: [String]
        let environment: [String: String]
        let projectDirectory: String
        let error: String?
        /// Per service, Compose's loaded fields; nil when Compose refuses the case.
        let services: [String: [String: String]]?
    }

    /// Where stackc deliberately answers otherwise, with the reason; the test checks they still differ.
    static let deliberate: [String: String] = [:]

    static let cases: [Case] = {
        let url = packageRoot.appendingPathComponent("Tests/CLITests/Fixtures/ProjectCases/load/cases.jsonl")
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").compactMap { line in
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                  let name = object["name"] as? String, let files = object["files"] as? [String: String], let cwd = object["cwd"] as? String,
                  let arguments = object["args"] as? [String], let environment = object["env"] as? [String: String],
                  let projectDirectory = object["projectDir"] as? String, let accepts = object["composeAccepts"] as? Bool else { return nil }
            var services: [String: [String: String]]?
            if accepts, let compose = (object["compose"] as? [String: Any])?["services"] as? [String: [String: Any]] {
                services = compose.mapValues { service in
                    ["image": service["image"] as? String ?? "", "context": service["context"] as? String ?? "",
                     "environment": (service["environment"] as? [String] ?? []).joined(separator: "\n"),
                     "volumes": (service["volumes"] as? [String] ?? []).joined(separator: "\n")]
                }
            }
            return Case(name: name, files: files, cwd: cwd, arguments: arguments, environment: environment, projectDirectory: projectDirectory,
                        error: object["error"] as? String, services: services)
        }
    }()

    @Test func fixtureCoversEveryFamily() {
        #expect(Self.cases.count == 204, "every line decodes")
        for family in ["discovery/", "walk/", "compose-file/", "project-directory/", "name/", "extends/", "include/", "compose-go/"] {
            #expect(Self.cases.contains { $0.name.hasPrefix(family) && $0.services != nil }, "\(family) has accepted cases")
        }
        for family in ["discovery/", "compose-file/", "name/", "extends/", "include/", "compose-go/"] {
            #expect(Self.cases.contains { $0.name.hasPrefix(family) && $0.services == nil }, "\(family) has refused cases")
        }
    }

    static func render(_ loadCase: Case) throws -> StackcRun {
        let folder = try TemporaryDirectory()
        for (path, text) in loadCase.files { try folder.write(path, text) }
        try FileManager.default.createDirectory(atPath: folder.path(loadCase.cwd), withIntermediateDirectories: true)
        return try runStackc(["render"] + loadCase.arguments + ["--format", "json"], environment: loadCase.environment.merging(["HOME": "/tmp"]) { own, _ in own },
                             removingEnvironment: Set(["COMPOSE_FILE", "COMPOSE_PATH_SEPARATOR", "COMPOSE_PROJECT_NAME"]).subtracting(loadCase.environment.keys),
                             currentDirectory: URL(fileURLWithPath: folder.path(loadCase.cwd)))
    }

    @Test func renderLoadsProjectsAsComposeDoes() throws {
        let runs = Mutex([StackcRun?](repeating: nil, count: Self.cases.count))
        DispatchQueue.concurrentPerform(iterations: Self.cases.count) { index in
            let run = try? Self.render(Self.cases[index])
            runs.withLock { $0[index] = run }
        }
        for (loadCase, run) in zip(Self.cases, runs.withLock { $0 }) {
            guard let run else {
                Issue.record("\(loadCase.name): could not be written down")
                continue
            }
            let agrees = (run.status == 0) == (loadCase.services != nil)
            if let reason = Self.deliberate[loadCase.name] {
                #expect(!agrees, "\(loadCase.name) is listed as a deliberate difference (\(reason)) but now agrees with Compose")
                continue
            }
            guard let compose = loadCase.services else {
                #expect(run.status != 0, "\(loadCase.name): Compose refuses it (\(loadCase.error ?? "")); render printed \(run.stdout)")
                continue
            }
            guard run.status == 0, let object = try? JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any] else {
                Issue.record("\(loadCase.name): Compose accepts it; render exited \(run.status): \(run.stderr)")
                continue
            }
            let mine = Self.summary(object["services"] as? [String: Any] ?? [:], projectDirectory: loadCase.projectDirectory)
            #expect(Set(mine.keys) == Set(compose.keys), "\(loadCase.name): services")
            // env_file contents reach `environment` in a later stage (not loading's): compared only without env files.
            let compared = loadCase.files.values.contains { $0.contains("env_file") } ? ["image", "context", "volumes"] : ["image", "context", "environment", "volumes"]
            for (name, service) in compose {
                for (key, value) in service where compared.contains(key) && mine[name]?[key] != value {
                    Issue.record("\(loadCase.name): services.\(name).\(key): render \(mine[name]?[key] ?? "nothing"), Compose \(value)")
                }
            }
        }
    }

    /// The one file of a case that Compose reads through `extends` or `include` — its single `-f` file,
    /// or the single default file found walking up from its folder — named from that folder; nil for others.
    static func singleFile(of loadCase: Case) -> String? {
        guard loadCase.environment["COMPOSE_FILE"] == nil,
              loadCase.files.values.contains(where: { $0.contains("extends") || $0.contains("include") }) else { return nil }
        if loadCase.arguments.count == 2, loadCase.arguments[0] == "-f" { return loadCase.arguments[1] }
        guard loadCase.arguments.isEmpty else { return nil }
        var folder = loadCase.cwd
        var up = ""
        while true {
            let here = folder.isEmpty ? "" : folder + "/"
            let found = ["compose.yaml", "compose.yml", "docker-compose.yml", "docker-compose.yaml"].filter { loadCase.files[here + $0] != nil }
            if let main = found.first {
                let overrides = ["compose.override.yml", "compose.override.yaml", "docker-compose.override.yml", "docker-compose.override.yaml"]
                return overrides.contains(where: { loadCase.files[here + $0] != nil }) ? nil : up + main
            }
            guard !folder.isEmpty else { return nil }
            folder = folder.split(separator: "/").dropLast().joined(separator: "/")
            up += "../"
        }
    }

    /// `stackc lint FILE` — no `-f` — of every recorded case with one file using `extends` or `include`:
    /// the file read as the project Compose reads, so it refuses exactly what Compose refuses and says
    /// exactly what `lint -f FILE` says.
    @Test func lintOfTheFileAloneJudgesAsCompose() throws {
        let cases = Self.cases.compactMap { loadCase in Self.singleFile(of: loadCase).map { (loadCase, $0) } }
        #expect(cases.count == 106, "the fixture's extends and include cases are found")
        #expect(cases.contains { $0.0.services == nil } && cases.contains { $0.0.services != nil })
        let runs = Mutex([(alone: StackcRun, project: StackcRun)?](repeating: nil, count: cases.count))
        DispatchQueue.concurrentPerform(iterations: cases.count) { index in
            let (loadCase, file) = cases[index]
            guard let folder = try? TemporaryDirectory() else { return }
            for (path, text) in loadCase.files { _ = try? folder.write(path, text) }
            try? FileManager.default.createDirectory(atPath: folder.path(loadCase.cwd), withIntermediateDirectories: true)
            let lint = { (arguments: [String]) in
                try runStackc(["lint"] + arguments, environment: loadCase.environment.merging(["HOME": "/tmp"]) { own, _ in own },
                              removingEnvironment: Set(["COMPOSE_FILE", "COMPOSE_PATH_SEPARATOR", "COMPOSE_PROJECT_NAME"]).subtracting(loadCase.environment.keys),
                              currentDirectory: URL(fileURLWithPath: folder.path(loadCase.cwd)))
            }
            guard let alone = try? lint([file]), let project = try? lint(["-f", file]) else { return }
            runs.withLock { $0[index] = (alone, project) }
        }
        for ((loadCase, file), run) in zip(cases, runs.withLock { $0 }) {
            guard let run else {
                Issue.record("\(loadCase.name): could not be run")
                continue
            }
            let composeAccepts = loadCase.services != nil
            #expect(run.alone.status == (composeAccepts ? 0 : 1),
                    "\(loadCase.name): lint \(file) exited \(run.alone.status); Compose \(composeAccepts ? "accepts it" : "refuses it: \(loadCase.error ?? "")")\n\(run.alone.stdout)")
            #expect(run.alone.stdout == run.project.stdout, "\(loadCase.name): lint \(file) differs from lint -f \(file)")
        }
    }

    /// stackc's rendered services reduced to the fields the fixture holds, paths resolved against the project folder.
    static func summary(_ services: [String: Any], projectDirectory: String) -> [String: [String: String]] {
        services.compactMapValues { value in
            guard let service = value as? [String: Any] else { return nil }
            let build = service["build"]
            // A build mapping without a context builds in `.`, Compose's default.
            let context = (build as? String) ?? ((build as? [String: Any]).map { $0["context"] as? String ?? "." })
            return ["image": service["image"] as? String ?? "",
                    "context": context.map { resolve($0, in: projectDirectory) } ?? "",
                    "environment": environment(service["environment"]).sorted().joined(separator: "\n"),
                    "volumes": binds(service["volumes"], projectDirectory: projectDirectory).joined(separator: "\n")]
        }
    }

    static func environment(_ value: Any?) -> [String] {
        if let list = value as? [String] { return list }
        guard let map = value as? [String: Any] else { return [] }
        return map.map { "\($0.key)=\($0.value as? String ?? "\($0.value)")" }
    }

    /// Bind mounts as `source:target`: a short entry whose source is a path, or a long one of type bind.
    static func binds(_ value: Any?, projectDirectory: String) -> [String] {
        (value as? [Any] ?? []).compactMap { entry in
            if let text = entry as? String {
                let parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
                guard parts.count >= 2, parts[0].hasPrefix(".") || parts[0].hasPrefix("/") else { return nil }
                return "\(resolve(parts[0], in: projectDirectory)):\(parts[1])"
            }
            guard let long = entry as? [String: Any], long["type"] as? String == "bind", let source = long["source"] as? String else { return nil }
            return "\(resolve(source, in: projectDirectory)):\(long["target"] as? String ?? "")"
        }
    }

    /// `path` joined to `directory` and cleaned as Python's `os.path.normpath` writes it; an absolute path or a URL as it is.
    static func resolve(_ path: String, in directory: String) -> String {
        if path.hasPrefix("/") || path.contains("://") { return path }
        var parts: [Substring] = []
        for part in (directory + "/" + path).split(separator: "/") {
            switch part {
            case ".": continue
            case "..": if parts.last.map({ $0 != ".." }) ?? false { parts.removeLast() } else { parts.append(part) }
            default: parts.append(part)
            }
        }
        return parts.joined(separator: "/")
    }
}
