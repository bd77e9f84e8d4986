#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Diagnostics
import Interpolation
import Rules

/// Where variables come from for a run (`--env-file`, `-e`, the process environment).
public struct EnvironmentOptions: Sendable {
    /// `--env-file` paths; when empty, `.env` beside each template is read if it exists.
    public var envFiles: [String]
    /// `-e KEY=VALUE`, highest precedence.
    public var overrides: [(name: String, value: String)]
    /// `-p/--project-name`, which decides `COMPOSE_PROJECT_NAME`.
    public var projectName: String?
    /// The process environment, captured once (tests pass their own).
    public var process: [(name: String, value: String)]

    public init(envFiles: [String] = [], overrides: [(name: String, value: String)] = [], projectName: String? = nil,
                process: [(name: String, value: String)] = EnvironmentOptions.currentProcessEnvironment()) {
        self.envFiles = envFiles
        self.overrides = overrides
        self.projectName = projectName
        self.process = process
    }

    public static func currentProcessEnvironment() -> [(name: String, value: String)] {
        var result: [(name: String, value: String)] = []
        var pointer = environ
        while let entry = pointer.pointee {
            let text = String(cString: entry)
            if let equals = text.firstIndex(of: "=") {
                result.append((String(text[..<equals]), String(text[text.index(after: equals)...])))
            }
            pointer += 1
        }
        return result
    }
}

/// Builds the layered `Environment` for each template folder, reading each env file once per run.
/// Problems in an env file become that file's own report, so they are shown with its positions.
public struct EnvironmentLoader: Sendable {
    public struct Loaded: Sendable {
        public let environment: Environment
        /// Reports for env files that had problems or could not be read.
        public let reports: [FileReport]
        public let failed: Bool

        /// No variables at all (`--no-interpolate`).
        static let empty = Loaded(environment: Environment(), reports: [], failed: false)
    }

    public var options: EnvironmentOptions

    public init(options: EnvironmentOptions) {
        self.options = options
    }

    /// The environment for templates in `directory` whose configuration is `configuration`: its
    /// `env-files` replace the folder's `.env`, and `--env-file`s replace both.
    public func load(forDirectory directory: String, configuration: Configuration?) -> Loaded {
        guard options.envFiles.isEmpty, let configured = configuration?.envFiles, !configured.isEmpty else {
            return load(forDirectory: directory)
        }
        var loader = self
        loader.options.envFiles = configured
        return loader.load(forDirectory: directory)
    }

    /// The environment for templates in `directory` (`""` for standard input: the current folder).
    public func load(forDirectory directory: String) -> Loaded {
        var environment = Environment()
        var reports: [FileReport] = []
        var failed = false
        var envFiles: [String: SourceFile] = [:]
        let explicit = !options.envFiles.isEmpty
        let files = explicit ? options.envFiles : [directory.isEmpty ? ".env" : directory + "/.env"]
        let processLookup = Dictionary(options.process, uniquingKeysWith: { _, last in last })
        for path in files {
            if !explicit, access(path, F_OK) != 0 { continue }
            switch FileLoader.load(.file(path), maxBytes: 16 << 20) {
            case .failure(let failure):
                failed = true
                reports.append(FileReport(file: SourceFile(path: path, bytes: []), diagnostics: [
                    Diagnostic(rule: .unreadableInput, severity: .error, message: "env file \(failure.message)", range: nil),
                ]))
            case .success(let file):
                envFiles[path] = file
                let text = String(decoding: file.bytes, as: UTF8.self)
                // Compose consults the outside environment before the file's own earlier lines.
                let parsed = parseDotEnv(text) { name in
                    processLookup[String(name)] ?? environment[name]?.value
                }
                for entry in parsed.entries {
                    environment.set(entry.key, entry.value, source: .envFile(path: path, line: entry.line))
                }
                if !parsed.failures.isEmpty { reports.append(FileReport(envFile: file, failures: parsed.failures)) }
            }
        }
        for (name, value) in options.process {
            environment.set(name, value, source: .process)
        }
        for (name, value) in options.overrides {
            environment.set(name, value, source: .commandLine)
        }
        if let refused = refusedProjectName(in: environment, envFiles: envFiles) {
            reports.append(refused)
            failed = true
        }
        return Loaded(environment: environment, reports: reports, failed: failed)
    }

    /// A project name from `-p` or `COMPOSE_PROJECT_NAME` that Docker Compose refuses (it normalises
    /// only `name:` and the folder's name): bad usage rather than a finding in a template, so every
    /// command stops before reading one (exit 2). Reported at the `.env` line that set the variable.
    private func refusedProjectName(in environment: Environment, envFiles: [String: SourceFile]) -> FileReport? {
        let variable = environment["COMPOSE_PROJECT_NAME"]
        let (name, source) = if let explicit = options.projectName, !explicit.isEmpty { (explicit, "-p") }
                             else { (variable?.value ?? "", "COMPOSE_PROJECT_NAME") }
        guard let problem = ComposeProjectName.problem(with: name, from: source) else { return nil }
        if source != "-p", case .envFile(let path, let line)? = variable?.source, let file = envFiles[path] {
            var hint = PositionHint()
            let location = SourceLocation(line: line, column: 1, offset: file.byteOffset(line: line - 1, column: 0, hint: &hint))
            return FileReport(file: file, diagnostics: [Diagnostic(rule: ComposeProjectName.rule, severity: .error, message: problem, range: SourceRange(at: location))])
        }
        return FileReport(file: SourceFile(path: "stackc", bytes: []), diagnostics: [Diagnostic(rule: ComposeProjectName.rule, severity: .error, message: problem, range: nil)])
    }
}
