import Foundation
import TestSupport
import Testing

/// 1,000 small templates in one process: every file reported, in input order, whatever the number of
/// jobs, with the summary on stderr.
struct ManyFilesLintTests {
    @Test func thousandFilesInInputOrder() throws {
        let folder = try TemporaryDirectory()
        try ManyFiles.write(into: folder)
        let expected = ManyFiles.expectedReport(root: folder.path)
        let defaultJobs = try runStackc(["lint", folder.path])
        #expect(defaultJobs.stdout == expected)
        #expect(defaultJobs.stderr == ManyFiles.summaryLine + "\n")
        #expect(defaultJobs.status == 1)
        for jobs in ["1", "8"] {
            let run = try runStackc(["lint", "--jobs", jobs, folder.path])
            #expect(run.stdout == expected, "--jobs \(jobs)")
            #expect(run.status == 1)
        }
    }

    @Test func thousandFilesFromTheFolderItself() throws {
        let folder = try TemporaryDirectory()
        try ManyFiles.write(into: folder)
        let run = try runStackc(["lint", "--jobs", "8"], currentDirectory: folder.url)
        #expect(run.stdout == ManyFiles.expectedReport(root: ""))
        #expect(run.status == 1)
    }
}
