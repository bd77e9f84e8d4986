import Diagnostics
import Project

/// Each finding of a lint run reported once. A file read as a project — one that includes or extends
/// others (`SingleFileProject`), a declared project — is reported with the files it pulls in, at their
/// own lines, because a problem there refuses the project too; when such a file is also an input of
/// the run, its own run finds many of the same problems, some worded for the other context (a port of
/// the extended service `app` is one of `web` in the project). The first report of a finding for a
/// file wins, in input order, and a later one for the same file carries only what is new; a report left
/// with nothing for a file already reported is dropped, so the file is counted once.
struct ReportedOnce {
    /// What was reported before any input gave several reports: until one does, no file can have been
    /// reported twice, and comparing paths (cleaned and hashed, a few thousand instructions each)
    /// would cost every run for nothing.
    private var earlier: [(path: String, diagnostics: [Diagnostic])] = []
    /// Once an input gave several reports: the findings reported so far, by file, its path cleaned as
    /// the loader names the files it reaches (`./lib/compose.yaml` met in a folder is the
    /// `lib/compose.yaml` a project includes).
    private var reported: [String: [Diagnostic]]?

    /// The reports of one input, less what was already reported for their files.
    mutating func admit(_ reports: [FileReport]) -> [FileReport] {
        if reported == nil {
            guard reports.count > 1 else {
                earlier += reports.map { ($0.file.path, $0.diagnostics) }
                return reports
            }
            reported = [:]
            for (path, diagnostics) in earlier { _ = record(path: path, diagnostics) }
            earlier = []
        }
        return reports.compactMap { report in
            record(path: report.file.path, report.diagnostics).map { fresh in
                fresh.count == report.diagnostics.count ? report : FileReport(file: report.file, diagnostics: fresh)
            }
        }
    }

    /// Records a report's findings; returns those new for the file, nil when the file was reported
    /// before and nothing is new.
    private mutating func record(path: String, _ diagnostics: [Diagnostic]) -> [Diagnostic]? {
        let file = ProjectPath.clean(path)
        guard let known = reported?[file] else {
            reported?[file] = diagnostics
            return diagnostics
        }
        var seen = Set(known.map(\.identity))
        let fresh = diagnostics.filter { seen.insert($0.identity).inserted }
        reported?[file] = known + fresh
        return fresh.isEmpty ? nil : fresh
    }
}
