/// The small grammars Docker Compose parses string values with after loading, each as a check that
/// names the first problem: compose-go's `format.ParseVolume` (short volume syntax), its `HostsList`
/// (`extra_hosts`) and go-shellwords' `Parse` (a `command` or `entrypoint` string). Compose refuses
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
        var escaped = false, doubleQuoted = false, singleQuoted = false, backQuoted = false, dollarQuoted = false
        // The last two characters of the word being read (go-shellwords' `buf`): `(` opens `$(` only
        // right after a `$` of the same word that is not itself after a literal `\`.
        var tail: (last: Unicode.Scalar?, beforeLast: Unicode.Scalar?) = (nil, nil)
        func append(_ character: Unicode.Scalar) { tail = (character, tail.last) }
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
                if singleQuoted || doubleQuoted || backQuoted || dollarQuoted { append(character) } else { tail = (nil, nil) }
                continue
            }
            switch character {
            case "`" where !singleQuoted && !doubleQuoted && !dollarQuoted:
                backQuoted.toggle()
            case ")" where !singleQuoted && !doubleQuoted && !backQuoted:
                guard dollarQuoted else { return "has a ')' that closes no '$('; quote it, or escape it as '\\)'" }
                dollarQuoted = false
            case "(" where !singleQuoted && !doubleQuoted && !backQuoted:
                guard !dollarQuoted, tail.last == "$", tail.beforeLast != "\\" else {
                    return "has a '(' that opens no '$('; quote it, or escape it as '\\('"
                }
                dollarQuoted = true
            case "\"" where !singleQuoted && !dollarQuoted && !backQuoted:
                doubleQuoted.toggle()
                continue
            case "'" where !doubleQuoted && !dollarQuoted && !backQuoted:
                singleQuoted.toggle()
                continue
            case ";", "&", "|", "<", ">":
                if !(singleQuoted || doubleQuoted || backQuoted || dollarQuoted) { break scan }
            default:
                break
            }
            append(character)
        }
        if escaped { return "ends with a '\\' that escapes nothing" }
        if singleQuoted { return "has a ' that is never closed" }
        if doubleQuoted { return "has a \" that is never closed" }
        if backQuoted { return "has a ` that is never closed" }
        if dollarQuoted { return "has a '$(' that is never closed" }
        return nil
    }
}
