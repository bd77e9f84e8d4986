import Reporting

/// A path pattern with gitignore's rules, for `--exclude` and the `files:` of a configuration's overrides: `*` and `?` match within one path component,
/// `[abc]`/`[a-z]`/`[!a]` match one character, `**` matches any number of components; a pattern without
/// `/` matches a name at any depth (`*.generated.yaml`, `vendor`), one with `/` is anchored at the working
/// folder (`deploy/**/old-*.yml`); a trailing `/` matches folders only. A pattern that matches a
/// folder excludes everything below it. Unlike `.gitignore`, a leading `./` is allowed (shells complete
/// paths that way), and `!` negation is not supported.
public struct PathGlob: Sendable, Equatable {
    public let pattern: String
    private let segments: [Substring]
    private let foldersOnly: Bool

    public init(_ pattern: String) {
        self.pattern = pattern
        var body = Substring(pattern)
        let startsAtWorkingFolder = body.hasPrefix("./")
        while body.hasPrefix("./") { body = body.dropFirst(2) }
        foldersOnly = body.hasSuffix("/")
        while body.hasSuffix("/") { body = body.dropLast() }
        let anchored = startsAtWorkingFolder || body.contains("/")
        while body.hasPrefix("/") { body = body.dropFirst() }
        let parts = body.split(separator: "/", omittingEmptySubsequences: true)
        segments = anchored ? parts : ["**"] + parts
    }

    /// Whether a file (as it will be reported) is excluded; `workingDirectory` turns absolute paths
    /// below it into the relative ones patterns are written for.
    public func excludes(_ path: String, workingDirectory: String) -> Bool {
        matches(ArtifactPath.relative(path, to: workingDirectory))
    }

    /// Whether a relative path matches, itself or through one of its folders.
    public func matches(_ relativePath: String) -> Bool {
        let components = relativePath.split(separator: "/")
        let lastPrefix = foldersOnly ? components.count - 1 : components.count
        guard lastPrefix >= 1 else { return false }
        return (1...lastPrefix).contains { Self.match(segments[...], components[..<$0]) }
    }

    private static func match(_ pattern: ArraySlice<Substring>, _ path: ArraySlice<Substring>) -> Bool {
        guard let first = pattern.first else { return path.isEmpty }
        if first == "**" {
            let rest = pattern.dropFirst()
            return (path.startIndex...path.endIndex).contains { match(rest, path[$0...]) }
        }
        guard let component = path.first, matchName(Array(first.unicodeScalars)[...], Array(component.unicodeScalars)[...]) else { return false }
        return match(pattern.dropFirst(), path.dropFirst())
    }

    /// fnmatch for one component: `*`, `?`, bracket classes and `\` escapes.
    private static func matchName(_ pattern: ArraySlice<Unicode.Scalar>, _ name: ArraySlice<Unicode.Scalar>) -> Bool {
        guard let first = pattern.first else { return name.isEmpty }
        switch first {
        case "*":
            let rest = pattern.dropFirst()
            return (name.startIndex...name.endIndex).contains { matchName(rest, name[$0...]) }
        case "?":
            return !name.isEmpty && matchName(pattern.dropFirst(), name.dropFirst())
        case "[":
            guard let character = name.first, let (matched, rest) = matchClass(pattern.dropFirst(), character) else { return false }
            return matched && matchName(rest, name.dropFirst())
        case "\\" where pattern.count > 1:
            let escaped = pattern[pattern.startIndex + 1]
            return name.first == escaped && matchName(pattern.dropFirst(2), name.dropFirst())
        default:
            return name.first == first && matchName(pattern.dropFirst(), name.dropFirst())
        }
    }

    /// A bracket class after its `[`: whether `character` is in it and the pattern after `]`, or nil
    /// when the class is not closed (then nothing matches, as in git's wildmatch).
    private static func matchClass(_ pattern: ArraySlice<Unicode.Scalar>, _ character: Unicode.Scalar) -> (Bool, ArraySlice<Unicode.Scalar>)? {
        var index = pattern.startIndex
        let negated = index < pattern.endIndex && (pattern[index] == "!" || pattern[index] == "^")
        if negated { index += 1 }
        var matched = false
        var first = true
        while index < pattern.endIndex {
            let low = pattern[index]
            if low == "]" && !first { return (matched != negated, pattern[(index + 1)...]) }
            first = false
            if index + 2 < pattern.endIndex, pattern[index + 1] == "-", pattern[index + 2] != "]" {
                let high = pattern[index + 2]
                if low.value <= character.value && character.value <= high.value { matched = true }
                index += 3
            } else {
                if low == character { matched = true }
                index += 1
            }
        }
        return nil
    }
}
