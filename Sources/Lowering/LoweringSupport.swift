import Diagnostics
import Interpolation
import Model
import Syntax

/// Pieces several targets share: required metadata, the template string in each variables mode, the
/// `environment` map, versions, and typed JSON from template nodes.
extension LoweringInput {
    /// A value the target requires (`TargetID.fields`): the request check reports it missing before
    /// anything is lowered, so its absence here is an internal fault, not a user's mistake.
    func checked<Value>(_ value: Value?, _ field: RequestField, for target: TargetID) throws(LoweringFailure) -> Value {
        guard let value else { throw LoweringFailure("internal error: \(target.rawValue) was lowered without its checked \(field.rawValue)") }
        return value
    }

    func requireKind(_ kinds: [DocumentKind], for target: TargetID) throws(LoweringFailure) {
        guard kinds.contains(document.kind) else {
            throw LoweringFailure("\(target.rawValue) takes a \(kinds.map(\.rawValue).joined(separator: " or ")) template, not a \(document.kind.rawValue)")
        }
    }

    /// The template string for an aliyun project: substituted and `$`-escaped (local), or as written
    /// (keep).
    func aliyunTemplate() throws(LoweringFailure) -> String {
        switch metadata.variables {
        case .keep: return TemplateText.asWritten(file)
        case .local: return try emit(escapeDollars: true)
        }
    }

    /// The template string for APIs that do not substitute variables: always substituted here.
    func substitutedContent() throws(LoweringFailure) -> String {
        try emit(escapeDollars: false)
    }

    private func emit(escapeDollars: Bool) throws(LoweringFailure) -> String {
        do {
            return try TemplateText.emit(interpolated, escapeDollars: escapeDollars)
        } catch {
            throw LoweringFailure(error.description)
        }
    }

    /// The `environment` map: empty when variables were substituted locally; in keep mode the value of
    /// every variable the template references and the environment sets (server-injected names left
    /// to the server).
    func aliyunEnvironment() -> JSONValue {
        guard metadata.variables == .keep else { return .object([]) }
        let members = interpolated.referencedNames
            .filter { !InterpolationSettings.aliyunServerNames.contains($0) }
            .compactMap { name in environment[name].map { JSONValue.Member(name, .string($0.value)) } }
        return .object(members)
    }

    /// `--version`, or for `auto` a digest of exactly what is sent (template and environment), so an
    /// unchanged resubmission carries the same version and the platform's 409 means "unchanged".
    func version(template: String, environment: JSONValue, for target: TargetID) throws(LoweringFailure) -> String {
        let version = try checked(metadata.version, .version, for: target)
        guard version == "auto" else { return version }
        let digest = SHA256.hex(Array((template + "\n" + environment.rendered()).utf8))
        return "sha256-" + String(digest.prefix(12))
    }
}

extension NodeRef {
    /// The node as typed JSON (scalars as `ScalarValue` resolves them), keys in source order; `x-`
    /// extensions and the `kind` marker left out.
    var json: JSONValue {
        switch node.kind {
        case .scalar:
            switch node.resolved {
            case .null: return .null
            case .bool(let value): return .bool(value)
            case .int(let value): return .int(value)
            case .float(let value) where value.isFinite: return .number(node.text)
            case .float: return .string(node.text)
            case .string(let value): return .string(value)
            }
        case .sequence:
            return .array(items.map(\.json))
        case .mapping:
            return .object(entries.filter { !$0.key.value.hasPrefix("x-") }.map { .init($0.key.value, $0.value.json) })
        }
    }

    /// A scalar as a JSON string whatever it resolves to (APIs that take `"0.1"`, `"256Mi"`).
    var jsonString: JSONValue {
        string.map { .string($0.value) } ?? .null
    }
}

extension JSONValue {
    /// An object's members reordered to `order`; members not listed follow in their own order.
    func ordered(_ order: [String], dropping dropped: Set<String> = ["kind"]) -> JSONValue {
        guard case .object(let members) = self else { return self }
        let kept = members.filter { !dropped.contains($0.key) }
        let rank = Dictionary(order.enumerated().map { ($0.element, $0.offset) }, uniquingKeysWith: { first, _ in first })
        let sorted = kept.enumerated().sorted { lhs, rhs in
            let left = rank[lhs.element.key] ?? order.count + lhs.offset
            let right = rank[rhs.element.key] ?? order.count + rhs.offset
            return left < right
        }
        return .object(sorted.map(\.element))
    }
}
