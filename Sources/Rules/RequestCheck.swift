import Diagnostics
import Model

/// Where a finding about a request value is reported: the command line (a flag, or a value nobody
/// gave), the stack manifest, or the template.
public enum RequestFindingPlace: Sendable, Equatable {
    case commandLine
    case manifest
    case template
}

/// A finding about an assembled request value, with the input it belongs to.
public struct RequestFinding: Sendable, Equatable {
    public let place: RequestFindingPlace
    public let diagnostic: Diagnostic
}

/// The rules of a request's values besides the template: each value the target reads — from a flag,
/// the stack manifest, the template's own keys or a documented default — is held to the rule that
/// owns its form (`project-name`, `configmap-name`, `scale-bounds`, `integer-overflow`,
/// `undefined-service`, `missing-field`, `type-mismatch`), with that rule's message and severity, and
/// the values are checked against each other (minimum not above maximum). `build` and `submit` run it
/// on everything they assembled; the lint of a stack manifest runs it on what the manifest writes.
public struct RequestCheck {
    /// The endpoint, for messages; nil for a value checked alone.
    let target: TargetID?
    let document: Document?
    private(set) var findings: [RequestFinding] = []

    /// A stack manifest linted alone: what it writes, held to the rules `build` holds it to.
    public static func check(manifest: StackManifestDocument) -> [Diagnostic] {
        guard let name = manifest.target?.scalarText, let target = TargetID(rawValue: name) else { return [] }
        let values = RequestValues.assemble(target: target, flags: [:], manifest: StackManifest.values(of: manifest.root), document: nil)
        return check(values, document: nil, requireAll: false).findings.map(\.diagnostic)
    }

    /// - Parameter requireAll: false for a stack manifest linted alone, which flags may complete.
    public static func check(_ values: RequestValues, document: Document?, requireAll: Bool) -> (findings: [RequestFinding], metadata: RequestMetadata) {
        var check = RequestCheck(target: values.target, document: document)
        for spec in values.specs {
            if let value = values[spec.field] {
                check.checkForm(spec, value)
            } else if spec.required && requireAll {
                check.reportMissing(spec, of: values.target)
            }
        }
        check.checkBounds(values)
        return (check.findings, metadata(of: values))
    }

    /// One value held to a form outside any endpoint's table (a trigger's `type` and `step`).
    public static func check(_ value: RequestValue, as spec: FieldSpec) -> [Diagnostic] {
        var check = RequestCheck(target: nil, document: nil)
        check.checkForm(spec, value)
        return check.findings.map(\.diagnostic)
    }

    // MARK: Forms

    private mutating func checkForm(_ spec: FieldSpec, _ value: RequestValue) {
        let label = label(spec, value)
        switch spec.form {
        case .text:
            break
        case .nonEmpty:
            guard value.text.isEmpty else { break }
            report(.missingField, "\(label) must not be empty" + (target.map { "; \($0.rawValue) needs the \(spec.meaning)" } ?? ""), at: value)
        case .aliyunName:
            checkName(value, label: label, ProjectName.aliyun, rule: ProjectName.description.id)
        case .configMapName:
            checkName(value, label: label, ConfigMapName.pattern, rule: ConfigMapName.description.id)
        case .composeService:
            checkService(value, label: label)
        case .count(let minimum, let maximum):
            checkCount(value, label: label, bounds: CountBounds(minimum: minimum, maximum: maximum))
        case .boolean:
            if RequestValues.boolean(value.text) != nil { break }
            report(.typeMismatch, "\(label) is '\(excerpt(value.text))', not a boolean; use true or false", at: value)
        case .oneOf(let words):
            guard !words.contains(value.text) else { break }
            report(.typeMismatch, "\(label) is '\(excerpt(value.text))'; use one of \(words.map { "'\($0)'" }.joined(separator: ", "))", at: value)
        }
    }

    private mutating func checkName(_ value: RequestValue, label: String, _ pattern: NamePattern, rule: RuleID) {
        guard let problem = pattern.problem(in: value.text) else { return }
        report(rule, NamePattern.message(what: label, name: value.text, problem: problem, fix: pattern.fix), at: value)
    }

    private mutating func checkService(_ value: RequestValue, label: String) {
        guard case .compose(let compose)? = document, compose.service(named: value.text) == nil else { return }
        let names = compose.services.map(\.name.value)
        let suggestion = Suggestions.closest(to: value.text, among: names).map { "; did you mean '\($0)'?" }
            ?? "; the template defines \(names.isEmpty ? "no services" : names.map { "'\(excerpt($0))'" }.joined(separator: ", "))"
        report(UndefinedService.description.id, "\(label) '\(excerpt(value.text))' is not a service of the template\(suggestion)", at: value)
    }

    private mutating func checkCount(_ value: RequestValue, label: String, bounds: CountBounds) {
        switch IntegerReading(text: value.text) {
        case .integer(let number) where Int32(exactly: number) == nil:
            report(IntegerOverflow.description.id, IntegerOverflow.message(label, String(number), negative: number < 0), at: value)
        case .tooLarge:
            report(IntegerOverflow.description.id, IntegerOverflow.message(label, value.text, negative: value.text.hasPrefix("-")), at: value)
        case .integer(let number) where !bounds.contains(number):
            report(ScaleBounds.description.id, ScaleBounds.outside(label, number, bounds), at: value)
        case .notInteger, .absent:
            report(ScaleBounds.description.id, ScaleBounds.notWhole(label, value.text, bounds), at: value)
        case .integer:
            break
        }
    }

    private mutating func reportMissing(_ spec: FieldSpec, of target: TargetID) {
        var sources = ["pass \(spec.field.flag)", "set '\(spec.field.manifestKey)' in a stack manifest"]
        for case .documentKey(let key) in spec.defaults { sources.append("write '\(key)' in the template") }
        let options = sources.count > 2 ? sources.dropLast().joined(separator: ", ") + " or " + sources.last! : sources.joined(separator: " or ")
        findings.append(RequestFinding(place: .commandLine, diagnostic: Diagnostic(
            rule: .missingField, severity: Self.severity(.missingField), message: "\(target.rawValue) needs the \(spec.meaning): \(options)", range: nil)))
    }

    // MARK: Between values

    /// A minimum above its maximum, whichever sources set them; a default that conflicts names the
    /// flag that settles it.
    private mutating func checkBounds(_ values: RequestValues) {
        guard let minimum = values[.minReplicas], let maximum = values[.maxReplicas],
              let low = IntegerReading(text: minimum.text).within32Bits, let high = IntegerReading(text: maximum.text).within32Bits, high < low,
              let minimumSpec = values.specs.first(where: { $0.field == .minReplicas }),
              let maximumSpec = values.specs.first(where: { $0.field == .maxReplicas }) else { return }
        let message = ScaleBounds.maximumBelowMinimum(label(maximumSpec, maximum), high, minimum: label(minimumSpec, minimum), low)
        report(ScaleBounds.description.id, message, at: maximum, notes: [note(minimum, of: minimumSpec, beside: maximum)])
    }

    /// Where the other value of a pair was set: at its position when it is in the same input, else in words.
    private func note(_ value: RequestValue, of spec: FieldSpec, beside other: RequestValue) -> Diagnostic.Note {
        switch (value.origin, other.origin) {
        case (.manifest(let range, _), .manifest), (.template(let range, _), .template):
            return Diagnostic.Note(message: "the minimum is set here", range: range)
        case (.manifest(let range, _), _):
            return Diagnostic.Note(message: "the minimum is set in the stack manifest at line \(range.start.line), column \(range.start.column)", range: nil)
        case (.template(let range, _), _):
            return Diagnostic.Note(message: "the minimum is set in the template at line \(range.start.line), column \(range.start.column)", range: nil)
        case (.flag, _):
            return Diagnostic.Note(message: "the minimum is set by \(spec.field.flag)", range: nil)
        case (.argument(let what), _):
            return Diagnostic.Note(message: "the minimum is set by \(what)", range: nil)
        case (.defaulted(let how), _):
            return Diagnostic.Note(message: "\(spec.meaning) is \(how) when not given; pass \(spec.field.flag) to choose it", range: nil)
        }
    }

    // MARK: Reporting

    /// How a message names a value: the flag as typed, else what the endpoint calls it.
    private func label(_ spec: FieldSpec, _ value: RequestValue) -> String {
        switch value.origin {
        case .flag: spec.field.flag
        // A count is named by the key the manifest writes (`targetCPU`), a name by what it names.
        case .manifest: spec.field.isCount ? spec.field.manifestKey : spec.meaning
        case .template: spec.meaning
        case .defaulted(let how): "\(spec.meaning) (\(how))"
        case .argument(let what): what
        }
    }

    private mutating func report(_ rule: RuleID, _ message: String, at value: RequestValue, notes: [Diagnostic.Note] = []) {
        let place: RequestFindingPlace
        let range: SourceRange?
        let path: NodePath?
        switch value.origin {
        case .manifest(let at, let node): (place, range, path) = (.manifest, at, node)
        case .template(let at, let node): (place, range, path) = (.template, at, node)
        case .flag, .defaulted, .argument: (place, range, path) = (.commandLine, nil, nil)
        }
        findings.append(RequestFinding(place: place, diagnostic: Diagnostic(rule: rule, severity: Self.severity(rule), message: message,
                                                                            range: range, path: path, notes: notes)))
    }

    /// The severity the rule has in a template.
    static func severity(_ rule: RuleID) -> Severity {
        RuleRegistry.rule(rule)?.description.severity ?? .error
    }

    // MARK: The checked values

    /// The values typed for the targets. Meaningful only when there is no error among the findings.
    private static func metadata(of values: RequestValues) -> RequestMetadata {
        func text(_ field: RequestField) -> String? { values[field]?.text }
        func count(_ field: RequestField) -> Int? { values[field].flatMap { IntegerReading(text: $0.text).within32Bits }.map { Int($0) } }
        func boolean(_ field: RequestField) -> Bool? { values[field].flatMap { RequestValues.boolean($0.text) } }
        return RequestMetadata(name: text(.name), project: text(.project), description: text(.description), version: text(.version),
                               appID: text(.appID), service: text(.service), minReplicas: count(.minReplicas), maxReplicas: count(.maxReplicas),
                               targetCPU: count(.targetCPU), blueGreen: boolean(.blueGreen) ?? false, latestImage: boolean(.latestImage),
                               variables: text(.variables).flatMap(VariablesMode.init(rawValue:)) ?? .local)
    }
}
