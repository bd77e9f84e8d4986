/// The character classes and escape rules of compose-go's `.env` parser, which mixes Go's
/// `unicode.IsSpace` with its own narrower notion of a blank.
enum DotEnvCharacters {
    /// Go's `unicode.IsSpace`, which is Unicode's White_Space property (line breaks included).
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isWhitespace
    }

    /// compose-go's own `isSpace`: the blanks that do not end a line (NEL and no-break space count).
    static func isBlank(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "\t", "\u{0B}", "\u{0C}", "\r", " ", "\u{85}", "\u{A0}": true
        default: false
        }
    }

    /// Letters and numbers of any script, `_`, `.`, `-`, `[` and `]`; blanks are allowed too (only a
    /// plain space inside a key is an error, reported separately).
    static func isKeyCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "_", ".", "-", "[", "]": return true
        default:
            switch scalar.properties.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                 .decimalNumber, .letterNumber, .otherNumber:
                return true
            default:
                return false
            }
        }
    }

    /// Decodes the escapes of a double-quoted value the way compose-go does before interpolating it:
    /// `\a \b \f \n \r \t \v \\ \"`, `\$` (which becomes `$$`, a literal dollar for interpolation) and
    /// `\0` + up to three digits as an octal byte value. Its quirks are kept: `\c` and malformed octal
    /// escapes stay, but a malformed octal loses its `0` (`\012` becomes `\12`), a valid one yields the
    /// code point of that value (`\0377` is `ÿ`, not a byte), and `\x`, `\u`, `\'` are not escapes.
    static func decodingEscapes(_ value: SourcedScalars) -> SourcedScalars {
        let scalars = Array(value.scalars)
        var decoded = SourcedScalars()
        var index = 0
        while index < scalars.count {
            let source = value.sources[index]
            guard scalars[index] == "\\", index + 1 < scalars.count else {
                decoded.append(scalars[index], from: source)
                index += 1
                continue
            }
            let next = scalars[index + 1]
            index += 2
            switch next {
            case "a": decoded.append("\u{07}", from: source)
            case "b": decoded.append("\u{08}", from: source)
            case "f": decoded.append("\u{0C}", from: source)
            case "n": decoded.append("\n", from: source)
            case "r": decoded.append("\r", from: source)
            case "t": decoded.append("\t", from: source)
            case "v": decoded.append("\u{0B}", from: source)
            case "\\", "\"": decoded.append(next, from: source)
            case "$":
                decoded.append("$", from: source)
                decoded.append("$", from: source)
            case "c":
                decoded.append("\\", from: source)
                decoded.append("c", from: source)
            case "0":
                var digits: [Unicode.Scalar] = []
                while digits.count < 3, index < scalars.count, ("0"..."9").contains(scalars[index]) {
                    digits.append(scalars[index])
                    index += 1
                }
                if let octal = octalValue(digits) {
                    decoded.append(octal, from: source)
                } else {
                    decoded.append("\\", from: source)
                    for digit in digits { decoded.append(digit, from: source) }
                }
            default:
                // Not an escape: the backslash stays and the next character is read normally.
                decoded.append("\\", from: source)
                index -= 1
            }
        }
        return decoded
    }

    /// Go's `strconv.UnquoteChar` accepts exactly three octal digits with a value up to 255.
    private static func octalValue(_ digits: [Unicode.Scalar]) -> Unicode.Scalar? {
        guard digits.count == 3 else { return nil }
        var value: UInt32 = 0
        for digit in digits {
            guard ("0"..."7").contains(digit) else { return nil }
            value = value * 8 + (digit.value - 48)
        }
        return value <= 255 ? Unicode.Scalar(value) : nil
    }
}

/// The scalars of a value with, for each, the index in the file it came from, so that a failure found
/// after escapes were decoded still points at the right column.
struct SourcedScalars {
    private(set) var scalars = String.UnicodeScalarView()
    private(set) var sources: [Int] = []

    init() {}

    init(_ slice: ArraySlice<Unicode.Scalar>, from start: Int) {
        scalars.append(contentsOf: slice)
        sources = Array(start..<start + slice.count)
    }

    mutating func append(_ scalar: Unicode.Scalar, from source: Int) {
        scalars.append(scalar)
        sources.append(source)
    }

    var string: String { String(scalars) }

    /// The file index of the scalar at `offset` UTF-8 bytes into `string`.
    func source(ofUTF8Offset offset: Int) -> Int {
        var consumed = 0
        for (index, scalar) in scalars.enumerated() {
            if consumed >= offset { return sources[index] }
            consumed += UTF8.width(scalar)
        }
        return (sources.last ?? -1) + 1
    }
}
