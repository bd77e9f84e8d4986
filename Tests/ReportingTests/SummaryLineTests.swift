import Diagnostics
import Reporting
import Testing

/// The one-line summary for stderr: counts with singular/plural nouns, joined as English lists.
struct SummaryLineTests {
    static func summary(files: Int, errors: Int = 0, warnings: Int = 0, infos: Int = 0) -> Summary {
        var summary = Summary()
        summary.files = files
        summary.errors = errors
        summary.warnings = warnings
        summary.infos = infos
        return summary
    }

    @Test(arguments: [
        (summary(files: 1, errors: 1), 1, "1 error in 1 file (1 file checked)"),
        (summary(files: 3, errors: 2, warnings: 1), 2, "2 errors and 1 warning in 2 files (3 files checked)"),
        (summary(files: 10, errors: 2, warnings: 1), 3, "2 errors and 1 warning in 3 files (10 files checked)"),
        (summary(files: 5, warnings: 1), 1, "1 warning in 1 file (5 files checked)"),
        (summary(files: 2, warnings: 4), 2, "4 warnings in 2 files (2 files checked)"),
        (summary(files: 1, infos: 1), 1, "1 info in 1 file (1 file checked)"),
        (summary(files: 1000, errors: 143), 143, "143 errors in 143 files (1000 files checked)"),
        (summary(files: 4, errors: 1, infos: 2), 2, "1 error and 2 infos in 2 files (4 files checked)"),
        (summary(files: 4, warnings: 1, infos: 1), 1, "1 warning and 1 info in 1 file (4 files checked)"),
        (summary(files: 7, errors: 1, warnings: 1, infos: 1), 1, "1 error, 1 warning and 1 info in 1 file (7 files checked)"),
        (summary(files: 9, errors: 3, warnings: 2, infos: 5), 4, "3 errors, 2 warnings and 5 infos in 4 files (9 files checked)"),
    ])
    func wording(summary: Summary, filesWithFindings: Int, expected: String) {
        #expect(TextReporter.summaryLine(summary, filesWithFindings: filesWithFindings) == expected)
    }

    @Test func noNewlineOfItsOwn() {
        #expect(!TextReporter.summaryLine(Self.summary(files: 1, errors: 1), filesWithFindings: 1).contains("\n"))
    }
}
