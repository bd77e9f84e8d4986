/// Byte-level pieces of Compose's variable grammar.
///
/// Compose does not have a grammar so much as a Go regular expression,
/// `\$(?i:(\$)|([_a-z][_a-z0-9]*)|{(?:([_a-z][_a-z0-9]*(?::?[-+?](.*))?)}|()))`, plus a brace counter
/// that trims its match. Being compatible means reproducing both, quirks included; each helper here
/// names the quirk it keeps. All of them work on UTF-8 bytes because every character that matters is ASCII.
enum ComposeGrammar {
    static let dollar = UInt8(ascii: "$")
    static let openBrace = UInt8(ascii: "{")
    static let closeBrace = UInt8(ascii: "}")
    static let newline = UInt8(ascii: "\n")

    /// Where a variable name starting at `start` ends (`start` itself when there is no name there).
    ///
    /// The expression is case-insensitive, and Go folds `k` with U+212A KELVIN SIGN and `s` with
    /// U+017F LATIN SMALL LETTER LONG S, so Compose accepts those two as name characters too.
    static func nameEnd(in bytes: UnsafeBufferPointer<UInt8>, from start: Int, end: Int) -> Int {
        var index = start
        while index < end {
            let length = nameCharacterLength(in: bytes, at: index, end: end)
            if length == 0 || (index == start && isDigit(bytes[index])) { break }
            index += length
        }
        return index
    }

    private static func nameCharacterLength(in bytes: UnsafeBufferPointer<UInt8>, at index: Int, end: Int) -> Int {
        switch bytes[index] {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"):
            return 1
        case 0xC5 where index + 1 < end && bytes[index + 1] == 0xBF:  // U+017F ſ
            return 2
        case 0xE2 where index + 2 < end && bytes[index + 1] == 0x84 && bytes[index + 2] == 0xAA:  // U+212A K
            return 3
        default:
            return 0
        }
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    /// The operator right after a braced name (`:-`, `-`, `:?`, `?`, `:+` or `+`) and where its word starts.
    static func parseOperator(in bytes: UnsafeBufferPointer<UInt8>, at index: Int,
                              end: Int) -> (op: Operator, wordStart: Int)? {
        let colon = bytes[index] == UInt8(ascii: ":")
        let symbolIndex = colon ? index + 1 : index
        guard symbolIndex < end else { return nil }
        let symbol: Operator.Symbol
        switch bytes[symbolIndex] {
        case UInt8(ascii: "-"): symbol = .defaultValue
        case UInt8(ascii: "?"): symbol = .required
        case UInt8(ascii: "+"): symbol = .replacement
        default: return nil
        }
        return (Operator(symbol: symbol, testsEmpty: colon), symbolIndex + 1)
    }

    /// The `}` that closes an expression whose `$` is at `dollar`, given the last `}` of its line.
    ///
    /// Compose's `(.*)}` first runs to the last `}` on the line; its counter then walks that match:
    /// every `{` opens and **skips the byte after it**, every `}` closes. So `{}` inside a word does not
    /// close anything, and when the count never returns to zero the whole match up to `lastClose` is the
    /// expression (`${U:-{x}` has the word `{x`). Returns the closing index.
    static func closingBrace(in bytes: UnsafeBufferPointer<UInt8>, dollar: Int, lastClose: Int) -> Int {
        var open = 0
        var index = dollar
        while index <= lastClose {
            if bytes[index] == closeBrace {
                open -= 1
                if open == 0 { return index }
            } else if bytes[index] == openBrace {
                open += 1
                index += 1
            }
            index += 1
        }
        return lastClose
    }
}

/// A braced expression's operator: which word it has and when that word is used.
struct Operator: Hashable {
    enum Symbol: Hashable {
        case defaultValue  // `-`: the word replaces a missing value
        case required      // `?`: a missing value is an error whose message is the word
        case replacement   // `+`: the word replaces a present value
    }

    var symbol: Symbol
    /// The `:` form: an empty value counts as missing.
    var testsEmpty: Bool

    enum Outcome { case useValue, useWord, fail }

    func outcome(isSet: Bool, isEmpty: Bool) -> Outcome {
        let present = isSet && !(testsEmpty && isEmpty)
        switch symbol {
        case .defaultValue: return present ? .useValue : .useWord
        case .required: return present ? .useValue : .fail
        case .replacement: return present ? .useWord : .useValue
        }
    }
}
