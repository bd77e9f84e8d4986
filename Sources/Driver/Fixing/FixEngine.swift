import Diagnostics
import Syntax

/// Applies the fixes findings carry, keeping only those proven safe. In each round the fixes that do
/// not overlap are applied together (an overlapping one waits for the next round, when the file is
/// linted again and its fix recomputed on the new text); the result must then read as the old text
/// with exactly the edited scalars changed (`MeaningCheck`) and lint with no finding the old text did
/// not have. A round that fails is retried with half its fixes, down to one, which is then refused.
public enum FixEngine {
    /// Rounds are bounded: each applies at least one fix or refuses one, and a file of many
    /// overlapping fixes should not lint without end.
    static let maximumRounds = 64

    /// - Parameter lint: lints a text as `lint` does with the run's options and environment.
    public static func fix(_ file: SourceFile, lint: (SourceFile) -> FileReport) -> FileFix {
        var current = file
        let found = lint(file)
        var report = found
        var applied: [FileFix.Change] = []
        var refused: [FileFix.Change] = []
        var refusedKeys: Set<RelintKey> = []
        var batchLimit = Int.max
        for _ in 0..<maximumRounds {
            let candidates = report.diagnostics.filter { $0.fix != nil && !refusedKeys.contains(RelintKey($0)) }
            guard !candidates.isEmpty else { break }
            let reused = ReusedNodes(current)
            var batch: [Diagnostic] = []
            for finding in candidates where batch.count < batchLimit {
                if let reason = reused.reason(against: finding.fix!) {
                    refused.append(FileFix.Change(finding: finding, fix: finding.fix!, refusal: reason))
                    refusedKeys.insert(RelintKey(finding))
                } else if !batch.contains(where: { $0.fix!.overlaps(finding.fix!) }) {
                    batch.append(finding)
                }
            }
            guard !batch.isEmpty else { continue }
            switch attempt(batch, on: current, report: report, lint: lint) {
            case .success(let next):
                applied += batch.map { FileFix.Change(finding: $0, fix: $0.fix!, refusal: "") }
                (current, report) = next
                batchLimit = .max
            case .failure where batch.count > 1:
                batchLimit = batch.count / 2
            case .failure(let failure):
                refused.append(FileFix.Change(finding: batch[0], fix: batch[0].fix!, refusal: failure.reason))
                refusedKeys.insert(RelintKey(batch[0]))
                batchLimit = .max
            }
        }
        // Fixes still waiting when the rounds ran out.
        for finding in report.diagnostics where finding.fix != nil && !refusedKeys.contains(RelintKey(finding)) {
            refused.append(FileFix.Change(finding: finding, fix: finding.fix!, refusal: "it overlaps other fixes; run --fix again"))
        }
        return FileFix(original: file, fixed: current, applied: applied, refused: refused, found: found, remaining: report)
    }

    /// `report` with only the fixes that pass, each on its own, the proof `fix` makes (no reused node
    /// touched, the meaning kept, no new finding on re-lint); the others are dropped. An editor's code
    /// action or a report's suggestion is then a change `lint --fix` would make. It costs one lint per
    /// fix, so it runs only where fixes are shown; a file without fixes costs nothing.
    public static func provingFixes(_ report: FileReport, lint: (SourceFile) -> FileReport) -> FileReport {
        guard report.diagnostics.contains(where: { $0.fix != nil }) else { return report }
        let reused = ReusedNodes(report.file)
        return FileReport(file: report.file, diagnostics: report.diagnostics.map { finding in
            guard let fix = finding.fix else { return finding }
            if reused.reason(against: fix) == nil, case .success = attempt([finding], on: report.file, report: report, lint: lint) {
                return finding
            }
            return finding.withoutFix
        })
    }

    struct Failure: Error {
        let reason: String
    }

    /// The text with `batch`'s fixes applied and its findings, when the change is proven safe.
    static func attempt(_ batch: [Diagnostic], on file: SourceFile, report: FileReport,
                        lint: (SourceFile) -> FileReport) -> Result<(SourceFile, FileReport), Failure> {
        let edits = batch.flatMap { $0.fix!.edits }
        let next = SourceFile(path: file.path, bytes: Fix.Edit.apply(edits, to: file.bytes))
        if let reason = MeaningCheck.difference(before: file, after: next, edits: edits) {
            return .failure(Failure(reason: reason))
        }
        let nextReport = lint(next)
        var expected = RelintKey.counts(report.diagnostics)
        for finding in batch { expected[RelintKey(finding), default: 0] -= 1 }
        for finding in nextReport.diagnostics {
            let key = RelintKey(finding)
            guard let count = expected[key], count > 0 else {
                return .failure(Failure(reason: "the fixed text would have a new finding: \(finding.message) [\(finding.rule)]"))
            }
            expected[key] = count - 1
        }
        return .success((next, nextReport))
    }
}

/// A finding as the re-lint compares it: edits move columns and offsets, never what a message says.
struct RelintKey: Hashable {
    let rule: RuleID
    let severity: Severity
    let message: String

    init(_ diagnostic: Diagnostic) {
        rule = diagnostic.rule
        severity = diagnostic.severity
        message = diagnostic.message
    }

    static func counts(_ diagnostics: [Diagnostic]) -> [RelintKey: Int] {
        diagnostics.reduce(into: [:]) { $0[RelintKey($1), default: 0] += 1 }
    }
}

extension Diagnostic {
    /// The finding with no fix to offer: one the proof refused.
    var withoutFix: Diagnostic {
        var finding = self
        finding.fix = nil
        return finding
    }
}
