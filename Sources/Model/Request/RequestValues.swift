import Diagnostics
import Syntax

/// Where an assembled value was set, so that a finding about it is reported there: at the manifest's
/// or the template's line and column, or under the flag's name.
public enum ValueOrigin: Sendable, Equatable {
    /// A command-line flag (its field spells it).
    case flag
    /// A stack manifest's key, at its value.
    case manifest(SourceRange, NodePath)
    /// The template's own key, at its value.
    case template(SourceRange, NodePath)
    /// A documented default; the text says which (`the template's replicas`).
    case defaulted(String)
    /// Part of a command-line argument, described (`type in the trigger URL`).
    case argument(String)
}

/// One value of a request as written, before it is checked and typed.
public struct RequestValue: Sendable, Equatable {
    public let text: String
    public let origin: ValueOrigin

    public init(_ text: String, origin: ValueOrigin) {
        self.text = text
        self.origin = origin
    }
}

/// The values of one request besides the template — flags, stack manifest, the template's own keys and
/// documented defaults — assembled in one place, each with where it came from. `build`, `submit` and
/// the lint of a stack manifest all check what this assembles, so a value is held to the same rules
/// whatever its source.
public struct RequestValues: Sendable {
    public let target: TargetID
    /// The fields the target reads from a template of this kind, in the target's order.
    public let specs: [FieldSpec]
    public private(set) var values: [RequestField: RequestValue] = [:]

    public subscript(field: RequestField) -> RequestValue? { values[field] }

    /// Flags win over the manifest, the manifest over the template's own keys, which win over the
    /// documented defaults. Without a document (a stack manifest linted alone) only what is written
    /// is assembled; the template's keys and the defaults derived from it are unknown.
    public static func assemble(target: TargetID, flags: [RequestField: String], manifest: [RequestField: Located<String>],
                                document: Document?) -> RequestValues {
        let specs = target.fields.filter { spec in spec.onlyFor.map { kind in document.map { $0.kind == kind } ?? true } ?? true }
        var assembled = RequestValues(target: target, specs: specs)
        for spec in specs {
            if let text = flags[spec.field] {
                assembled.values[spec.field] = RequestValue(text, origin: .flag)
            } else if let written = manifest[spec.field] {
                assembled.values[spec.field] = RequestValue(written.value, origin: .manifest(written.range, written.path))
            } else if let document {
                assembled.values[spec.field] = spec.defaults.lazy.compactMap { assembled.value(of: $0, in: document) }.first
            }
        }
        return assembled
    }

    private func value(of fallback: FieldDefault, in document: Document) -> RequestValue? {
        switch fallback {
        case .constant(let text):
            return RequestValue(text, origin: .defaulted("the default"))
        case .documentKey(let key):
            // A Compose file's top-level keys are services and sections, never request values.
            guard document.kind != .compose, let node = document.root[key], let text = node.scalarText else { return nil }
            return RequestValue(text, origin: .template(node.range, node.path))
        case .field(let field):
            return values[field].map { RequestValue($0.text, origin: .defaulted("the \(field.flag) value")) }
        case .templateReplicas:
            return RequestValue(String(max(1, Self.replicas(of: document) ?? 1)), origin: .defaulted("the template's replicas, at least 1"))
        case .minimumOrTemplateReplicas:
            // Only from a minimum the platform can take: a bad one is reported once, not again through its default.
            guard let minimum = values[.minReplicas].flatMap({ Self.integer($0.text) }), minimum >= 1, Int32(exactly: minimum) != nil else { return nil }
            let replicas = Self.replicas(of: document) ?? minimum
            return RequestValue(String(max(minimum, replicas)), origin: .defaulted("the larger of minReplicas and the template's replicas"))
        }
    }

    /// The template's `replicas` when it is a whole number (a pod template's).
    private static func replicas(of document: Document) -> Int64? {
        document.kind == .pod ? document.root["replicas"]?.integer?.value : nil
    }

    /// The boolean a value's text spells, read as an unquoted YAML scalar is.
    public static func boolean(_ text: String) -> Bool? {
        if case .bool(let value) = ScalarValue.resolve(text, style: .plain, tag: nil) { return value }
        return nil
    }

    /// The whole number a value's text spells, read as an unquoted YAML scalar is.
    public static func integer(_ text: String) -> Int64? {
        if case .int(let value) = ScalarValue.resolve(text, style: .plain, tag: nil) { return value }
        return nil
    }
}
