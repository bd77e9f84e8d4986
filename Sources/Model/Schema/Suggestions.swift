/// "Did you mean" for misspelt keys and values: the closest candidate by edit distance, if it is close
/// enough to be a plausible typo (at most 2 edits, and fewer than half the word).
public enum Suggestions {
    public static func closest(to word: String, among candidates: some Sequence<String>) -> String? {
        let limit = threshold(for: word)
        let lowered = word.lowercased()
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let distance = editDistance(lowered, candidate.lowercased(), limit: limit)
            if distance <= limit, distance < (best?.distance ?? .max) {
                best = (candidate, distance)
            }
        }
        return best?.candidate
    }

    /// The one candidate `word` was meant to be, for a fix: the only one that differs from it in case
    /// alone (`xs` is `XS`, though `S` and `XL` are close too), else the only close one (`ports` for
    /// `port` is certain; `net` between `pid` and `ipc` is not). Closeness is `closest`'s.
    public static func only(to word: String, among candidates: some Sequence<String>) -> String? {
        let limit = threshold(for: word)
        let lowered = word.lowercased()
        let distances = candidates.map { ($0, editDistance(lowered, $0.lowercased(), limit: limit)) }
        let same = distances.filter { $0.1 == 0 }
        if !same.isEmpty { return same.count == 1 ? same[0].0 : nil }
        let close = distances.filter { $0.1 <= limit }
        return close.count == 1 ? close[0].0 : nil
    }

    static func threshold(for word: String) -> Int {
        min(2, max(1, word.count / 2))
    }

    /// Candidates grouped by length, for asking many times against a large set (20,000 service names):
    /// only lengths within the edit limit are compared, and a budget of comparisons keeps a file with
    /// thousands of bad references linear — past it, findings simply come without a suggestion.
    public final class Index {
        private var byLength: [Int: [(original: String, lowered: String)]] = [:]
        private var budget: Int

        public init(_ candidates: some Sequence<String>, budget: Int = 1_000_000) {
            for candidate in candidates {
                byLength[candidate.count, default: []].append((candidate, candidate.lowercased()))
            }
            self.budget = budget
        }

        public func closest(to word: String) -> String? {
            let limit = Suggestions.threshold(for: word)
            let lowered = word.lowercased()
            let length = word.count
            var best: (candidate: String, distance: Int)?
            for candidateLength in max(0, length - limit)...(length + limit) {
                for candidate in byLength[candidateLength] ?? [] {
                    guard budget > 0 else { return best?.candidate }
                    budget -= 1
                    let distance = Suggestions.editDistance(lowered, candidate.lowered, limit: limit)
                    if distance <= limit, distance < (best?.distance ?? .max) {
                        best = (candidate.original, distance)
                    }
                }
            }
            return best?.candidate
        }
    }

    /// Damerau–Levenshtein distance (adjacent transpositions count once), giving up above `limit`.
    static func editDistance(_ lhs: String, _ rhs: String, limit: Int) -> Int {
        let a = Array(lhs.unicodeScalars)
        let b = Array(rhs.unicodeScalars)
        if abs(a.count - b.count) > limit { return limit + 1 }
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previousPrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMinimum = current[0]
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, previousPrevious[j - 2] + 1)
                }
                current[j] = value
                rowMinimum = min(rowMinimum, value)
            }
            if rowMinimum > limit { return limit + 1 }
            (previousPrevious, previous, current) = (previous, current, previousPrevious)
        }
        return previous[b.count]
    }
}
