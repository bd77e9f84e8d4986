/// A JSON value whose objects keep their keys in the order given, for request bodies that must follow
/// the order an API documents. Rendered through `JSONWriter`, compact or indented, byte-stable.
public indirect enum JSONValue: Sendable, Equatable {
    case string(String)
    case int(Int64)
    /// A number already in JSON syntax (floats keep the text they were written with).
    case number(String)
    case bool(Bool)
    case null
    case array([JSONValue])
    case object([Member])

    public struct Member: Sendable, Equatable {
        public let key: String
        public let value: JSONValue

        public init(_ key: String, _ value: JSONValue) {
            self.key = key
            self.value = value
        }
    }

    public func rendered(indent: String? = nil) -> String {
        var writer = JSONWriter(indent: indent)
        write(to: &writer)
        return writer.output
    }

    public func write(to writer: inout JSONWriter) {
        // Iterative, so the depth of a value (built from a template) cannot exhaust the call stack.
        enum Step { case value(JSONValue), key(String), endObject, endArray }
        var steps: [Step] = [.value(self)]
        while let step = steps.popLast() {
            switch step {
            case .key(let key): writer.key(key)
            case .endObject: writer.endObject()
            case .endArray: writer.endArray()
            case .value(let value):
                switch value {
                case .string(let text): writer.string(text)
                case .int(let number): writer.raw(String(number))
                case .number(let text): writer.raw(text)
                case .bool(let flag): writer.bool(flag)
                case .null: writer.null()
                case .array(let items):
                    writer.beginArray()
                    steps.append(.endArray)
                    for item in items.reversed() { steps.append(.value(item)) }
                case .object(let members):
                    writer.beginObject()
                    steps.append(.endObject)
                    for member in members.reversed() {
                        steps.append(.value(member.value))
                        steps.append(.key(member.key))
                    }
                }
            }
        }
    }

    /// The member of an object with this key.
    public subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.key == key }?.value
    }
}
