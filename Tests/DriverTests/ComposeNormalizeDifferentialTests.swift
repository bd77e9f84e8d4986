import Diagnostics
import Driver
import Foundation
import TestSupport
import Testing

/// `stackc render --normalize` and the listings against the real Docker Compose v2.40.3
/// (`scripts/oracle/compose_normalize.py` recorded `docker compose config --format json`, `--services`,
/// `--images`, `--volumes`, `--profiles` and `--variables` for corpus files, mutations of them,
/// synthetic cases, projects of two files, `models` and `label_file`; `scripts/oracle/compose_include_env.py`
/// the same for projects whose included files have variables of their own). Replayed in-process: where
/// Compose refuses, render refuses and prints nothing; where it accepts, the JSON is byte-equal once the
/// project folder is written `.` on both sides (Compose prints absolute paths), and each listing has the
/// same lines — in the same order for `--profiles` and the `--variables` header, as the same set where
/// Compose prints in Go's random map order.
struct ComposeNormalizeDifferentialTests {
    /// One line of `Fixtures/compose-normalize.jsonl` or `Fixtures/compose-normalize-include.jsonl`.
    struct NormalizeCase: Sendable {
        var name: String
        var files: [String]
        /// More files the project reads (included files, `.env`), by path relative to the project folder.
        var tree: [String: String]
        var env: [String: String]
        var error: String?
        /// Compose's JSON, nil when Compose refuses the project.
        var json: String?
        var listings: [ComposeConfigView: [String]]

        static let fixture = read("compose-normalize.jsonl") + read("compose-normalize-include.jsonl")

        static func read(_ name: String) -> [NormalizeCase] {
            let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/\(name)")
            let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
            return text.split(separator: "\n").compactMap { line in
                guard let object = JSONParser.parse(Array(line.utf8)), let name = object["name"]?.text,
                      case .array(let files)? = object["files"], case .object(let env)? = object["env"] else { return nil }
                var listings: [ComposeConfigView: [String]] = [:]
                for view in ComposeConfigView.allCases where view != .normalize {
                    if case .array(let lines)? = object[view.rawValue] { listings[view] = lines.compactMap(\.text) }
                }
                var tree: [String: String] = [:]
                if case .object(let members)? = object["tree"] { for member in members { tree[member.key] = member.value.text } }
                return NormalizeCase(name: name, files: files.compactMap(\.text), tree: tree,
                                     env: Dictionary(env.compactMap { member in member.value.text.map { (member.key, $0) } }) { first, _ in first },
                                     error: object["error"]?.text, json: object["composeAccepts"] == .bool(true) ? object["json"]?.text : nil,
                                     listings: listings)
            }
        }
    }

    static let cases = NormalizeCase.fixture

    /// Where stackc knowingly prints something else than Compose, by case name, with the reason.
    static let deliberateDifferences: [String: String] = [
        "synthetic/durations/small": "lint's duration rule refuses a healthcheck timeout under 1ms, which the engine refuses at create",
        "corpus/compose/pkg__e2e__fixtures__build-test__ssh__compose":
            "Compose fails to print a build ssh key with a path (its JSON would be invalid); stackc prints it id=path",
        "include-env/conflict/same-file-two-env-files":
            "an included resource is compared with one already imported as written, before substitution, not as Compose compares them after",
    ]

    @Test func fixtureIsComplete() {
        #expect(Self.cases.count >= 250, "every line decodes")
        #expect(Self.cases.filter { $0.json != nil }.count >= 200)
        #expect(Self.cases.filter { $0.files.count == 2 }.count >= 20)
        #expect(Self.cases.filter { $0.name.hasPrefix("corpus/") }.count >= 100)
        #expect(Self.cases.filter { $0.name.hasPrefix("include-env/") }.count >= 30)
        #expect(Self.cases.filter { $0.name.hasPrefix("models/") }.count >= 20)
        #expect(Self.cases.filter { $0.name.hasPrefix("label-file/") }.count >= 10)
    }

    /// Runs render with `view` on the case written to a folder `project` of its own temporary folder,
    /// as deep as the recorder's, so that a path climbing out of both (`../../x`) lands alike.
    static func render(_ normalizeCase: NormalizeCase, view: ComposeConfigView) throws -> (JobRun, String) {
        let folder = try TemporaryDirectory()
        let names = ["compose.yaml", "override.yaml"]
        var paths: [String] = []
        for (name, text) in zip(names, normalizeCase.files) { paths.append(try folder.write("project/\(name)", text)) }
        for (path, text) in normalizeCase.tree { _ = try folder.write("project/\(path)", text) }
        let variables = DifferentialVerdict.baseEnvironment.merging(normalizeCase.env) { _, own in own }
        let process = variables.sorted { $0.key < $1.key }.map { (name: $0.key, value: $0.value) }
        var template = SingleTemplate(path: paths[0], options: FrontEndOptions(), environment: EnvironmentOptions(process: process))
        template.overrides = Array(paths.dropFirst())
        var job = RenderJob(template: template, format: .json)
        job.showSecrets = true
        job.composeView = view
        return (JobRun { job.run(output: $0, errors: $1, colors: false) }, folder.path("project"))
    }

    /// Paths relative to the project folder, as the recorder wrote them: `FOLDER/x` as `x`, `FOLDER` as
    /// `.`, a path beside the folder as `../x`.
    static func relative(_ text: String, folder: String) -> String {
        let parent = String(folder[..<(folder.lastIndex(of: "/") ?? folder.endIndex)])
        return text.replacing(folder + "/", with: "").replacing(folder, with: ".").replacing(parent + "/", with: "../").replacing(parent, with: "..")
    }

    /// Each case's verdict for `view`: nil when it agrees with Compose, else what differs. `--variables`
    /// reads a file before substitution, so where Compose refused the JSON (which stopped the recording)
    /// it has no verdict to compare with and the case is left out.
    static func differences(of view: ComposeConfigView) -> [(name: String, difference: String?)] {
        let compared = Self.cases.filter { view != .variables || $0.json != nil }
        var results: [(name: String, difference: String?)] = []
        orderedParallelForEach(count: compared.count, jobs: ProcessInfo.processInfo.activeProcessorCount, work: { index -> String? in
            let normalizeCase = compared[index]
            guard let (run, project) = try? Self.render(normalizeCase, view: view) else { return "could not be written down" }
            guard let json = normalizeCase.json else {
                return run.refused ? nil : "Compose refuses it (\(normalizeCase.error ?? "")); render printed \(run.output)"
            }
            guard run.status == .success else { return "Compose accepts it; render: \(run.errors)" }
            let mine = Self.relative(run.output, folder: project)
            if view == .normalize { return mine == json ? nil : "render --normalize:\n\(mine)\nCompose:\n\(json)" }
            guard let theirs = normalizeCase.listings[view] else { return "Compose printed no listing" }
            let lines = mine.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
            let ordered = view == .profiles ? lines == theirs
                : view == .variables ? lines.first == theirs.first && lines.dropFirst().sorted() == theirs.dropFirst().sorted()
                : lines.sorted() == theirs.sorted()
            return ordered ? nil : "render --\(view.rawValue): \(lines); Compose: \(theirs)"
        }, deliver: { results.append((compared[results.count].name, $0)) })
        return results
    }

    @Test func normalizeEqualsComposeConfig() throws {
        let results = Self.differences(of: .normalize)
        for (name, difference) in results {
            if let reason = Self.deliberateDifferences[name] {
                #expect(difference != nil, "\(name) is listed as a deliberate difference (\(reason)) but now agrees: remove it from the list")
            } else if let difference {
                Issue.record("\(name): \(difference)")
            }
        }
        let agreeing = results.filter { $0.difference == nil }.count
        print("render --normalize agrees with docker compose config --format json on \(agreeing) of \(results.count) cases")
    }

    @Test(arguments: [ComposeConfigView.services, .images, .volumes, .profiles, .variables])
    func listingsEqualComposeConfig(view: ComposeConfigView) throws {
        let results = Self.differences(of: view)
        for (name, difference) in results where Self.deliberateDifferences[name] == nil {
            if let difference { Issue.record("\(name): \(difference)") }
        }
        print("render --\(view.rawValue) agrees with docker compose config on \(results.filter { $0.difference == nil }.count) of \(results.count) cases")
    }
}
