import Diagnostics
import Project

/// Each finding of a lint run reported once. A file read as a project — one that includes or extends
/// others (`SingleFileProject`), a declared project — is reported with the files it pulls in, at their
/// own lines, because a problem there refuses the project too; when such a file is also an input of
/// the run, its own run finds many of the same problems, some worded for the other context (a port of
/// the extended service `app` is one of `web` in the project). The first report of a finding for a file wins, in input order, and a later one for
/// the same file carries only what is new; a report left with nothing for a file already reported is
/// dropped, so the file is counted once.
struct ReportedOnce {
    /// The findings reported so far, by file: its path cleaned, as the loader names the files it reaches
    /// (`./lib/compose.yaml` met in a folder is the `lib/compose.yaml` a project includes). Kept as
    /// reported, and compared only when a file is reported again: most never are.
    private var reported: [String: [Diagnostic]] = [:]

    /// `report` less what was already reported for its file; nil when nothing is left of a file already reported.
    mutating func admit(_ report: FileReport) -> FileReport? {
        let file = ProjectPath.clean(report.file.path)
        guard let earlier = reported[file] else {
            reported[file] = report.diagnostics
            return report
        }
        var seen = Set(earlier.map(\.identity))
        let fresh = report.diagnostics.filter { seen.insert($0.identity).inserted }
        reported[file] = earlier + fresh
        guard !fresh.isEmpty else { return nil }
        return fresh.count == report.diagnostics.count ? report : FileReport(file: report.file, diagnostics: fresh)
    }
}
