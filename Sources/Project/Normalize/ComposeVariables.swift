import Syntax

/// `docker compose config --variables`: the variables a file's values use before substitution, with
/// the default (`${A:-x}`, `${A-x}`), the alternate value (`${A:+x}`, `${A+x}`) and whether it is
/// required (`${A:?err}`, `${A?err}`), found as compose-go's `ExtractVariables` finds them — its
/// regular expression included, which reads a default up to the last `}` of the value and then looks
/// for more variables after the first closing brace. A variable used twice is listed once, with what
/// its last use says.
public enum ComposeVariables {
    public struct Variable: Sendable, Equatable {
        public var name: String
        public var defaultValue = ""
        public var presenceValue = ""
        public var required = false
    }

    /// The variables of every string value (not key) of the tree, sorted by name. The project's
    /// `name:` is not searched: Compose reads it before the model it lists.
    public static func extract(from tree: YAMLTree) -> [Variable] {
        var keys: Set<NodeID> = []
        if tree[tree.root].isMapping, let name = tree.value(forKey: "name", in: tree.root) { keys.insert(name) }
        tree.walk(from: tree.root) { event in
            if case .begin(let id) = event, tree[id].isMapping { keys.formUnion(tree.pairs(of: id).map(\.key)) }
        }
        var found: [String: Variable] = [:]
        tree.walk(from: tree.root) { event in
            guard case .scalar(let id) = event, !keys.contains(id), tree[id].resolved.isString else { return }
            for variable in variables(in: tree[id].text) { found[variable.name] = variable }
        }
        return found.values.sorted { $0.name < $1.name }
    }

    /// The table Compose prints: a header and a row per variable, columns padded as Go's `tabwriter`
    /// pads them (at least 20 characters, 3 spaces after the widest cell; the last column unpadded).
    public static func table(_ variables: [Variable]) -> String {
        let rows = [["NAME", "REQUIRED", "DEFAULT VALUE", "ALTERNATE VALUE"]]
            + variables.map { [$0.name, $0.required ? "true" : "false", $0.defaultValue, $0.presenceValue] }
        let widths = (0..<3).map { column in max(20, rows.map { $0[column].count + 3 }.max() ?? 0) }
        return rows.map { row in
            (0..<3).map { row[$0] + String(repeating: " ", count: widths[$0] - row[$0].count) }.joined() + row[3] + "\n"
        }.joined()
    }

    /// The variables of one string, as `extractVariable` reads them.
    static func variables(in text: String) -> [Variable] {
        var result: [Variable] = []
        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index < scalars.count {
            guard scalars[index] == "$", index + 1 < scalars.count else { index += 1; continue }
            let next = scalars[index + 1]
            if next == "$" { index += 2; continue }
            if isNameStart(next) {
                var end = index + 2
                while end < scalars.count, isNameCharacter(scalars[end]) { end += 1 }
                result.append(Variable(name: String(String.UnicodeScalarView(scalars[(index + 1)..<end]))))
                index = end
                continue
            }
            guard next == "{", let match = bracedMatch(scalars, from: index) else { index += 1; continue }
            result += braced(String(String.UnicodeScalarView(scalars[index..<match])))
            index = match
        }
        return result
    }

    /// The end of the regular expression's braced match starting at `$`: a name, then either `}` or
    /// `:?[-+?]` and anything up to the last `}` of the line.
    private static func bracedMatch(_ scalars: [Unicode.Scalar], from start: Int) -> Int? {
        var index = start + 2
        guard index < scalars.count, isNameStart(scalars[index]) else { return nil }
        while index < scalars.count, isNameCharacter(scalars[index]) { index += 1 }
        guard index < scalars.count else { return nil }
        if scalars[index] == "}" { return index + 1 }
        if scalars[index] == ":" { index += 1 }
        guard index < scalars.count, ["-", "+", "?"].contains(scalars[index]) else { return nil }
        let lineEnd = scalars[index...].firstIndex(of: "\n") ?? scalars.count
        guard let close = scalars[index..<lineEnd].lastIndex(of: "}") else { return nil }
        return close + 1
    }

    /// One braced match: the text to its first closing brace is the variable, and what follows that
    /// brace, and the default or alternate value, are searched again.
    private static func braced(_ match: String) -> [Variable] {
        let scalars = Array(match.unicodeScalars)
        var value = String(String.UnicodeScalarView(scalars[2..<(scalars.count - 1)]))
        var after: [Variable] = []
        if let close = firstClosingBrace(scalars), close > 0 {
            value = String(String.UnicodeScalarView(scalars[2..<close]))
            if close + 1 < scalars.count { after = variables(in: String(String.UnicodeScalarView(scalars[(close + 1)...]))) }
        }
        var variable = Variable(name: value)
        if let split = value.unicodeScalars.firstIndex(where: { !isNameCharacter($0) }), split != value.unicodeScalars.startIndex {
            variable.name = String(value.unicodeScalars[..<split])
            let rest = String(value.unicodeScalars[split...])
            if rest.hasPrefix(":?") || rest.hasPrefix("?") {
                variable.required = true
            } else if rest.hasPrefix(":-") {
                variable.defaultValue = String(rest.dropFirst(2))
            } else if rest.hasPrefix("-") {
                variable.defaultValue = String(rest.dropFirst())
            } else if rest.hasPrefix(":+") {
                variable.presenceValue = String(rest.dropFirst(2))
            } else if rest.hasPrefix("+") {
                variable.presenceValue = String(rest.dropFirst())
            }
        }
        var result = after + [variable]
        if !variable.defaultValue.isEmpty { result += variables(in: variable.defaultValue) }
        if !variable.presenceValue.isEmpty { result += variables(in: variable.presenceValue) }
        return result
    }

    /// compose-go's `getFirstBraceClosingIndex`: `{` opens (skipping the character after it), `}`
    /// closes; the index where the count returns to zero.
    private static func firstClosingBrace(_ scalars: [Unicode.Scalar]) -> Int? {
        var open = 0
        var index = 0
        while index < scalars.count {
            if scalars[index] == "}" {
                open -= 1
                if open == 0 { return index }
            }
            if scalars[index] == "{" {
                open += 1
                index += 1
            }
            index += 1
        }
        return nil
    }

    private static func isNameStart(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "_" || ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
    }

    private static func isNameCharacter(_ scalar: Unicode.Scalar) -> Bool {
        isNameStart(scalar) || ("0"..."9").contains(scalar)
    }
}
