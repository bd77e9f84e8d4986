import Diagnostics
import Driver
import Foundation
import TestSupport
import Testing

/// `render -f compose.yaml -f override.yaml --format json` against the real Docker Compose v2.40.3
/// (`scripts/oracle/compose_merge.py` recorded it): generated pairs over the keys Compose merges by its
/// own rules, with `!reset` and `!override`. Render refuses exactly what Compose refuses, and where
/// both accept, each service's merged keys are equal once both are written in Compose's canonical form
/// (`Canonical`): stackc prints the values as written, Compose normalised.
struct ComposeMergeDifferentialTests {
    /// One line of `Fixtures/compose-merge.jsonl`, with Compose's services in canonical form.
    struct MergeCase: Sendable {
        var name: String
        var files: [String]
        var error: String?
        /// Nil when Compose refuses the pair.
        var compose: [String: [String: String]]?

        static let fixture: [MergeCase] = {
            let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/compose-merge.jsonl")
            let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
            return text.split(separator: "\n").compactMap { line in
                guard let object = JSONParser.parse(Array(line.utf8)), let name = object["name"]?.text,
                      case .array(let files)? = object["files"] else { return nil }
                return MergeCase(name: name, files: files.compactMap(\.text), error: object["error"]?.text,
                                 compose: object["composeAccepts"] == .bool(true) ? object["compose"].map { Canonical.services($0) } : nil)
            }
        }()
    }

    static let cases = MergeCase.fixture

    @Test func fixtureIsComplete() {
        #expect(Self.cases.count == 200, "every line decodes")
        #expect(Self.cases.filter { $0.compose != nil }.count >= 150)
        let texts = Self.cases.map { $0.files[1] }
        #expect(texts.contains { $0.contains("!reset") } && texts.contains { $0.contains("!override") })
    }

    static func render(_ mergeCase: MergeCase, in folder: TemporaryDirectory, index: Int) throws -> JobRun {
        let base = try folder.write("\(index)/project/compose.yaml", mergeCase.files[0])
        let override = try folder.write("\(index)/project/override.yaml", mergeCase.files[1])
        let process = DifferentialVerdict.baseEnvironment.sorted { $0.key < $1.key }.map { (name: $0.key, value: $0.value) }
        var template = SingleTemplate(path: base, options: FrontEndOptions(), environment: EnvironmentOptions(process: process))
        template.overrides = [override]
        let job = RenderJob(template: template, format: .json)
        return JobRun { job.run(output: $0, errors: $1, colors: false) }
    }

    @Test func renderMergesAsComposeDoes() throws {
        let folder = try TemporaryDirectory()
        var runs: [JobRun?] = []
        orderedParallelForEach(count: Self.cases.count, jobs: ProcessInfo.processInfo.activeProcessorCount, work: { index in
            try? Self.render(Self.cases[index], in: folder, index: index)
        }, deliver: { runs.append($0) })
        for (mergeCase, run) in zip(Self.cases, runs) {
            guard let run else {
                Issue.record("\(mergeCase.name): could not be written down")
                continue
            }
            guard let compose = mergeCase.compose else {
                #expect(run.refused, "\(mergeCase.name): Compose refuses it (\(mergeCase.error ?? "")); render printed \(run.output)")
                continue
            }
            guard run.status == .success, let rendered = JSONParser.parse(Array(run.output.utf8))?["services"] else {
                Issue.record("\(mergeCase.name): Compose accepts it; render: \(run.errors)")
                continue
            }
            let mine = Canonical.services(rendered)
            #expect(Set(mine.keys) == Set(compose.keys), "\(mergeCase.name): services")
            for (name, service) in mine {
                for key in Canonical.keys where service[key] != compose[name]?[key] {
                    Issue.record("\(mergeCase.name): services.\(name).\(key): render \(service[key] ?? "nothing"), Compose \(compose[name]?[key] ?? "nothing")")
                }
            }
        }
    }
}

/// The merged keys of a service written one way for both sides: Compose's long syntax and defaults
/// (`published:target/protocol` for ports, `source:target` for volumes, `depends_on` with its condition
/// and `required`, the `default` network when none is named), as sorted text where Compose's order is
/// its own.
enum Canonical {
    static let keys = ["image", "command", "entrypoint", "environment", "labels", "ports", "volumes", "depends_on", "networks", "dns",
                       "extra_hosts", "cap_add", "expose", "healthcheck"]

    static func services(_ value: JSONValue) -> [String: [String: String]] {
        guard case .object(let members) = value else { return [:] }
        return Dictionary(members.map { ($0.key, service($0.value)) }) { first, _ in first }
    }

    static func service(_ service: JSONValue) -> [String: String] {
        var result: [String: String] = [:]
        for key in keys {
            let value = service[key].flatMap { $0 == .null ? nil : $0 }
            let sortedTexts = { (value: JSONValue) in list(value).map(text).sorted().joined(separator: " ") }
            switch key {
            case "environment", "labels": result[key] = value.map(keyValues)
            case "ports": result[key] = value.map { list($0).map(port).sorted().joined(separator: " ") }
            case "volumes": result[key] = value.map { list($0).map(volume).sorted().joined(separator: " ") }
            case "depends_on": result[key] = value.map(dependsOn)
            case "networks": result[key] = networks(value)
            case "extra_hosts": result[key] = value.map { list($0).map { host in text(host).replacing(/^([^:=]+):/) { "\($0.1)=" } }.sorted().joined(separator: " ") }
            case "dns", "cap_add", "expose": result[key] = value.map(sortedTexts)
            case "healthcheck":
                result[key] = value.map { "test=\(list($0["test"] ?? .null).map(text)) retries=\(($0["retries"]).map(text) ?? "")" }
            default: result[key] = value.map { list($0).map(text).joined(separator: " ") }
            }
        }
        return result
    }

    static func text(_ value: JSONValue) -> String {
        value.text ?? (value == .null ? "null" : value.rendered())
    }

    static func list(_ value: JSONValue) -> [JSONValue] {
        if case .array(let items) = value { return items }
        return [value]
    }

    static func members(_ value: JSONValue) -> [JSONValue.Member]? {
        if case .object(let members) = value { return members }
        return nil
    }

    /// `KEY=value` entries and mappings alike as sorted `KEY=value` (`KEY` alone when unset).
    static func keyValues(_ value: JSONValue) -> String {
        let pairs: [(key: String, value: String?)] = members(value).map { $0.map { ($0.key, $0.value == .null ? nil : text($0.value)) } }
            ?? list(value).map { entry in
                let parts = text(entry).split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
                return (parts[0], parts.count > 1 ? parts[1] : nil)
            }
        return pairs.map { pair in pair.value.map { "\(pair.key)=\($0)" } ?? pair.key }.sorted().joined(separator: " ")
    }

    static func port(_ value: JSONValue) -> String {
        if members(value) != nil {
            return "\(value["published"].map(text) ?? ""):\(value["target"].map(text) ?? "")/\(value["protocol"].map(text) ?? "tcp")"
        }
        let spec = text(value).split(separator: "/").map(String.init)
        let parts = (spec.first ?? "").split(separator: ":").map(String.init)
        return "\(parts.count > 1 ? parts[0] : ""):\(parts.last ?? "")/\(spec.count > 1 ? spec[1] : "tcp")"
    }

    static func volume(_ value: JSONValue) -> String {
        if members(value) != nil { return "\(value["source"].map(text) ?? ""):\(value["target"].map(text) ?? "")" }
        let parts = text(value).split(separator: ":").map(String.init)
        return parts.count > 1 ? "\(parts[0]):\(parts[1])" : ":\(parts[0])"
    }

    static func dependsOn(_ value: JSONValue) -> String {
        let entries: [(name: String, settings: JSONValue)] = members(value).map { $0.map { ($0.key, $0.value) } } ?? list(value).map { (text($0), .null) }
        return entries.map { entry in
            "\(entry.name)(\(entry.settings["condition"].map(text) ?? "service_started"),\(entry.settings["required"].map(text) ?? "true"))"
        }.sorted().joined(separator: " ")
    }

    /// The networks named and their aliases; `default` when none is named, as Compose attaches it.
    static func networks(_ value: JSONValue?) -> String {
        guard let value else { return "default[]" }
        let entries: [(name: String, aliases: String)] = members(value).map { $0.map { member in
            (member.key, member.value["aliases"].map { list($0).map(text).sorted().joined(separator: ",") } ?? "")
        } } ?? list(value).map { (text($0), "") }
        return entries.map { "\($0.name)[\($0.aliases)]" }.sorted().joined(separator: " ")
    }
}
