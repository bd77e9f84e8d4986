import Diagnostics
import Interpolation
import Model
@testable import Rules
import Syntax

/// One example of one rule, as a test case.
struct ExampleCase: Sendable, CustomStringConvertible {
    let rule: any Rule.Type
    let example: Example
    let triggering: Bool

    var description: String {
        "\(rule.description.id) \(triggering ? "triggering" : "non-triggering") example at line \(example.line)"
    }

    static var all: [ExampleCase] {
        RuleRegistry.all.flatMap { rule in
            rule.description.triggering.map { ExampleCase(rule: rule, example: $0, triggering: true) }
                + rule.description.nonTriggering.map { ExampleCase(rule: rule, example: $0, triggering: false) }
        }
    }
}

/// Runs a template through the same stages as `lint` (read, interpolate with an empty environment,
/// decode) and then only the given rule.
func runRule(_ rule: any Rule.Type, on text: String, kind: DocumentKind? = nil, platform: Platform? = nil) -> (findings: [Diagnostic], setup: [Diagnostic]) {
    let read = YAMLReader.read(SourceFile(path: "example.yaml", text: text))
    guard let tree = read.tree else { return ([], read.diagnostics) }
    let settings = InterpolationSettings(environment: Environment(), preservedNames: ["ACS_PROJECT_VERSION", "ACS_DEFAULT_DOMAIN", "COMPOSE_PROJECT_NAME"])
    let interpolated = TreeInterpolator.interpolate(tree, settings: settings)
    let decoded = DocumentDecoder.decode(interpolated.tree, kind: kind, isInterpolated: { interpolated.originals[$0] != nil })
    let setup = read.diagnostics + decoded.diagnostics + interpolated.diagnostics.filter { $0.severity == .error }
    guard let document = decoded.document else { return ([], setup) }
    return (RuleEngine.check(document, platform: platform, rules: [rule]), setup)
}
