import Syntax

/// How Docker Compose converts a string it finds where its model has a number or a boolean: after
/// interpolation, every string at one of compose-go's typed paths (`interpolateTypeCastMapping` of
/// compose-go v2.9, which Docker Compose v2.40 uses) goes through Go's `strconv` or Compose's
/// `toBoolean`, and a string that does not convert is an error ("failed to cast to expected type"),
/// whether it was written so (`cpu_shares: lots`, `tty: "1"`) or made by a substitution
/// (`deploy.replicas: ${UNSET}` is the empty string). Values written as numbers or booleans are not
/// converted; the schema checks their type.
public enum ComposeConversion: Sendable, Equatable {
    /// `strconv.Atoi` / `ParseInt(s, 10, 64)`: an optional sign and decimal digits, within 64 bits.
    case integer
    /// `strconv.ParseFloat(s, 64)`: Go's float syntax (`1.5`, `.5`, `1e3`, `0x1p-2`, `1_000`, `inf`, `NaN`), finite.
    case float
    /// `strconv.ParseFloat(s, 32)`: the same, within a 32-bit float (`cpus`).
    case float32
    /// Compose's `toBoolean`: `true`/`false`, and (with a warning) `y`/`yes`/`on`, `n`/`no`/`off`, in any case.
    case boolean

    /// The type as messages name it.
    public var description: String {
        switch self {
        case .integer: "an integer"
        case .float, .float32: "a number"
        case .boolean: "a boolean"
        }
    }

    /// What a valid string looks like, for the fix in a message.
    public var example: String {
        switch self {
        case .integer: "a whole number such as 3"
        case .float, .float32: "a number such as 0.5"
        case .boolean: "true or false"
        }
    }

    /// The value Compose converts this string to, or nil when the conversion fails. The value is then
    /// checked against the field's schema type, as Compose validates the converted document: `"0.5"`
    /// converts for `cpu_percent` but is no integer.
    public func convert(_ text: String) -> ScalarValue? {
        switch self {
        case .integer:
            return Int64(text).map(ScalarValue.int)
        case .float:
            return Self.goFloat(text).flatMap { $0.isWord || $0.value.isFinite ? Self.number($0.value) : nil }
        case .float32:
            return Self.goFloat(text).flatMap { $0.isWord || Float($0.value).isFinite ? Self.number($0.value) : nil }
        case .boolean:
            switch text.lowercased() {
            case "true", "y", "yes", "on": return .bool(true)
            case "false", "n", "no", "off": return .bool(false)
            default: return nil
            }
        }
    }

    /// A float as JSON Schema sees it: an integral one is an integer too.
    private static func number(_ value: Double) -> ScalarValue {
        value.rounded() == value && abs(value) < 9.2e18 ? .int(Int64(value)) : .float(value)
    }

    /// The value of a Go float literal as `strconv.ParseFloat` reads it, or nil when it is no such
    /// literal. `isWord` tells `inf`, `infinity` and `nan`, which Go takes, from a literal too large for
    /// the type, which it refuses (`ErrRange`) and which reads here as an infinity.
    static func goFloat(_ text: String) -> (value: Double, isWord: Bool)? {
        var body = Substring(text)
        var negative = false
        if let sign = body.first, sign == "+" || sign == "-" {
            negative = sign == "-"
            body = body.dropFirst()
        }
        switch body.lowercased() {
        case "inf", "infinity": return (negative ? -.infinity : .infinity, true)
        case "nan": return text.first == "+" || text.first == "-" ? nil : (.nan, true)
        default: break
        }
        guard isGoFloatLiteral(body) else { return nil }
        let digits = body.filter { $0 != "_" }
        guard let magnitude = Double(digits) ?? Double("0" + digits) else { return nil }
        return (negative ? -magnitude : magnitude, false)
    }

    /// Go's float literal without its sign: decimal digits with an optional point and exponent, or
    /// `0x` hex digits with an optional point and a mandatory `p` exponent; underscores only between
    /// digits (or after the base prefix).
    private static func isGoFloatLiteral(_ body: Substring) -> Bool {
        let characters = Array(body.lowercased())
        var index = 0
        let hex = characters.count >= 2 && characters[0] == "0" && characters[1] == "x"
        if hex { index = 2 }
        var mantissaDigits = 0
        var sawPoint = false
        var previous: Character = hex ? "0" : "^"
        func isDigit(_ character: Character) -> Bool { character.isASCII && (character.isNumber || (hex && ("a"..."f").contains(character))) }
        while index < characters.count {
            let character = characters[index]
            if isDigit(character) {
                mantissaDigits += 1
            } else if character == "_" {
                guard previous.isASCII && (previous.isNumber || (hex && ("a"..."f").contains(previous))) || (hex && index == 2) else { return false }
            } else if character == "." && !sawPoint {
                guard previous != "_" else { return false }
                sawPoint = true
            } else {
                break
            }
            previous = character
            index += 1
        }
        guard mantissaDigits > 0, previous != "_" else { return false }
        guard index < characters.count else { return !hex }
        // The exponent: `e` for decimal, `p` for hex, an optional sign and decimal digits.
        guard characters[index] == (hex ? "p" : "e") else { return false }
        index += 1
        if index < characters.count, characters[index] == "+" || characters[index] == "-" { index += 1 }
        let exponent = characters[index...]
        return !exponent.isEmpty && exponent.allSatisfy { $0.isASCII && $0.isNumber }
    }
}
