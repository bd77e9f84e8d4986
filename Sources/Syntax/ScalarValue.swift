/// The typed value of a scalar as Docker Compose reads it (YAML 1.2 core schema as go-yaml v3 implements
/// it): `yes`/`no`/`on`/`off` stay strings, `true`/`false` in three spellings are booleans, integers use
/// Go's base-prefix syntax (`0x1F`, `0o17`, `0b101`, legacy `017`, `_` separators), and any quoted
/// scalar is a string unless an explicit tag says otherwise.
public enum ScalarValue: Hashable, Sendable {
    case null
    case bool(Bool)
    case int(Int64)
    case float(Double)
    case string(String)

    /// The value of a number, nil for anything else.
    public var numericValue: Double? {
        switch self {
        case .int(let value): Double(value)
        case .float(let value): value
        default: nil
        }
    }

    /// Whether the scalar reads as a string (quoted, or plain text that is no other type).
    public var isString: Bool {
        if case .string = self { return true }
        return false
    }

    public var typeDescription: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .int: "an integer"
        case .float: "a number"
        case .string: "a string"
        }
    }
}

extension YAMLNode {
    /// Whether this is a scalar that resolves to null, answered from the first byte for almost every
    /// scalar (rules ask it of every value they read; `resolved` would parse numbers to tell). Inlined,
    /// so that the answer reads two fields and a byte in place instead of copying the node into a call.
    @inlinable
    public var isNullScalar: Bool {
        guard kind == .scalar else { return false }
        if tagID == .none, style == .plain {
            guard let first = text.utf8.first else { return true }
            guard first == UInt8(ascii: "~") || first == UInt8(ascii: "n") || first == UInt8(ascii: "N") else { return false }
        }
        return resolvesToNull
    }

    /// The rare case of `isNullScalar`, out of line to keep the common one small.
    @usableFromInline
    var resolvesToNull: Bool { resolved == .null }

    /// The scalar's typed value (collections resolve to `.null`). Inlined, like `isNullScalar`: read
    /// through a node's address, an out-of-line property would take a copy of the whole node.
    @inlinable
    public var resolved: ScalarValue {
        guard kind == .scalar else { return .null }
        return ScalarValue.resolve(text, style: style, tag: tagID.text)
    }
}

extension ScalarValue {
    static let tagPrefix = "tag:yaml.org,2002:"

    public static func resolve(_ text: String, style: ScalarStyle, tag: String?) -> ScalarValue {
        if let tag, tag.hasPrefix(tagPrefix) {
            switch tag.dropFirst(tagPrefix.count) {
            case "str": return .string(text)
            case "null": return .null
            case "bool": return resolveBool(text).map(ScalarValue.bool) ?? .string(text)
            case "int": return resolveInt(text).map(ScalarValue.int) ?? .string(text)
            case "float": return resolveFloat(text).map(ScalarValue.float) ?? resolveInt(text).map { .float(Double($0)) } ?? .string(text)
            default: break
            }
        }
        guard style == .plain, tag == nil else { return .string(text) }
        return resolvePlain(text)
    }

    static func resolvePlain(_ text: String) -> ScalarValue {
        guard let first = text.utf8.first else { return .null }
        switch first {
        case UInt8(ascii: "~"), UInt8(ascii: "n"), UInt8(ascii: "N"):
            if text == "~" || text == "null" || text == "Null" || text == "NULL" { return .null }
        case UInt8(ascii: "t"), UInt8(ascii: "T"), UInt8(ascii: "f"), UInt8(ascii: "F"):
            if let value = resolveBool(text) { return .bool(value) }
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."):
            if let value = resolveInt(text) { return .int(value) }
            if let value = resolveFloat(text) { return .float(value) }
        default:
            break
        }
        return .string(text)
    }

    static func resolveBool(_ text: String) -> Bool? {
        switch text {
        case "true", "True", "TRUE": true
        case "false", "False", "FALSE": false
        default: nil
        }
    }

    /// Go's `strconv.ParseInt(s, 0, 64)` after removing `_`, as go-yaml v3 does.
    static func resolveInt(_ text: String) -> Int64? {
        withNumberBytes(text, parseInt)
    }

    /// `resolveInt` over the bytes left after removing `_`.
    private static func parseInt(_ all: UnsafeBufferPointer<UInt8>) -> Int64? {
        var bytes = all[...]
        guard !bytes.isEmpty else { return nil }
        var negative = false
        if bytes.first == UInt8(ascii: "-") || bytes.first == UInt8(ascii: "+") {
            negative = bytes.first == UInt8(ascii: "-")
            bytes.removeFirst()
        }
        var radix: UInt64 = 10
        if bytes.count > 1, bytes.first == UInt8(ascii: "0") {
            switch bytes[bytes.startIndex + 1] {
            case UInt8(ascii: "x"), UInt8(ascii: "X"): radix = 16; bytes.removeFirst(2)
            case UInt8(ascii: "o"), UInt8(ascii: "O"): radix = 8; bytes.removeFirst(2)
            case UInt8(ascii: "b"), UInt8(ascii: "B"): radix = 2; bytes.removeFirst(2)
            default: radix = 8; bytes.removeFirst()
            }
        }
        guard !bytes.isEmpty else { return nil }
        var magnitude: UInt64 = 0
        for byte in bytes {
            let digit: UInt64
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt64(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt64(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt64(byte - UInt8(ascii: "A") + 10)
            default: return nil
            }
            guard digit < radix else { return nil }
            let (product, overflowMultiply) = magnitude.multipliedReportingOverflow(by: radix)
            let (sum, overflowAdd) = product.addingReportingOverflow(digit)
            guard !overflowMultiply, !overflowAdd else { return nil }
            magnitude = sum
        }
        if negative {
            guard magnitude <= UInt64(Int64.max) + 1 else { return nil }
            return magnitude == UInt64(Int64.max) + 1 ? Int64.min : -Int64(magnitude)
        }
        guard magnitude <= UInt64(Int64.max) else { return nil }
        return Int64(magnitude)
    }

    /// go-yaml v3's float syntax: `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?` and the `.inf`/`.nan` words.
    static func resolveFloat(_ text: String) -> Double? {
        // The words never match the number syntax and all start with '.', '+' or '-', so testing them
        // only then keeps numbers and texts such as `256m` off a dozen string comparisons.
        if let value = withNumberBytes(text, parseFloat) { return value }
        guard let first = text.utf8.first, first == UInt8(ascii: ".") || first == UInt8(ascii: "+") || first == UInt8(ascii: "-") else { return nil }
        switch text {
        case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": return .infinity
        case "-.inf", "-.Inf", "-.INF": return -.infinity
        case ".nan", ".NaN", ".NAN": return .nan
        default: return nil
        }
    }

    /// `resolveFloat`'s number syntax over the bytes left after removing `_`.
    private static func parseFloat(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        var index = 0
        func digits() -> Int {
            let start = index
            while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") { index += 1 }
            return index - start
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") { index += 1 }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard digits() > 0 else { return nil }
        } else {
            guard digits() > 0 else { return nil }
            if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
                index += 1
                _ = digits()
            }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") { index += 1 }
            guard digits() > 0 else { return nil }
        }
        guard index == bytes.count else { return nil }
        return DecimalNumber.value(of: bytes)
    }

    /// Runs `body` over the text's UTF-8 bytes without `_`, which go-yaml removes before reading a number.
    /// Resolving runs for every scalar a rule or the schema reads as a number, so a text without `_`
    /// (nearly all) is read in place instead of being copied into an array.
    private static func withNumberBytes<Result>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Result?) -> Result? {
        let underscore = UInt8(ascii: "_")
        // nil from `withContiguousStorageIfAvailable` or `.none` from the closure: copy without underscores.
        let inPlace = text.utf8.withContiguousStorageIfAvailable { bytes -> Result?? in
            bytes.contains(underscore) ? .none : .some(body(bytes))
        }
        if case .some(.some(let result)) = inPlace { return result }
        return Array(text.utf8.filter { $0 != underscore }).withUnsafeBufferPointer(body)
    }
}
