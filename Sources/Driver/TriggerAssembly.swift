import Diagnostics
import Model
import Rules

/// A trigger call's `type` and `step`, from the flags or from the trigger URL's own query, checked as a
/// scaling trigger documents them (PLATFORM_API.md §2: `type=scale_out|scale_in&step=<1–100>`) wherever
/// they come from, and sent once: the URL is passed on without them and the call adds the checked pair.
public struct TriggerAssembly {
    /// The URL without `type` and `step`.
    public let url: String
    /// The checked scaling, nil for a redeploy trigger; meaningful only when `findings` has no error.
    public let scaling: (type: String, step: Int)?
    /// Findings about the values, filed under `<command line>`.
    public let findings: [Diagnostic]

    static let typeSpec = FieldSpec(.triggerType, "type", .oneOf(["scale_out", "scale_in"]))
    static let stepSpec = FieldSpec(.triggerStep, "step", .count(minimum: 1, maximum: 100))

    public init(url: String, type: String?, step: String?) {
        var parts = URLParts(url)
        var findings: [Diagnostic] = []
        func value(_ spec: FieldSpec, flag: String?) -> RequestValue? {
            let written = parts.removeParameters(named: spec.field.manifestKey)
            let fromURL = written.first.map { RequestValue($0, origin: .argument("\(spec.field.manifestKey) in the trigger URL")) }
            if Set(written + (flag.map { [$0] } ?? [])).count > 1 {
                let given = (flag.map { ["\(spec.field.flag) \($0)"] } ?? []) + written.map { "\(spec.field.manifestKey)=\($0) in the URL" }
                findings.append(Diagnostic(rule: .duplicateKey, severity: .error,
                                           message: "the trigger's \(spec.meaning) is given more than once (\(given.joined(separator: ", "))); give it once",
                                           range: nil))
            }
            return flag.map { RequestValue($0, origin: .flag) } ?? fromURL
        }
        let type = value(Self.typeSpec, flag: type)
        let step = value(Self.stepSpec, flag: step)
        for (spec, given) in [(Self.typeSpec, type), (Self.stepSpec, step)] {
            if let given { findings += RequestCheck.check(given, as: spec) }
        }
        if (type == nil) != (step == nil) {
            let missing = type == nil ? Self.typeSpec : Self.stepSpec
            findings.append(Diagnostic(rule: .missingField, severity: .error,
                                       message: "a scaling trigger needs both type and step: pass \(missing.field.flag) as well", range: nil))
        }
        self.url = parts.text
        self.findings = findings
        if let type, let step, let count = RequestValues.integer(step.text) {
            scaling = (type.text, Int(count))
        } else {
            scaling = nil
        }
    }
}
