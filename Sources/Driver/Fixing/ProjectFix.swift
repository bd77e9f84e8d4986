import Diagnostics
import Interpolation

/// `lint --fix` of a Compose project (`-f base.yaml -f override.yaml`, a fragment merged onto its base,
/// a project of `.stackc.yaml`). Each fix belongs to the file its finding points at (`ProjectText.split`):
/// the files are fixed one after another, each as `FixEngine` fixes a single file, except that the proof
/// re-lints the whole project with the file's new text — a fix that gives any file of the project a
/// finding it did not have is refused. Nothing is written here (`FixLog` writes each file).
enum ProjectFix {
    /// - Parameter owned: whether the file at an index is this run's to fix and report; a fragment's
    ///   base, or a file `.stackc.yaml` gives to another project, is fixed and reported by its own run, so
    ///   a file is never fixed twice.
    static func fix(_ inputs: [Input], owned: (Int) -> Bool, environment: Environment, options: FrontEndOptions,
                    policy: FindingPolicy) -> LintPipeline.Outcome {
        var files: [SourceFile]
        switch LintPipeline.load(inputs, options: options) {
        case .failure(let failure): return failure.outcome
        case .success(let loaded): files = loaded
        }
        let directory = FrontEnd.directory(of: inputs[0])
        let lint = { (files: [SourceFile], keepingFixes: Bool) in
            LintPipeline.lintProject(files, directory: directory, environment: environment, options: options, policy: policy, keepingFixes: keepingFixes)
        }
        let found = lint(files, false)
        var engineResults: [Int: FileFix] = [:]
        for index in files.indices where owned(index) {
            let others = files
            let result = FixEngine.fix(files[index]) { text in
                var project = others
                project[index] = text
                let reports = lint(project, true)
                // The file's own findings, which carry its fixes; every other file's too, without fixes, so
                // that a finding a fix brings anywhere in the project refuses it.
                let elsewhere = reports.indices.filter { $0 != index }.flatMap { reports[$0].diagnostics.map(\.withoutFix) }
                return FileReport(file: text, diagnostics: reports[index].diagnostics + elsewhere)
            }
            files[index] = result.fixed
            engineResults[index] = result
        }
        let remaining = lint(files, false)
        let fixes = inputs.indices.compactMap { index in
            engineResults[index].map { result in
                (input: inputs[index], fix: FileFix(original: result.original, fixed: result.fixed, applied: result.applied, refused: result.refused,
                                                    found: found[index], remaining: remaining[index]))
            }
        }
        // After the project's files come its env files' reports, which no fix touches.
        let kept = remaining.indices.filter { $0 >= inputs.count || owned($0) }.map { remaining[$0] }
        return LintPipeline.Outcome(reports: kept, inputFailed: false, fixes: fixes)
    }
}
