import Diagnostics

/// The findings as a Markdown table for a GitHub Actions job summary (`$GITHUB_STEP_SUMMARY`). GitHub
/// shows only ten annotations of each kind per step; the summary holds all of them, up to GitHub's
/// 1 MiB limit for a step's summary, after which one line says how many were left out.
public struct MarkdownSummaryReporter: Reporter {
    /// GitHub refuses step summaries over 1 MiB; stay well below so the upload never fails.
    static let byteBudget = 1_000_000
    private let sourceTree: SourceTree
    private var rows = ""
    private var omitted = 0
    private var filesWithFindings = 0

    public init(sourceTree: SourceTree) {
        self.sourceTree = sourceTree
    }

    public mutating func report(_ file: FileReport) -> String {
        if !file.diagnostics.isEmpty { filesWithFindings += 1 }
        let path = Self.escape(sourceTree.path(of: file.file.path))
        for diagnostic in file.diagnostics {
            let position = diagnostic.range.map { "\($0.start.line):\($0.start.column)" } ?? ""
            let row = "| \(diagnostic.severity) | \(path) | \(position) | \(Self.escape(diagnostic.rule.name)) | \(Self.escape(diagnostic.message)) |\n"
            if omitted > 0 || rows.utf8.count + row.utf8.count > Self.byteBudget {
                omitted += 1
            } else {
                rows += row
            }
        }
        return ""
    }

    public mutating func finish(_ summary: Summary) -> String {
        var output = "### stackc lint\n\n"
        guard summary.findings > 0 else {
            return output + "No problems in \(summary.files) file\(summary.files == 1 ? "" : "s").\n\n"
        }
        output += Self.escape(TextReporter.summaryLine(summary, filesWithFindings: filesWithFindings)) + "\n\n"
        output += "| severity | file | line:column | rule | message |\n| --- | --- | --- | --- | --- |\n" + rows
        if omitted > 0 { output += "\n\(omitted) more findings are not shown (the summary would exceed GitHub's size limit).\n" }
        return output + "\n"
    }

    /// Table cells are Markdown: every ASCII punctuation character is backslash-escaped (CommonMark
    /// allows that for all of them), so `|` cannot end a cell, `*`, `_`, `[`, `<`, `$` cannot start
    /// emphasis, links, HTML or math, and `@` cannot mention anyone. Control characters were already
    /// made visible, so a template cannot end the row either.
    static func escape(_ text: String) -> String {
        var result = ""
        for scalar in Sanitizer.terminalSafe(text).unicodeScalars {
            if scalar.isASCII, isPunctuation(UInt8(scalar.value)) { result += "\\" }
            result.unicodeScalars.append(scalar)
        }
        return result
    }

    private static func isPunctuation(_ byte: UInt8) -> Bool {
        (0x21...0x2F).contains(byte) || (0x3A...0x40).contains(byte) || (0x5B...0x60).contains(byte) || (0x7B...0x7E).contains(byte)
    }
}
