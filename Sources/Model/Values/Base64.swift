/// Base64 text as Kubernetes decodes a Secret's `data` values: Go's `encoding/base64` `StdEncoding`
/// (the standard alphabet `A-Z a-z 0-9 + /`, `=` padding required), which skips line breaks (`\r`,
/// `\n`) — so a value wrapped at 76 columns in a YAML block scalar decodes — but rejects every other
/// character, spaces and the URL-safe `-` `_` included.
///
/// Problems say where and what kind of character is wrong, never which one: the value is a secret.
public enum Base64 {
    public enum Problem: Sendable, Equatable {
        /// A character outside the alphabet, at a 1-based character position.
        case invalidCharacter(position: Int, kind: CharacterKind)
        /// A character after the `=` padding (data, or a third `=`), at a 1-based character position.
        case misplacedPadding(position: Int)
        /// The number of base64 characters (line breaks not counted) is not a multiple of 4.
        case wrongLength(Int)

        public var message: String {
            switch self {
            case .invalidCharacter(let position, let kind):
                "character \(position) is \(kind.description)"
            case .misplacedPadding(let position):
                "character \(position) follows the '=' padding; '=' (at most two) may only end the value"
            case .wrongLength(let count) where count % 4 == 1:
                "it has \(count) base64 characters, which no encoding produces (a multiple of 4 is needed); the value looks truncated"
            case .wrongLength(let count):
                "it has \(count) base64 characters, not a multiple of 4; the '=' padding is missing (add \(4 - count % 4) '=')"
            }
        }
    }

    public enum CharacterKind: Sendable, Equatable {
        case whitespace
        /// `-` or `_`: base64url, not the standard alphabet.
        case urlSafe
        case other

        var description: String {
            switch self {
            case .whitespace: "a space or tab (only line breaks may separate base64 text)"
            case .urlSafe: "from the URL-safe alphabet ('-' or '_'); encode with the standard alphabet ('+' and '/')"
            case .other: "outside the base64 alphabet (A-Z, a-z, 0-9, '+', '/', '=')"
            }
        }
    }

    /// Nil when Kubernetes would decode the text.
    public static func validate(_ text: String) -> Problem? {
        var count = 0
        var padding = 0
        var position = 0
        for scalar in text.unicodeScalars {
            position += 1
            switch scalar {
            case "\r", "\n":
                continue
            case "=":
                padding += 1
                guard padding <= 2 else { return .misplacedPadding(position: position) }
            case "A"..."Z", "a"..."z", "0"..."9", "+", "/":
                guard padding == 0 else { return .misplacedPadding(position: position) }
            case " ", "\t":
                return .invalidCharacter(position: position, kind: .whitespace)
            case "-", "_":
                return .invalidCharacter(position: position, kind: .urlSafe)
            default:
                return .invalidCharacter(position: position, kind: .other)
            }
            count += 1
        }
        return count % 4 == 0 ? nil : .wrongLength(count)
    }
}
