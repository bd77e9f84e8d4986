/// libyaml's problem texts, made readable: libyaml says *what* its scanner tripped on; users need to
/// know what to change. Kept apart from the reader so the wording is tested in one place.
enum SyntaxMessages {
    static func readerProblem(_ problem: String, value: Int, line: Int) -> String {
        switch problem {
        case "invalid leading UTF-8 octet", "invalid trailing UTF-8 octet", "incomplete UTF-8 octet sequence", "invalid length of a UTF-8 sequence":
            return "the file is not valid UTF-8 (\(problem) 0x\(hex(value))); save it as UTF-8"
        case "control characters are not allowed":
            let name = value == 0 ? "NUL byte" : "control character U+\(hex(value, width: 4))"
            return "\(name) is not allowed in YAML; remove it or write it as an escape inside a double-quoted string"
        case "input is too long":
            return "the file is too long for libyaml to read"
        default:
            return "cannot read the file: \(problem)"
        }
    }

    /// `context` is libyaml's "while parsing …" text; it is repeated in the message only when it is not
    /// shown as a note anyway.
    static func syntaxProblem(_ problem: String, context: String?, contextLine: Int, column: Int, character: UInt8?, contextIsNote: Bool) -> String {
        switch problem {
        case "mapping values are not allowed in this context" where column > 1024,
             "could not find expected ':'" where column > 1024:
            return "a key longer than 1024 characters cannot be written plainly (YAML's limit for implicit keys); shorten it or write it as an explicit key ('? key')"
        case "found character that cannot start any token" where character == UInt8(ascii: "\t"):
            return "tab character where YAML expects indentation or a value; YAML indents with spaces only"
        case "found character that cannot start any token" where character == UInt8(ascii: "@") || character == UInt8(ascii: "`"):
            return "'\(Character(Unicode.Scalar(character!)))' cannot start a plain value; put the value in quotes"
        case "found character that cannot start any token":
            return "this character cannot start a YAML value; quote the value"
        case "mapping values are not allowed in this context":
            return "unexpected ':' here; a value containing ': ' must be quoted, or the indentation of this line is wrong"
        case "did not find expected key":
            return "expected a key at this indentation; check the indentation of this line and the one above"
        case "did not find expected '-' indicator":
            return "expected a '-' list item at this indentation; check the indentation of this line"
        case "found unexpected end of stream" where context?.contains("quoted scalar") == true:
            return "unterminated quoted string: the quote opened on line \(contextLine) is never closed"
        case "did not find expected ',' or ']'":
            return "expected ',' or ']' to continue or close the list opened on line \(contextLine)"
        case "did not find expected ',' or '}'":
            return "expected ',' or '}' to continue or close the mapping opened on line \(contextLine)"
        case "did not find expected node content":
            return "expected a value here"
        case "found undefined tag handle":
            return "unknown tag handle; only '!' and '!!' are defined (or declare the handle with %TAG)"
        default:
            if let context, !contextIsNote { return "\(problem) (\(context) on line \(contextLine))" }
            return problem
        }
    }

    private static func hex(_ value: Int, width: Int = 2) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
