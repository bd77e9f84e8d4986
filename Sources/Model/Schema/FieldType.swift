import Syntax

/// The expected shape of a value. Schemas written with these drive the `unknown-field` and
/// `type-mismatch` checks of every template kind and the JSON Schemas stackc publishes, so there is one
/// description of each kind, not two that drift apart.
public indirect enum FieldType: Sendable {
    /// A scalar that reads as a string (a quoted number counts; an unquoted `8080` does not).
    case string
    case integer
    /// An integer or a float.
    case number
    case boolean
    /// One of fixed strings.
    case enumeration([String])
    case list(FieldType)
    /// A list whose items must differ (compose-spec's `uniqueItems`, for the lists Docker Compose does
    /// not de-duplicate before validating: `security_opt`, `depends_on` …).
    case distinctList(FieldType)
    /// A mapping with free keys (labels, environment), each value of the given type, its keys held to
    /// `keys` (compose-spec's `patternProperties`).
    case map(FieldType, keys: KeyRule = .any)
    case object(ObjectSchema)
    /// The first alternative whose shape (scalar, list, mapping) fits the node is checked.
    case oneOf([FieldType])
    /// A value Docker Compose converts (`ComposeConversion`): a value of the native type as written (the
    /// schema's), or a string the conversion takes; another string, or the empty result of a
    /// substitution, is refused.
    case converted(FieldType, ComposeConversion)
    /// A string holding a match of the regular expression, as JSON Schema's unanchored `pattern`
    /// (compose-spec's `pull_policy`); `meaning` names valid values in messages.
    case pattern(String, meaning: String)
    /// A number within bounds (compose-spec's `minimum`/`maximum`: `cpu_percent` 0–100).
    case bounded(FieldType, minimum: Int64?, maximum: Int64?)
    /// Anything, unchecked.
    case any
    case null

    /// How the type is named in messages ("a string or a list of strings").
    public var description: String {
        switch self {
        case .string: "a string"
        case .integer: "an integer"
        case .number: "a number"
        case .boolean: "a boolean"
        case .enumeration(let values): "one of " + values.map { "'\($0)'" }.joined(separator: ", ")
        case .list(let item): "a list of " + item.pluralDescription
        case .distinctList(let item): "a list of distinct " + item.pluralDescription
        case .map, .object: "a mapping"
        case .oneOf(let types): types.map(\.description).joined(separator: " or ")
        case .converted(let native, let conversion): "\(native.description) or a string Docker Compose reads as \(conversion.description)"
        case .pattern(_, let meaning): meaning
        case .bounded(let inner, let minimum, let maximum):
            switch (minimum, maximum) {
            case (let low?, let high?): "\(inner.description) from \(low) to \(high)"
            case (let low?, nil): "\(inner.description) of \(low) or more"
            case (nil, let high?): "\(inner.description) of at most \(high)"
            case (nil, nil): inner.description
            }
        case .any: "any value"
        case .null: "empty"
        }
    }

    var pluralDescription: String {
        switch self {
        case .string: "strings"
        case .integer: "integers"
        case .number: "numbers"
        case .boolean: "booleans"
        case .list, .distinctList: "lists"
        case .map, .object: "mappings"
        case .enumeration, .oneOf, .converted, .bounded, .pattern, .any, .null: "values (\(description))"
        }
    }

    // Shapes Compose uses throughout (compose-spec's definitions).

    /// A scalar that Compose turns into a string: string, number, boolean or null.
    public static let scalarValue: FieldType = .oneOf([.string, .number, .boolean, .null])
    public static let stringList: FieldType = .list(.string)
    public static let stringOrList: FieldType = .oneOf([.string, .list(.string)])
    public static let distinctStrings: FieldType = .distinctList(.string)
    public static let stringOrDistinctList: FieldType = .oneOf([.string, .distinctList(.string)])
    /// `KEY=VALUE` strings or a mapping of scalars (environment, labels, args); a key is never empty.
    public static let listOrDict: FieldType = .oneOf([.map(.scalarValue, keys: .nonEmpty), .list(.string)])
    /// `listOrDict` where Compose does not de-duplicate the list form before validating it.
    public static let distinctListOrDict: FieldType = .oneOf([.map(.scalarValue, keys: .nonEmpty), .distinctList(.string)])
    /// Numbers Compose also accepts as strings (`"2"`, `"1.5"`, `"${CPUS}"` before interpolation).
    public static let numberOrString: FieldType = .oneOf([.number, .string])
    public static let integerOrString: FieldType = .oneOf([.integer, .string])
    public static let booleanOrString: FieldType = .oneOf([.boolean, .string])
    /// The fields compose-go converts after interpolation (see `ComposeConversion`), by their schema type.
    public static let convertedInteger: FieldType = .converted(.integer, .integer)
    public static let convertedBoolean: FieldType = .converted(.boolean, .boolean)
    /// An integer Compose decodes into an unsigned Go field (`update_config.parallelism`,
    /// `restart_policy.max_attempts`, `placement.max_replicas_per_node`): it refuses a negative one
    /// ("cannot parse value as 'uint64': -1 overflows uint"), which the schema lets through.
    public static let convertedUnsigned: FieldType = .converted(.bounded(.integer, minimum: 0, maximum: nil), .integer)
    /// A number in the schema, an integer to the conversion (`cpu_shares`, `pids_limit`).
    public static let numberConvertedToInteger: FieldType = .converted(.number, .integer)
}

/// What the keys of a free mapping must look like.
public enum KeyRule: Sendable {
    case any
    /// compose-spec's `.+`: any key but the empty one.
    case nonEmpty
    /// compose-spec's `^[a-zA-Z0-9._-]+$` for the names of volumes, secrets, configs and the services a
    /// service names: letters, digits, `.`, `_` and `-`.
    case name

    /// The JSON Schema pattern, nil for any key.
    public var pattern: String? {
        switch self {
        case .any: nil
        case .nonEmpty: ".+"
        case .name: "^[a-zA-Z0-9._-]+$"
        }
    }

    /// What is wrong with a key, phrased to follow it, or nil.
    public func problem(in key: String) -> String? {
        switch self {
        case .any:
            return nil
        case .nonEmpty:
            return key.isEmpty ? "is empty" : nil
        case .name:
            if key.isEmpty { return "is empty" }
            let bad = key.unicodeScalars.first { !($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "._-".unicodeScalars.contains($0))) }
            return bad.map { "has '\($0)'; names use only letters, digits, '.', '_' and '-'" }
        }
    }
}

/// The keys a mapping may hold. Keys not listed are `unknown-field` errors with a "did you mean"
/// suggestion, except `x-` extensions where `allowsExtensions` is set.
/// A class, not a struct: schemas are shared, immutable tables, and the validator passes them around
/// for every mapping it visits, which should cost one reference count, not one per stored property.
public final class ObjectSchema: Sendable {
    /// What the mapping is called in messages ("service", "deploy", "container").
    public let name: String
    public let fields: [(name: String, type: FieldType)]
    public let required: [String]
    public let allowsExtensions: Bool
    private let index: [String: Int]
    /// The fields by the digest of their names, in digest order: the walk looks up every key of a
    /// document here, and a digest and a binary search cost a fraction of hashing the key.
    private let byPrint: [(print: KeyPrint, field: Int)]

    public init(_ name: String, allowsExtensions: Bool = true, required: [String] = [], fields: [(String, FieldType)]) {
        self.name = name
        self.fields = fields.map { (name: $0.0, type: $0.1) }
        self.required = required
        self.allowsExtensions = allowsExtensions
        let index = Dictionary(fields.enumerated().map { ($0.element.0, $0.offset) }, uniquingKeysWith: { first, _ in first })
        self.index = index
        self.byPrint = index.values.map { (print: KeyPrint(fields[$0].0), field: $0) }.sorted { ($0.print, $0.field) < ($1.print, $1.field) }
    }

    public func type(of key: String) -> FieldType? {
        let print = KeyPrint(key)
        var low = 0, high = byPrint.count
        while low < high {
            let middle = (low + high) / 2
            if byPrint[middle].print < print { low = middle + 1 } else { high = middle }
        }
        while low < byPrint.count, byPrint[low].print == print {
            if fields[byPrint[low].field].name == key { return fields[byPrint[low].field].type }
            low += 1
        }
        return nil
    }

    /// A copy with more fields (a dialect that extends a base schema).
    public func adding(_ extra: [(String, FieldType)], name: String? = nil) -> ObjectSchema {
        ObjectSchema(name ?? self.name, allowsExtensions: allowsExtensions, required: required,
                     fields: fields.map { ($0.name, $0.type) } + extra.filter { index[$0.0] == nil })
    }
}
