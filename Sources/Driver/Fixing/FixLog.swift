import Diagnostics

/// `lint --fix` or `lint --fix --diff`.
public enum FixMode: Sendable, Equatable {
    /// Write each fixed file in place (`FixWriter`).
    case write
    /// Print a unified diff of every fixed file on standard output and write nothing.
    case diff
}

/// What a `--fix` run does with each file's fixes, in input order: writes the file or prints its diff,
/// and says on standard error what was fixed and what was not, GNU style
/// (`compose.yaml:3:5: fixed: rename key 'dependson' to 'depends_on' [unknown-field]`), then a total.
struct FixLog {
    let mode: FixMode?
    private var fixes = 0
    private var files = 0
    private var refused = 0

    init(mode: FixMode?) {
        self.mode = mode
    }

    /// False when the fixed file could not be written (exit status 2).
    mutating func record(_ result: FileFix, input: Input, output: (String) -> Void, errors: (String) -> Void) -> Bool {
        let path = result.original.path
        for change in result.refused {
            errors("\(Self.place(change, path)): not fixed: \(change.fix.title) [\(change.finding.rule)]: \(change.refusal)\n")
        }
        refused += result.refused.count
        guard result.changed, let mode else { return true }
        switch mode {
        case .diff:
            output(UnifiedDiff.diff(result.original.bytes, result.fixed.bytes, path: path))
        case .write:
            guard case .file(let file) = input else {
                errors("stackc: \(path): standard input cannot be fixed in place; use --fix --diff\n")
                return false
            }
            if let problem = FixWriter.write(result, to: file) {
                errors("stackc: \(problem)\n")
                return false
            }
        }
        for change in result.applied {
            errors("\(Self.place(change, path)): \(mode == .write ? "fixed" : "fixable"): \(change.fix.title) [\(change.finding.rule)]\n")
        }
        fixes += result.applied.count
        files += 1
        return true
    }

    func finish(errors: (String) -> Void) {
        guard mode != nil, fixes + refused > 0 else { return }
        let verb = mode == .write ? "fixed" : "would fix"
        let fixed = "\(fixes) finding\(fixes == 1 ? "" : "s") in \(files) file\(files == 1 ? "" : "s")"
        errors("stackc: \(verb) \(fixed)" + (refused > 0 ? "; \(refused) fix\(refused == 1 ? "" : "es") refused" : "") + "\n")
    }

    /// `file:line:column` of the finding, as it was in the text the fix was made for.
    private static func place(_ change: FileFix.Change, _ path: String) -> String {
        change.finding.range.map { "\(path):\($0.start.line):\($0.start.column)" } ?? path
    }
}
