import Diagnostics

/// JSON Schema (draft 2020-12) from stackc's own schemas, so editors (yaml-language-server) and other
/// tools check templates and request bodies by the very rules stackc applies.
extension FieldType {
    public var jsonSchema: JSONValue {
        switch self {
        case .string: return .object([.init("type", .string("string"))])
        case .integer: return .object([.init("type", .string("integer"))])
        case .number: return .object([.init("type", .string("number"))])
        case .boolean: return .object([.init("type", .string("boolean"))])
        case .null: return .object([.init("type", .string("null"))])
        case .any: return .object([])
        case .enumeration(let values): return .object([.init("enum", .array(values.map(JSONValue.string)))])
        case .list(let item): return .object([.init("type", .string("array")), .init("items", item.jsonSchema)])
        case .distinctList(let item):
            return .object([.init("type", .string("array")), .init("items", item.jsonSchema), .init("uniqueItems", .bool(true))])
        case .map(let value): return .object([.init("type", .string("object")), .init("additionalProperties", value.jsonSchema)])
        // anyOf, not oneOf: the alternatives may overlap (a number is also acceptable where a string is).
        case .oneOf(let alternatives): return .object([.init("anyOf", .array(alternatives.flatMap(\.scalarAlternatives).map(\.jsonSchema)))])
        case .object(let schema): return schema.jsonSchema
        // Any string: an editor sees the file before interpolation, where `${REPLICAS}` is fine.
        case .converted: return FieldType.oneOf([self]).jsonSchema
        case .pattern(let expression, _): return .object([.init("type", .string("string")), .init("pattern", .string(expression))])
        case .bounded(let inner, let minimum, let maximum):
            guard case .object(let members) = inner.jsonSchema else { return inner.jsonSchema }
            return .object(members + [minimum.map { .init("minimum", .int($0)) }, maximum.map { .init("maximum", .int($0)) }].compactMap { $0 })
        }
    }

    /// The alternatives a type stands for in an `anyOf`: a converted value is its native type or any
    /// string (an editor sees the file before interpolation, where `${REPLICAS}` is fine).
    private var scalarAlternatives: [FieldType] {
        if case .converted(let native, _) = self { return [native, .string] }
        return [self]
    }

    /// A complete schema document with its identity and description.
    public func jsonSchemaDocument(id: String, title: String, description: String) -> JSONValue {
        var members: [JSONValue.Member] = [
            .init("$schema", .string("https://json-schema.org/draft/2020-12/schema")),
            .init("$id", .string(id)),
            .init("title", .string(title)),
            .init("description", .string(description)),
        ]
        if case .object(let own) = jsonSchema { members += own }
        return .object(members)
    }
}

extension ObjectSchema {
    var jsonSchema: JSONValue {
        var members: [JSONValue.Member] = [
            .init("type", .string("object")),
            .init("properties", .object(fields.map { .init($0.name, $0.type.jsonSchema) })),
        ]
        if !required.isEmpty { members.append(.init("required", .array(required.map(JSONValue.string)))) }
        if allowsExtensions { members.append(.init("patternProperties", .object([.init("^x-", .object([]))]))) }
        members.append(.init("additionalProperties", .bool(false)))
        return .object(members)
    }
}
