#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Diagnostics
import Reporting
import Rules

/// Feeds every file report to each requested format: standard output streams as files arrive, report
/// files are gathered and written atomically at the end (a reader never sees half a SARIF log), and a
/// GitHub Actions job summary is appended to `$GITHUB_STEP_SUMMARY` when asked for.
struct ReportSinks {
    private struct Sink {
        var reporter: any Reporter
        /// Nil for standard output.
        let path: String?
        let appending: Bool
        var buffer = ""
    }

    private var sinks: [Sink]

    init(destinations: [ReportDestination], context: ReportContext, stepSummary: String?) {
        var fileContext = context
        fileContext.colors = false
        sinks = destinations.map { destination in
            Sink(reporter: destination.format.makeReporter(destination.path == nil ? context : fileContext), path: destination.path, appending: false)
        }
        if let stepSummary {
            sinks.append(Sink(reporter: MarkdownSummaryReporter(sourceTree: context.sourceTree), path: stepSummary, appending: true))
        }
    }

    /// Hands one file to every report; returns the text for standard output.
    mutating func report(_ file: FileReport) -> String {
        var standardOutput = ""
        for index in sinks.indices {
            emit(sinks[index].reporter.report(file), to: index, standardOutput: &standardOutput)
        }
        return standardOutput
    }

    /// Ends every report and writes the files: the last text for standard output, and one message per
    /// file that could not be written.
    mutating func finish(_ summary: Summary) -> (standardOutput: String, problems: [String]) {
        var standardOutput = ""
        var problems: [String] = []
        for index in sinks.indices {
            emit(sinks[index].reporter.finish(summary), to: index, standardOutput: &standardOutput)
            guard let path = sinks[index].path else { continue }
            do {
                if sinks[index].appending {
                    try Self.append(sinks[index].buffer, to: path)
                } else {
                    try AtomicFile.write(sinks[index].buffer, to: path)
                }
            } catch {
                problems.append(error.description)
            }
        }
        return (standardOutput, problems)
    }

    private mutating func emit(_ text: String, to index: Int, standardOutput: inout String) {
        if sinks[index].path == nil { standardOutput += text } else { sinks[index].buffer += text }
    }

    /// The job summary is shared by every step of a job, so it is appended to, never replaced.
    private static func append(_ text: String, to path: String) throws(AtomicFile.Failure) {
        let descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { throw AtomicFile.Failure(description: "cannot append to \(path): \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let count = bytes.withUnsafeMutableBytes { write(descriptor, $0.baseAddress! + offset, $0.count - offset) }
            if count < 0 {
                if errno == EINTR { continue }
                throw AtomicFile.Failure(description: "cannot append to \(path): \(String(cString: strerror(errno)))")
            }
            offset += count
        }
    }

    /// The catalogue in the shape reporters take (SARIF lists every rule).
    static let ruleInfos: [RuleInfo] = Catalogue.entries.map {
        RuleInfo(id: $0.id, severity: $0.severity, summary: $0.summary, rationale: $0.rationale.wrappedParagraph())
    }
}
