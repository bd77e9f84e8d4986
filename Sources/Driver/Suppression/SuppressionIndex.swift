import Diagnostics

/// Answers "is this finding suppressed?" and "did this suppression hide anything?" without comparing
/// every finding with every suppression, so a file with thousands of findings and thousands of
/// directives (a generated or hostile file) stays linear-logarithmic instead of quadratic.
///
/// Suppressions and findings are both grouped by rule (`nil`: every rule). Regions are kept sorted by
/// first line with a running maximum of last lines, so whether any region covers a line is one binary
/// search; whether a suppression was used is a binary search in the sorted lines of its rule's findings.
struct SuppressionIndex {
    private var fileWide: Set<RuleID?> = []
    private var regions: [RuleID?: Regions] = [:]
    private var subtrees: [RuleID?: Set<[NodePath.Component]>] = [:]

    /// Regions of one rule: first lines ascending, and for each position the largest last line so far.
    private struct Regions {
        var firsts: [Int] = []
        var reach: [Int] = []

        init(_ spans: [ClosedRange<Int>]) {
            var furthest = Int.min
            for span in spans.sorted(by: { $0.lowerBound < $1.lowerBound }) {
                furthest = max(furthest, span.upperBound)
                firsts.append(span.lowerBound)
                reach.append(furthest)
            }
        }

        func covers(_ line: Int) -> Bool {
            let count = firsts.partitioningIndex { $0 > line }
            return count > 0 && reach[count - 1] >= line
        }
    }

    init(_ suppressions: [Suppression]) {
        var spans: [RuleID?: [ClosedRange<Int>]] = [:]
        for suppression in suppressions {
            switch suppression.scope {
            case .file: fileWide.insert(suppression.rule)
            case .lines(let lines): spans[suppression.rule, default: []].append(lines)
            case .subtree(let root): subtrees[suppression.rule, default: []].insert(root.components)
            }
        }
        regions = spans.mapValues(Regions.init)
    }

    func hides(_ diagnostic: Diagnostic) -> Bool {
        let keys: [RuleID?] = [diagnostic.rule, nil]
        if keys.contains(where: fileWide.contains) { return true }
        if let line = diagnostic.range?.start.line, keys.contains(where: { regions[$0]?.covers(line) ?? false }) { return true }
        guard let path = diagnostic.path?.components else { return false }
        return keys.contains { key in
            guard let roots = subtrees[key] else { return false }
            return (0...path.count).contains { roots.contains(Array(path.prefix($0))) }
        }
    }
}

/// The findings of one file, indexed to tell whether a suppression covers at least one of them.
struct FindingIndex {
    /// Rules with findings, and nil when there is any.
    private var rules: Set<RuleID?> = []
    /// Sorted lines of findings, per rule and (under nil) of all findings.
    private var lines: [RuleID?: [Int]] = [:]
    /// Every prefix of every finding's path, per rule and under nil.
    private var prefixes: [RuleID?: Set<[NodePath.Component]>] = [:]

    /// `withPaths` is needed only to answer for `x-stackc` (subtree) suppressions; hashing every prefix
    /// of every path is the index's main cost, so it is skipped when there are none.
    init(_ diagnostics: [Diagnostic], withPaths: Bool) {
        for diagnostic in diagnostics {
            for key in [diagnostic.rule, nil] as [RuleID?] {
                rules.insert(key)
                if let line = diagnostic.range?.start.line { lines[key, default: []].append(line) }
                if withPaths, let path = diagnostic.path?.components {
                    for length in 0...path.count { prefixes[key, default: []].insert(Array(path.prefix(length))) }
                }
            }
        }
        lines = lines.mapValues { $0.sorted() }
    }

    func isUsed(_ suppression: Suppression) -> Bool {
        let key = suppression.rule
        switch suppression.scope {
        case .file:
            return rules.contains(key)
        case .lines(let span):
            guard let sorted = lines[key] else { return false }
            let first = sorted.partitioningIndex { $0 >= span.lowerBound }
            return first < sorted.count && sorted[first] <= span.upperBound
        case .subtree(let root):
            return prefixes[key]?.contains(root.components) ?? false
        }
    }
}
