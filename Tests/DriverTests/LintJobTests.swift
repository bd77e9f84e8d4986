import Diagnostics
import Driver
import Foundation
import Reporting
import TestSupport
import Testing

/// A whole `lint` run in-process: discovery, parallel linting, reports in input order, the summary on
/// the error stream and the exit status.
struct LintJobTests {
    struct Outcome {
        let status: ExitStatus
        let output: String
        let errors: String
        let chunks: [String]
    }

    static func lint(_ paths: [String], format: ReportFormat = .text, strict: Bool = false, jobs: Int) -> Outcome {
        let reporting = LintReportOptions(destinations: [ReportDestination(format: format)],
                                          policy: FailurePolicy(failOn: strict ? .warning : .error))
        let job = LintJob(paths: paths, options: FrontEndOptions(), environment: EnvironmentOptions(process: []),
                          jobs: jobs, reporting: reporting)
        var chunks: [String] = []
        var errors = ""
        let status = job.run(output: { chunks.append($0) }, errors: { errors += $0 })
        return Outcome(status: status, output: chunks.joined(), errors: errors, chunks: chunks)
    }

    @Test func thousandFilesGiveTheSameBytesInInputOrderForAnyJobCount() throws {
        let folder = try TemporaryDirectory()
        try ManyFiles.write(into: folder)
        let expected = ManyFiles.expectedReport(root: folder.path)
        let serial = Self.lint([folder.path], jobs: 1)
        let parallel = Self.lint([folder.path], jobs: 8)
        #expect(serial.output == expected)
        #expect(parallel.output == serial.output, "byte-identical for 1 and 8 jobs")
        #expect(parallel.chunks == serial.chunks, "and streamed in the same pieces")
        for outcome in [serial, parallel] {
            #expect(outcome.status == .findings)
            #expect(outcome.errors == ManyFiles.summaryLine + "\n")
        }
    }

    @Test func thousandFilesAsJSON() throws {
        let folder = try TemporaryDirectory()
        try ManyFiles.write(into: folder)
        let serial = Self.lint([folder.path], format: .json, jobs: 1)
        let parallel = Self.lint([folder.path], format: .json, jobs: 8)
        #expect(parallel.output == serial.output)
        #expect(parallel.status == .findings)
        #expect(parallel.errors == ManyFiles.summaryLine + "\n", "the human summary still goes to the error stream")
        let object = try #require(JSONSerialization.jsonObject(with: Data(parallel.output.utf8)) as? [String: Any])
        #expect(object["summary"] as? [String: Int] == ["files": 1000, "errors": ManyFiles.errors, "warnings": ManyFiles.warnings, "infos": 0])
        let files = try #require(object["diagnostics"] as? [[String: Any]]).compactMap { $0["file"] as? String }
        let expectedFiles = (0..<ManyFiles.count).flatMap { index -> [String] in
            ManyFiles.expectedText(index, shown: "").isEmpty ? [] : [folder.path + "/" + ManyFiles.relativePath(index)]
        }
        #expect(files == expectedFiles, "one diagnostic per invalid file, in input order")
    }

    @Test func cleanRunIsSilentAndSucceeds() throws {
        let folder = try TemporaryDirectory()
        for index in 0..<20 { try folder.write("f\(index).yaml", "services:\n  web:\n    image: nginx:1.25\n") }
        let outcome = Self.lint([folder.path], jobs: 4)
        #expect(outcome.status == .success)
        #expect(outcome.output == "")
        #expect(outcome.errors == "")
    }

    @Test(arguments: [false, true])
    func warningsFailOnlyWhenStrict(strict: Bool) throws {
        let folder = try TemporaryDirectory()
        let path = try folder.write("w.yaml", ManyFiles.contents(13))
        let outcome = Self.lint([path], strict: strict, jobs: 1)
        #expect(outcome.status == (strict ? .findings : .success))
        #expect(outcome.output == ManyFiles.expectedText(13, shown: path))
        #expect(outcome.errors == "1 warning in 1 file (1 file checked)\n")
    }

    @Test func missingInputFailsWithStatusTwoButTheRestIsLinted() throws {
        let folder = try TemporaryDirectory()
        let bad = try folder.write("bad.yaml", ManyFiles.contents(0))
        let missing = folder.path("missing.yaml")
        let outcome = Self.lint([missing, bad], jobs: 2)
        #expect(outcome.status == .failure)
        #expect(outcome.output == ManyFiles.expectedText(0, shown: bad))
        #expect(outcome.errors == "stackc: \(missing): No such file or directory\n1 error in 1 file (1 file checked)\n")
    }

    @Test func folderWithoutTemplatesFailsWithStatusTwo() throws {
        let folder = try TemporaryDirectory()
        try folder.write("notes.txt", "x\n")
        let outcome = Self.lint([folder.path], jobs: 1)
        #expect(outcome.status == .failure)
        #expect(outcome.output == "")
        #expect(outcome.errors == "stackc: \(folder.path): no YAML files (*.yml, *.yaml) in this directory\n")
    }
}

/// Every format gives the same bytes whatever the number of jobs, streams in the same pieces, and the
/// streaming formats deliver a file's text as soon as that file is done.
struct LintJobFormatTests {
    @Test(arguments: [ReportFormat.sarif, .github, .junit])
    func thousandFilesAreDeterministic(format: ReportFormat) throws {
        let folder = try TemporaryDirectory()
        try ManyFiles.write(into: folder)
        let serial = LintJobTests.lint([folder.path], format: format, jobs: 1)
        let parallel = LintJobTests.lint([folder.path], format: format, jobs: 8)
        #expect(parallel.output == serial.output)
        #expect(parallel.chunks == serial.chunks)
        #expect(parallel.status == .findings)
        let streams = format != .sarif
        #expect((serial.chunks.count > 1) == streams, "\(format): \(serial.chunks.count) pieces")
    }
}
