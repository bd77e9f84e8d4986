import Foundation
import Testing
import TestSupport

/// Where this test process keeps its certificates; removed when the process exits.
private let certificatePath = FileManager.default.temporaryDirectory.appendingPathComponent("stackc-certs-\(UUID().uuidString)").path

/// Certificates for the whole test run, made once with the openssl CLI by `Tests/Emulator/make-certs.sh`.
let certificateFolder: Result<String, EmulatorError> = {
    atexit { try? FileManager.default.removeItem(atPath: certificatePath) }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = [packageRoot.appendingPathComponent("Tests/Emulator/make-certs.sh").path, certificatePath]
    do {
        try process.run()
        process.waitUntilExit()
    } catch {
        return .failure(EmulatorError(message: "cannot run make-certs.sh: \(error)"))
    }
    return process.terminationStatus == 0 ? .success(certificatePath) : .failure(EmulatorError(message: "make-certs.sh failed"))
}()

struct EmulatorError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}

/// One run of `Tests/Emulator/emulator.py` on 127.0.0.1 with random ports; stopped when released
/// (closing its standard input ends it, and it ends itself after ten minutes whatever happens).
final class Emulator {
    let certificates: String
    let mutualTLSPort: Int
    let tlsPort: Int
    /// An HTTP CONNECT proxy that logs what it tunnels (method CONNECT, path host:port).
    let proxyPort: Int
    private let process: Process
    private let input: Pipe
    private let logFile: String

    /// `faults` and `projects` are JSON lists as `emulator.py --help` describes them.
    init(faults: String? = nil, projects: String? = nil, arguments: [String] = []) throws {
        certificates = try certificateFolder.get()
        logFile = FileManager.default.temporaryDirectory.appendingPathComponent("stackc-emulator-\(UUID().uuidString).log").path
        var all = [packageRoot.appendingPathComponent("Tests/Emulator/emulator.py").path, "--cert-dir", certificates, "--log", logFile]
        if let faults { all += ["--faults", faults] }
        if let projects { all += ["--projects", projects] }
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [ProcessInfo.processInfo.environment["STACKC_TEST_PYTHON"] ?? "python3"] + all + arguments
        input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        // The first line is {"mtls": PORT, "tls": PORT}; an emulator that dies early gives end of file.
        var line = Data()
        while !line.contains(UInt8(ascii: "\n")) {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            line.append(chunk)
        }
        guard let ports = try? JSONSerialization.jsonObject(with: line) as? [String: Int], let mtls = ports["mtls"], let tls = ports["tls"],
              let proxy = ports["proxy"] else {
            process.terminate()
            throw EmulatorError(message: "the emulator did not start: \(String(decoding: line, as: UTF8.self))")
        }
        mutualTLSPort = mtls
        tlsPort = tls
        proxyPort = proxy
    }

    deinit {
        try? input.fileHandleForWriting.close()
        process.terminate()
        process.waitUntilExit()
        try? FileManager.default.removeItem(atPath: logFile)
    }

    /// The aliyun cluster API (client certificate required).
    var clusterURL: String { "https://127.0.0.1:\(mutualTLSPort)" }
    /// v2, Alauda, triggers, OpenAPI.
    var apiURL: String { "https://127.0.0.1:\(tlsPort)" }

    /// `--endpoint … --cert-dir …` for the aliyun cluster API.
    var clusterArguments: [String] { ["--endpoint", clusterURL, "--cert-dir", certificates] }
    var apiArguments: [String] { ["--endpoint", apiURL, "--ca", certificates + "/ca.pem"] }

    struct Received {
        let method: String
        let path: String
        let query: String
        let headers: [String: String]
        let body: String
    }

    /// Every request the emulator received, in order, recorded before any fault was applied.
    func requests() throws -> [Received] {
        let text = (try? String(contentsOfFile: logFile, encoding: .utf8)) ?? ""
        return try text.split(separator: "\n").map { line in
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] ?? [:]
            return Received(method: object["method"] as? String ?? "", path: object["path"] as? String ?? "", query: object["query"] as? String ?? "",
                            headers: object["headers"] as? [String: String] ?? [:], body: object["body"] as? String ?? "")
        }
    }

    func count(_ method: String, _ path: String) throws -> Int {
        try requests().filter { $0.method == method && $0.path == path }.count
    }
}

/// Where the tests write their templates; removed when the process exits (a folder per test could be
/// released before stackc reads it).
private let templatePath = FileManager.default.temporaryDirectory.appendingPathComponent("stackc-templates-\(UUID().uuidString)").path
private let templatesCleanedAtExit: Void = { atexit { try? FileManager.default.removeItem(atPath: templatePath) } }()

/// A Compose template (or, `named` otherwise, any template) in a folder of its own (so no `.env` of
/// another test is read).
func composeTemplate(_ text: String = "web:\n  image: nginx:1.25\n", named name: String = "compose.yaml") throws -> String {
    templatesCleanedAtExit
    let folder = templatePath + "/" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    try text.write(toFile: folder + "/" + name, atomically: false, encoding: .utf8)
    return folder + "/" + name
}

/// The sample of a kind under `samples/`.
func sample(_ relative: String) -> String {
    packageRoot.appendingPathComponent("samples/" + relative).path
}

/// stackc with the emulator's hosts kept off any proxy the machine has configured.
func stackc(_ arguments: [String], environment: [String: String] = [:]) throws -> StackcRun {
    try runStackc(arguments, environment: ["NO_PROXY": "127.0.0.1", "no_proxy": "127.0.0.1"].merging(environment) { $1 },
                  removingEnvironment: Set(["STACKC_TOKEN", "ALIBABA_CLOUD_ACCESS_KEY_ID", "ALIBABA_CLOUD_ACCESS_KEY_SECRET"]).subtracting(environment.keys))
}

/// `stackc trigger URL`, which must be refused before anything is sent (exit 2), saying `message`
/// and never showing `secret`.
func expectTriggerRefused(_ url: String, saying message: String, hiding secret: String) throws {
    let run = try stackc(["trigger", url])
    #expect(run.status == 2)
    #expect(run.stderr.contains(message), "\(run.stderr)")
    #expect(!run.stderr.contains(secret))
}
