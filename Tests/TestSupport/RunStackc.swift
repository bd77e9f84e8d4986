import Foundation

/// What a run of the built `stackc` binary produced.
public struct StackcRun: Sendable {
    public let status: Int32
    public let stdout: String
    public let stderr: String
}

/// Runs the `stackc` binary that was built with the tests: the sibling of the running test executable,
/// or `STACKC_BINARY` when set. Output goes to temporary files rather than pipes, so a child writing
/// more than a pipe buffer can never deadlock the test.
public func runStackc(_ arguments: [String], stdin: String? = nil, environment: [String: String] = [:],
                      currentDirectory: URL = packageRoot, binary: URL? = nil) throws -> StackcRun {
    let process = Process()
    process.executableURL = binary ?? stackcBinary
    process.arguments = arguments
    process.currentDirectoryURL = currentDirectory
    var env = ProcessInfo.processInfo.environment
    env["NO_COLOR"] = "1"
    for (key, value) in environment { env[key] = value }
    process.environment = env

    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("stackc-run-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let outURL = folder.appendingPathComponent("out")
    let errURL = folder.appendingPathComponent("err")
    let inURL = folder.appendingPathComponent("in")
    FileManager.default.createFile(atPath: outURL.path, contents: nil)
    FileManager.default.createFile(atPath: errURL.path, contents: nil)
    FileManager.default.createFile(atPath: inURL.path, contents: Data((stdin ?? "").utf8))
    let out = try FileHandle(forWritingTo: outURL)
    let err = try FileHandle(forWritingTo: errURL)
    let input = try FileHandle(forReadingFrom: inURL)
    process.standardOutput = out
    process.standardError = err
    process.standardInput = input
    try process.run()
    process.waitUntilExit()
    try out.close()
    try err.close()
    try input.close()
    return StackcRun(status: process.terminationStatus,
                     stdout: try String(contentsOf: outURL, encoding: .utf8),
                     stderr: try String(contentsOf: errURL, encoding: .utf8))
}

/// The package's root folder (holding Package.swift), found from this file's location.
public let packageRoot: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../..").standardized

/// The `stackc` executable built alongside the tests.
public var stackcBinary: URL {
    if let override = ProcessInfo.processInfo.environment["STACKC_BINARY"] {
        return URL(fileURLWithPath: override)
    }
    let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
    return executable.deletingLastPathComponent().appendingPathComponent("stackc")
}
