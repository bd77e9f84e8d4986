import Foundation

/// What one run of a child process produced. Output is decoded leniently (invalid UTF-8 becomes U+FFFD)
/// so a test about hostile bytes still gets to look at it.
public struct StackcRun: Sendable, Equatable {
    public let status: Int32
    public let stdout: String
    public let stderr: String
    /// The child's own peak resident set when the run measured it (else 0), so a test can bound memory
    /// per run even while other tests run children in parallel.
    public let peakResidentKilobytes: Int

    public init(status: Int32, peakResidentKilobytes: Int = 0, stdout: String, stderr: String) {
        self.status = status
        self.peakResidentKilobytes = peakResidentKilobytes
        self.stdout = stdout
        self.stderr = stderr
    }
}

/// The `stackc` executable could not be found where the tests expect it.
public struct StackcBinaryNotFound: Error, CustomStringConvertible {
    public let path: String
    public var description: String {
        "no stackc executable at \(path): build it with `swift build --build-tests`, or set STACKC_BINARY"
    }
}

/// The `stackc` executable built with the tests: `STACKC_BINARY` when set, otherwise the sibling of the
/// running test executable (SwiftPM puts both in the same build folder).
public var stackcBinary: URL {
    if let override = ProcessInfo.processInfo.environment["STACKC_BINARY"], !override.isEmpty {
        return URL(fileURLWithPath: override)
    }
    let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
    return executable.deletingLastPathComponent().appendingPathComponent("stackc")
}

/// Runs `stackc` (or `binary`) with `arguments` and returns its exit status and output.
///
/// - The child inherits this process's environment with `NO_COLOR=1`; `environment` then sets or
///   overrides variables (so a test can set `NO_COLOR` itself) and `removingEnvironment` drops some —
///   never a sanitizer's options (`ASAN_OPTIONS` …), which `make test-asan` needs every child to keep.
/// - `stdin` is the child's whole standard input; without it the child reads an empty input.
/// - Standard output and error go to temporary files rather than pipes, so a child that writes more
///   than a pipe buffer to both streams can never deadlock against the test.
/// - The working directory is the package root unless `currentDirectory` says otherwise.
/// - `measuringPeakMemory` runs the child under GNU time (`scripts/install-test-tools.sh` installs it).
public func runStackc(_ arguments: [String], stdin: String? = nil, environment: [String: String] = [:],
                      removingEnvironment: Set<String> = [], currentDirectory: URL = packageRoot,
                      binary: URL? = nil, measuringPeakMemory: Bool = false) throws -> StackcRun {
    let executable = binary ?? stackcBinary
    guard FileManager.default.isExecutableFile(atPath: executable.path) else {
        throw StackcBinaryNotFound(path: executable.path)
    }
    var env = ProcessInfo.processInfo.environment
    env["NO_COLOR"] = "1"
    for (key, value) in environment { env[key] = value }
    for key in removingEnvironment where !key.hasSuffix("SAN_OPTIONS") { env[key] = nil }

    let folder = try TemporaryDirectory()
    let outPath = try folder.write("stdout", bytes: [])
    let errPath = try folder.write("stderr", bytes: [])
    let inPath = try folder.write("stdin", stdin ?? "")
    let peakPath = folder.path("peak-rss")
    let out = try FileHandle(forWritingTo: URL(fileURLWithPath: outPath))
    let err = try FileHandle(forWritingTo: URL(fileURLWithPath: errPath))
    let input = try FileHandle(forReadingFrom: URL(fileURLWithPath: inPath))
    defer {
        try? out.close()
        try? err.close()
        try? input.close()
    }

    let process = Process()
    if measuringPeakMemory {
        // GNU time forks the child from its own small process, so the peak it reports is the child's;
        // Foundation's spawn shares this large test process's memory until exec, which Linux counts.
        process.executableURL = URL(fileURLWithPath: gnuTimePath)
        process.arguments = ["-f", "%M", "-o", peakPath, executable.path] + arguments
    } else {
        process.executableURL = executable
        process.arguments = arguments
    }
    process.currentDirectoryURL = currentDirectory
    process.environment = env
    process.standardOutput = out
    process.standardError = err
    process.standardInput = input
    try process.run()
    process.waitUntilExit()

    let stdout = try Data(contentsOf: URL(fileURLWithPath: outPath))
    let stderr = try Data(contentsOf: URL(fileURLWithPath: errPath))
    // A child killed by a signal reports 128 + the signal, as shells do, so it never looks like success.
    let status = process.terminationReason == .uncaughtSignal ? 128 + process.terminationStatus : process.terminationStatus
    let peak = measuringPeakMemory ? try peakKilobytes(reportedIn: peakPath) : 0
    return StackcRun(status: status, peakResidentKilobytes: peak,
                     stdout: String(decoding: stdout, as: UTF8.self),
                     stderr: String(decoding: stderr, as: UTF8.self))
}

/// GNU time, which reports a child's peak resident set with `-f %M`.
public let gnuTimePath = "/usr/bin/time"

/// GNU time writes "Command exited with non-zero status N" before the number when the child fails.
private func peakKilobytes(reportedIn path: String) throws -> Int {
    let text = try String(contentsOf: URL(fileURLWithPath: path), encoding: .utf8)
    return text.split(whereSeparator: \.isNewline).last.flatMap { Int($0) } ?? 0
}
