/// A path pattern of an override's `files:`, matched against a path relative to the configuration's
/// folder: `*` and `?` stay within one path segment, `**` spans any number of segments (`**/` also
/// matches none), `[abc]` is a character class. A pattern without `/` matches the file name in any
/// folder, as in `.gitignore`.
struct Glob: Sendable, Equatable {
    let pattern: String
    private let segments: [Substring]

    init(_ pattern: String) {
        self.pattern = pattern
        let anchored = pattern.contains("/") ? pattern.drop { $0 == "/" } : "**/" + pattern
        segments = anchored.split(separator: "/", omittingEmptySubsequences: true)
    }

    func matches(_ path: String) -> Bool {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true)
        return Self.match(segments[...], parts[...])
    }

    private static func match(_ pattern: ArraySlice<Substring>, _ path: ArraySlice<Substring>) -> Bool {
        guard let first = pattern.first else { return path.isEmpty }
        if first == "**" {
            // Zero segments, or one more and try again.
            if match(pattern.dropFirst(), path) { return true }
            return !path.isEmpty && match(pattern, path.dropFirst())
        }
        guard let segment = path.first, matchSegment(Array(first), Array(segment)) else { return false }
        return match(pattern.dropFirst(), path.dropFirst())
    }

    /// `*`, `?` and `[…]` within one segment, by backtracking on the last `*`.
    private static func matchSegment(_ pattern: [Character], _ text: [Character]) -> Bool {
        var p = 0, t = 0
        var star: (p: Int, t: Int)?
        while t < text.count {
            if p < pattern.count, pattern[p] == "*" {
                star = (p, t)
                p += 1
            } else if p < pattern.count, let next = matchOne(pattern, at: p, text[t]) {
                p = next
                t += 1
            } else if let saved = star {
                p = saved.p + 1
                t = saved.t + 1
                star = (saved.p, saved.t + 1)
            } else {
                return false
            }
        }
        while p < pattern.count, pattern[p] == "*" { p += 1 }
        return p == pattern.count
    }

    /// The pattern index after matching `character` at `p`, or nil when it does not match.
    private static func matchOne(_ pattern: [Character], at p: Int, _ character: Character) -> Int? {
        if pattern[p] == "?" { return p + 1 }
        guard pattern[p] == "[", let close = pattern[(p + 1)...].firstIndex(of: "]"), close > p + 1 else {
            return pattern[p] == character ? p + 1 : nil
        }
        var members = pattern[(p + 1)..<close]
        let negated = members.first == "!" || members.first == "^"
        if negated { members = members.dropFirst() }
        var found = false
        var index = members.startIndex
        while index < members.endIndex {
            let low = members[index]
            if index + 2 < members.endIndex, members[index + 1] == "-" {
                if low <= character, character <= members[index + 2] { found = true }
                index += 3
            } else {
                if low == character { found = true }
                index += 1
            }
        }
        return found != negated ? close + 1 : nil
    }
}
