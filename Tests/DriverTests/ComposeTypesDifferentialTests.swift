import Driver
import Foundation
import TestSupport
import Testing

/// `render --format json` against the real Docker Compose v2.40.3 (`scripts/oracle/compose_types.py`
/// recorded it): a value planted at each of compose-go's typed paths and at untyped ones, substituted
/// (`${V}`, `"${V}"`, `${U:-…}`) or written as a quoted literal. Where Compose's `config --format json`
/// prints the value, render prints it with the same JSON type and value; render refuses (exit 1,
/// nothing printed) exactly the cases Compose refuses.
struct ComposeTypesDifferentialTests {
    /// One line of `Fixtures/compose-types.jsonl`.
    struct TypeCase: Decodable, Sendable {
        var name: String
        var yaml: String
        var env: [String: String]
        var path: [PathPart]
        var composeAccepts: Bool
        var composeValue: ScalarJSON?

        static let fixture: [TypeCase] = {
            let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/compose-types.jsonl")
            let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
            return text.split(separator: "\n").compactMap { try? JSONDecoder().decode(TypeCase.self, from: Data($0.utf8)) }
        }()
    }

    enum PathPart: Decodable, Sendable {
        case key(String)
        case index(Int)

        init(from decoder: Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let index = try? container.decode(Int.self) { self = .index(index) } else { self = .key(try container.decode(String.self)) }
        }
    }

    /// A JSON value as far as the comparison goes: its type, and its value when it is a scalar.
    enum ScalarJSON: Decodable, Equatable, Sendable, CustomStringConvertible {
        case bool(Bool)
        case number(Double)
        case string(String)
        case null
        case array([ScalarJSON])
        case object([String: ScalarJSON])

        init(from decoder: Decoder) throws {
            let container = try decoder.singleValueContainer()
            if container.decodeNil() { self = .null }
            else if let flag = try? container.decode(Bool.self) { self = .bool(flag) }
            else if let number = try? container.decode(Double.self) { self = .number(number) }
            else if let text = try? container.decode(String.self) { self = .string(text) }
            else if let items = try? container.decode([ScalarJSON].self) { self = .array(items) }
            else { self = .object(try container.decode([String: ScalarJSON].self)) }
        }

        func at(_ path: [PathPart]) -> ScalarJSON? {
            var value = self
            for part in path {
                switch (part, value) {
                case (.key(let key), .object(let members)):
                    guard let member = members[key] else { return nil }
                    value = member
                case (.index(let index), .array(let items)) where index < items.count:
                    value = items[index]
                default:
                    return nil
                }
            }
            return value
        }

        var description: String {
            switch self {
            case .bool(let flag): "\(flag) (boolean)"
            case .number(let number): "\(number) (number)"
            case .string(let text): "\"\(text)\" (string)"
            case .null: "null"
            case .array, .object: "a collection"
            }
        }
    }

    static let cases = TypeCase.fixture

    /// Cases Compose accepts that render refuses on purpose, by name prefix: the rule of the errors and
    /// why, as in `ComposeDifferentialTests.deliberate`.
    static let deliberate: [(prefix: String, rule: String, reason: String)] = [
        ("untyped/published/", "port-syntax", ComposeDifferentialTests.longSyntaxPort),
    ]

    @Test func fixtureIsComplete() throws {
        #expect(Self.cases.count >= 1000, "every line decodes")
        let valued = Self.cases.filter { $0.composeValue != nil }
        #expect(valued.count >= 500)
        // Every kind of value Compose prints comes up: numbers, booleans and strings.
        #expect(valued.contains { if case .bool = $0.composeValue { true } else { false } })
        #expect(valued.contains { if case .number = $0.composeValue { true } else { false } })
        #expect(valued.contains { $0.composeValue == .string("") })
    }

    /// One case rendered in-process, as `stackc render compose.yaml --format json` runs it in a folder
    /// named `project` with the case's variables plus PATH and HOME as the whole environment.
    static func render(_ typeCase: TypeCase, in folder: TemporaryDirectory, index: Int) throws -> JobRun {
        let file = try folder.write("\(index)/project/compose.yaml", typeCase.yaml)
        let process = DifferentialVerdict.baseEnvironment.merging(typeCase.env) { _, own in own }
            .sorted { $0.key < $1.key }.map { (name: $0.key, value: $0.value) }
        let job = RenderJob(template: SingleTemplate(path: file, options: FrontEndOptions(), environment: EnvironmentOptions(process: process)),
                            format: .json)
        return JobRun { job.run(output: $0, errors: $1, colors: false) }
    }

    @Test func renderGivesEachValueComposesType() throws {
        let folder = try TemporaryDirectory()
        var runs: [JobRun?] = []
        orderedParallelForEach(count: Self.cases.count, jobs: ProcessInfo.processInfo.activeProcessorCount, work: { index in
            try? Self.render(Self.cases[index], in: folder, index: index)
        }, deliver: { runs.append($0) })
        for (typeCase, run) in zip(Self.cases, runs) {
            guard let run else {
                Issue.record("\(typeCase.name): could not be written down")
                continue
            }
            guard typeCase.composeAccepts else {
                #expect(run.refused, "\(typeCase.name): Compose refuses it; render printed \(run.output)")
                continue
            }
            guard run.status == .success else {
                let errors = run.errors.split(separator: "\n").filter { $0.contains(": error: ") }
                if let deliberate = Self.deliberate.first(where: { typeCase.name.hasPrefix($0.prefix) }),
                   !errors.isEmpty, errors.allSatisfy({ $0.hasSuffix("[\(deliberate.rule)]") }) { continue }
                Issue.record("\(typeCase.name): Compose accepts it; render: \(run.errors)")
                continue
            }
            guard let expected = typeCase.composeValue else { continue }
            let rendered = try JSONDecoder().decode(ScalarJSON.self, from: Data(run.output.utf8))
            #expect(rendered.at(typeCase.path) == expected, "\(typeCase.name): render \(rendered.at(typeCase.path)?.description ?? "nothing"), Compose \(expected)")
        }
    }
}
