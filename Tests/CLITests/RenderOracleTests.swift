import Foundation
import Testing
import TestSupport

/// `stackc render --format json`, the whole command, against what Docker Compose v2 answered for every
/// value case of the interpolation oracle (`Tests/InterpolationTests/Fixtures/compose-oracle.jsonl`,
/// written by `scripts/oracle/interpolation_cases.py` from `docker-compose config`): the same values,
/// and exit 1 exactly where Compose failed. Cases sharing an environment are rendered in one file, one
/// variable each; failing cases one file each, since one failure stops a render.
struct RenderOracleTests {
    struct Case: Sendable {
        let name: String
        let input: String
        let environment: [String: String]
        let ok: Bool
        let output: String?
    }

    /// Deliberate differences, asserted by `ComposeOracleTests` with their reasons.
    static let divergences: Set<String> = [
        "unused-required-in-default", "unused-required-in-alt", "required-in-unused-default", "deeply-nested-70",
        "line-count-after-bare-key-with-trailing-space",
    ]

    static let cases: [Case] = {
        let url = packageRoot.appendingPathComponent("Tests/InterpolationTests/Fixtures/compose-oracle.jsonl")
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").compactMap { line in
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                  object["type"] as? String == "value", let name = object["name"] as? String, !divergences.contains(name),
                  let input = object["input"] as? String, let environment = object["env"] as? [String: String],
                  let ok = object["ok"] as? Bool else { return nil }
            return Case(name: name, input: input, environment: environment, ok: ok, output: object["output"] as? String)
        }
    }()

    /// A Compose file with one variable per case in a service's environment, each value double-quoted
    /// (so it stays a string, as Compose's environment values are) with YAML escapes.
    static func template(_ cases: [Case]) -> String {
        "services:\n  s:\n    image: x\n    environment:\n"
            + cases.enumerated().map { "      V\($0.offset): \(quoted($0.element.input))\n" }.joined()
    }

    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            default:
                if scalar.value < 0x20 { result += String(format: "\\x%02X", scalar.value) } else { result.unicodeScalars.append(scalar) }
            }
        }
        return result + "\""
    }

    func render(_ cases: [Case], environment: [String: String]) throws -> (run: StackcRun, values: [String: Any]?) {
        let folder = try TemporaryDirectory()
        let file = try folder.write("compose.yaml", Self.template(cases))
        // Only the case's variables: the test process's own environment must not leak into the answers.
        let run = try runStackc(["render", file, "--format", "json"], environment: environment,
                                removingEnvironment: Set(ProcessInfo.processInfo.environment.keys).subtracting(["PATH", "HOME"]).subtracting(environment.keys))
        let json = try? JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
        let values = ((json?["services"] as? [String: Any])?["s"] as? [String: Any])?["environment"] as? [String: Any]
        return (run, values)
    }

    @Test func thereAreEnoughCases() {
        #expect(Self.cases.count >= 200)
    }

    @Test func acceptedValuesMatchCompose() throws {
        let accepted = Self.cases.filter(\.ok)
        let groups = Dictionary(grouping: accepted) { $0.environment.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "\n") }
        for group in groups.values {
            let (run, values) = try render(group, environment: group[0].environment)
            #expect(run.status == 0, "\(run.stderr)")
            for (index, testCase) in group.enumerated() {
                #expect(values?["V\(index)"] as? String == testCase.output, "\(testCase.name): \(testCase.input)")
            }
        }
    }

    @Test(arguments: cases.filter { !$0.ok }.map(\.name))
    func refusedValuesFailAsInCompose(_ name: String) throws {
        let testCase = try #require(Self.cases.first { $0.name == name })
        let (run, _) = try render([testCase], environment: testCase.environment)
        #expect(run.status == 1, "\(testCase.input): \(run.stdout) \(run.stderr)")
        #expect(run.stdout.isEmpty, "no template is printed when interpolation fails")
    }
}
