/// The small grammars Docker Compose parses string values with after loading, each as a check that
/// names the first problem: compose-go's `format.ParseVolume` (short volume syntax), its device
/// mapping, its `HostsList` (`extra_hosts`) and go-shellwords' `Parse` (a `command` or `entrypoint`
/// string). Compose refuses
/// the file when one of these fails, so a template that would fail here never deploys.
public enum ComposeSyntax {
    /// What is wrong with a short-syntax volume (`SOURCE:TARGET[:OPTIONS]`, or a target alone), or nil.
    /// Windows drive letters (`C:\data`) and `${…}` left for later are not separators.
    public static func volumeProblem(_ spec: String) -> String? {
        let characters = Array(spec.unicodeScalars)
        if characters.isEmpty { return "is empty; write TARGET or SOURCE:TARGET[:OPTIONS]" }
        if characters.count <= 2 { return nil }
        var buffer: [Unicode.Scalar] = []
        var nesting = 0
        var (hasSource, hasTarget) = (false, false)
        for index in 0...characters.count {
            let character: Unicode.Scalar? = index < characters.count ? characters[index] : nil
            if character == "$", index + 1 < characters.count, characters[index + 1] == "{" {
                nesting += 1
            } else if character == "}", nesting > 0 {
                nesting -= 1
            } else if character == ":", buffer.count == 1, buffer[0].properties.isAlphabetic {
                // A Windows drive letter: `C:` stays in the section.
            } else if character == nil || (character == ":" && nesting == 0) {
                if buffer.isEmpty { return "has an empty section between colons; write TARGET or SOURCE:TARGET[:OPTIONS]" }
                if !hasSource && character == nil {
                    return nil
                } else if !hasSource {
                    hasSource = true
                } else if !hasTarget {
                    hasTarget = true
                } else if character == ":" {
                    return "has too many colons; write SOURCE:TARGET[:OPTIONS] with the options separated by ','"
                }
                buffer = []
                continue
            }
            if let character { buffer.append(character) }
        }
        return nil
    }

    /// What is wrong with a short-syntax device (`HOST[:CONTAINER[:PERMISSIONS]]`), or nil: compose-go
    /// splits it on every `:` and refuses a fourth part.
    public static func deviceProblem(_ spec: String) -> String? {
        spec.split(separator: ":", omittingEmptySubsequences: false).count > 3
            ? "has more than three parts; write HOST[:CONTAINER[:PERMISSIONS]], or the long syntax {source, target, permissions}"
            : nil
    }

    /// What is wrong with an `extra_hosts` entry of the list form (`HOST:IP`, `HOST=IP`), or nil. The
    /// first `=`, else the first `:`, separates; the host may hold neither.
    public static func extraHostProblem(_ entry: String) -> String? {
        guard let separator = entry.firstIndex(of: "=") ?? entry.firstIndex(of: ":") else {
            return "has no IP address; write HOST:IP or HOST=IP, such as 'db.local:10.0.0.5'"
        }
        return hostNameProblem(String(entry[..<separator]))
    }

    /// What is wrong with the host of an `extra_hosts` entry, or nil.
    public static func hostNameProblem(_ host: String) -> String? {
        if host.isEmpty { return "has an empty host name; write HOST:IP or HOST=IP" }
        if host.contains(":") || host.contains("=") { return "has a host name with ':' or '=', which separate it from the IP address" }
        return nil
    }

    /// What is wrong with a command written as one string, as go-shellwords splits it, or nil. It
    /// stops at the first unquoted `;`, `&`, `|`, `<` or `>` (what follows is dropped, not run by a
    /// shell), and refuses an unclosed quote, backquote or `$(`, a trailing `\`, and a `(` or `)` that is
    /// not part of `$( )`.
    public static func commandProblem(_ command: String) -> String? {
        if case .failure(let problem) = shellWords(command) { return problem.message }
        return nil
    }

    /// A command written as one string split into its words as go-shellwords' `Parse` splits it, which
    /// is the list Compose runs (`echo "hi there"` is `["echo", "hi there"]`): quotes removed, `\`
    /// escaping the next character outside single quotes, `$( )` and backquotes kept as written, and
    /// nothing after the first unquoted `;`, `&`, `|`, `<` or `>`.
    public static func shellWords(_ command: String) -> Result<[String], CommandProblem> {
        var escaped = false, doubleQuoted = false, singleQuoted = false, backQuoted = false, dollarQuoted = false
        var words: [String] = []
        var word = String.UnicodeScalarView()
        // go-shellwords' `got`: the word has a character, or a closed pair of quotes (`""` is a word).
        var hasWord = false
        func append(_ character: Unicode.Scalar) {
            word.append(character)
            hasWord = true
        }
        scan: for character in command.unicodeScalars {
            if escaped {
                escaped = false
                append(character)
                continue
            }
            if character == "\\" {
                if singleQuoted { append(character) } else { escaped = true }
                continue
            }
            if character == " " || character == "\t" || character == "\r" || character == "\n" {
                if singleQuoted || doubleQuoted || backQuoted || dollarQuoted {
                    append(character)
                } else if hasWord {
                    words.append(String(word))
                    word = String.UnicodeScalarView()
                    hasWord = false
                }
                continue
            }
            switch character {
            case "`" where !singleQuoted && !doubleQuoted && !dollarQuoted:
                backQuoted.toggle()
            case ")" where !singleQuoted && !doubleQuoted && !backQuoted:
                guard dollarQuoted else { return .failure(CommandProblem(message: "has a ')' that closes no '$('; quote it, or escape it as '\\)'")) }
                dollarQuoted = false
            case "(" where !singleQuoted && !doubleQuoted && !backQuoted:
                // `(` opens `$(` only right after a `$` of the same word that is not itself after a literal `\`.
                guard !dollarQuoted, word.last == "$", word.dropLast().last != "\\" else {
                    return .failure(CommandProblem(message: "has a '(' that opens no '$('; quote it, or escape it as '\\('"))
                }
                dollarQuoted = true
            case "\"" where !singleQuoted && !dollarQuoted && !backQuoted:
                if doubleQuoted { hasWord = true }
                doubleQuoted.toggle()
                continue
            case "'" where !doubleQuoted && !dollarQuoted && !backQuoted:
                if singleQuoted { hasWord = true }
                singleQuoted.toggle()
                continue
            case ";", "&", "|", "<", ">":
                if !(singleQuoted || doubleQuoted || backQuoted || dollarQuoted) { break scan }
            default:
                break
            }
            append(character)
        }
        if escaped { return .failure(CommandProblem(message: "ends with a '\\' that escapes nothing")) }
        if singleQuoted { return .failure(CommandProblem(message: "has a ' that is never closed")) }
        if doubleQuoted { return .failure(CommandProblem(message: "has a \" that is never closed")) }
        if backQuoted { return .failure(CommandProblem(message: "has a ` that is never closed")) }
        if dollarQuoted { return .failure(CommandProblem(message: "has a '$(' that is never closed")) }
        if hasWord { words.append(String(word)) }
        return .success(words)
    }

    /// Why go-shellwords refuses a command string.
    public struct CommandProblem: Error, Sendable, Equatable {
        public let message: String
    }
}
