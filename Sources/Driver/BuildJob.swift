import Diagnostics
import Interpolation
import Lowering
import Model
import Reporting
import Rules
import Syntax

/// `stackc build`: one template through every check, then lowered to the request of one endpoint.
/// Any error-level finding means no body at all (exit 1): a pipeline never receives a request built
/// from an invalid template. Findings go to the error stream; the body (or the whole request) to the
/// output or, atomically, to a file.
public struct BuildJob {
    public var path: String
    public var flags: BuildFlags
    public var options: FrontEndOptions
    public var environment: EnvironmentOptions
    public var compact: Bool
    public var wholeRequest: Bool
    public var outputPath: String?
    /// The later `-f` files of a Compose project whose first file is `path`: merged onto it, with
    /// profiles and env files applied, into one template that needs no other file.
    public var overrides: [String] = []

    public init(path: String, flags: BuildFlags, options: FrontEndOptions, environment: EnvironmentOptions,
                compact: Bool = false, wholeRequest: Bool = false, outputPath: String? = nil) {
        self.path = path
        self.flags = flags
        self.options = options
        self.environment = environment
        self.compact = compact
        self.wholeRequest = wholeRequest
        self.outputPath = outputPath
    }

    public func run(output: (String) -> Void, errors: (String) -> Void, colors: Bool) -> ExitStatus {
        switch lower(errors: errors, colors: colors) {
        case .failure(let status): return status
        case .success(let built): return write(built.request, output: output, errors: errors)
        }
    }

    /// The request without printing it, for `stackc submit`; findings still go to `errors`.
    public func lower(errors: (String) -> Void, colors: Bool) -> Result<BuiltRequest, ExitStatus> {
        var reporter = TextReporter(colors: colors)
        let input: Input = path == "-" ? .standardInput : .file(path)
        guard let file = load(input, errors: errors) else { return .failure(.failure) }

        // A stack manifest names the template and the metadata; anything else is the template itself.
        let read = YAMLReader.read(file, limits: options.limits)
        if let tree = read.tree, options.kind == .stack || (options.kind == nil && DocumentKind.detect(tree) == .kind(.stack, nil)) {
            return buildFromManifest(file, errors: errors, reporter: &reporter)
        }
        guard let target = flags.target else {
            errors("stackc: --target is required unless \(input.displayName) is a stack manifest (targets: \(TargetID.allCases.map(\.rawValue).joined(separator: ", ")))\n")
            return .failure(.failure)
        }
        var files = [file]
        for path in overrides {
            guard let override = load(path == "-" ? .standardInput : .file(path), errors: errors) else { return .failure(.failure) }
            files.append(override)
        }
        return build(files, from: input, target: target, manifest: nil, environment: environment, errors: errors, reporter: &reporter)
    }

    /// A stack manifest as read: its findings so far and the request values it writes.
    private struct ManifestInput {
        let file: SourceFile
        let diagnostics: [Diagnostic]
        let values: [RequestField: Located<String>]
    }

    private func buildFromManifest(_ file: SourceFile, errors: (String) -> Void, reporter: inout TextReporter) -> Result<BuiltRequest, ExitStatus> {
        let directory = FrontEnd.directory(of: .file(file.path))
        guard let variables = loadEnvironment(environment, directory: directory, errors: errors, reporter: &reporter) else {
            return .failure(.failure)
        }
        let processed = FrontEnd.process(file, environment: variables.environment, directory: directory, options: options)
        guard let interpolatedTree = processed.tree, !variables.hasErrors else {
            errors(reporter.report(FileReport(file: file, diagnostics: processed.diagnostics)))
            errors("stackc: no request built: fix the errors above\n")
            return .failure(.findings)
        }
        var (manifest, diagnostics) = StackManifest.read(interpolatedTree)
        diagnostics = processed.diagnostics + diagnostics
        var target = flags.target
        if target == nil, let named = manifest.target {
            target = TargetID(rawValue: named.value)
            if target == nil {
                let suggestion = Suggestions.closest(to: named.value, among: TargetID.allCases.map(\.rawValue)).map { "; did you mean '\($0)'?" } ?? ""
                diagnostics.append(Diagnostic(rule: .typeMismatch, severity: .error, message: "unknown target '\(named.value)'\(suggestion)",
                                              range: named.range, path: named.path))
            }
        }
        guard let target, let template = manifest.template, !FileReport(file: file, diagnostics: diagnostics).hasErrors else {
            errors(reporter.report(FileReport(file: file, diagnostics: diagnostics)))
            errors("stackc: no request built: \(file.path) has errors\n")
            return .failure(.findings)
        }
        let resolve = { (relative: String) in relative.hasPrefix("/") || directory.isEmpty ? relative : directory + "/" + relative }
        var environment = environment
        if environment.envFiles.isEmpty { environment.envFiles = manifest.envFiles.map { resolve($0.value) } }
        environment.overrides = manifest.environment + environment.overrides
        let templatePath = resolve(template.value)
        guard let templateFile = load(.file(templatePath), errors: errors) else { return .failure(.failure) }
        return build([templateFile], from: .file(templatePath), target: target,
                     manifest: ManifestInput(file: file, diagnostics: diagnostics, values: manifest.values), environment: environment,
                     errors: errors, reporter: &reporter)
    }

    /// The variables of the template's folder, their files' findings printed; nil when a file cannot
    /// be read at all (exit 2). A finding in an env file stops the build as it stops `lint`.
    private func loadEnvironment(_ environment: EnvironmentOptions, directory: String, errors: (String) -> Void,
                                 reporter: inout TextReporter) -> (environment: Environment, hasErrors: Bool)? {
        let loaded = EnvironmentLoader(options: environment).load(forDirectory: directory)
        for report in loaded.reports { errors(reporter.report(report)) }
        if loaded.failed { return nil }
        return (loaded.environment, loaded.reports.contains(where: \.hasErrors))
    }

    private func load(_ input: Input, errors: (String) -> Void) -> SourceFile? {
        switch FileLoader.load(input, maxBytes: options.limits.maxFileBytes) {
        case .failure(let failure):
            errors("stackc: \(input.displayName): \(failure.message)\n")
            return nil
        case .success(let file):
            return file
        }
    }

    /// The template's files (one, or a Compose project's) checked, then lowered for `target`.
    private func build(_ files: [SourceFile], from input: Input, target: TargetID, manifest: ManifestInput?, environment: EnvironmentOptions,
                       errors: (String) -> Void, reporter: inout TextReporter) -> Result<BuiltRequest, ExitStatus> {
        var options = options
        options.platform = target.platform
        options.selfContained = true
        if options.kind == .stack { options.kind = nil }
        let directory = FrontEnd.directory(of: input)
        guard let variables = loadEnvironment(environment, directory: directory, errors: errors, reporter: &reporter) else {
            return .failure(.failure)
        }

        // The template's verdict is lint's (suppression comments included), then the request's values are checked.
        // A project's files become one template, its profiles and env files applied (`ProjectFrontEnd`).
        let project = ProjectFrontEnd.process(files, directory: directory, environment: variables.environment, options: options)
        let processed = project.processed
        let file = processed.file
        let (document, checked) = LintPipeline.check(processed, options: options)
        let assembly = RequestAssembly(target: target, flags: flags.values, manifest: manifest?.values ?? [:], document: document)
        // A template value the request reads (a configmap's name) may already have its template finding.
        if files.count > 1, assembly.metadata.variables == .keep {
            errors("stackc: --variables keep sends the template as written, which a project of several files does not have; leave it out to send the merged template\n")
            return .failure(.failure)
        }
        let templateDiagnostics = checked.diagnostics + assembly.template.filter { !checked.diagnostics.contains($0) }
        var reports = project.text.split(FileReport(file: file, diagnostics: templateDiagnostics)) + project.envFileReports + [assembly.commandLineReport]
        if let manifest { reports.insert(FileReport(file: manifest.file, diagnostics: manifest.diagnostics + assembly.manifest), at: 0) }
        for report in reports where !report.diagnostics.isEmpty { errors(reporter.report(report)) }
        guard !variables.hasErrors, !reports.contains(where: \.hasErrors), let document, let interpolated = processed.interpolated else {
            errors("stackc: no request built: fix the errors above\n")
            return .failure(.findings)
        }

        let request: Request
        do {
            request = try target.target.lower(LoweringInput(document: document, file: file, interpolated: interpolated,
                                                            environment: processed.environment, metadata: assembly.metadata))
        } catch {
            errors("stackc: no request built: \(error.message)\n")
            return .failure(.findings)
        }
        var values = interpolated.referencedNames.compactMap { processed.environment[$0]?.value } + project.envFileValues.map(\.value)
        if document.kind == .secret {
            values += ["data", "stringData"].flatMap { section in document.root[section]?.entries.compactMap { $0.value.string?.value } ?? [] }
        }
        return .success(BuiltRequest(target: target, request: request, secretValues: values))
    }

    private func write(_ request: Request, output: (String) -> Void, errors: (String) -> Void) -> ExitStatus {
        let indent = compact ? nil : "  "
        let text = (wholeRequest ? request.json(indent: indent) : (request.body ?? .null).rendered(indent: indent)) + "\n"
        guard let outputPath, outputPath != "-" else {
            output(text)
            return .success
        }
        do {
            try AtomicFile.write(text, to: outputPath)
        } catch {
            errors("stackc: \(error.description)\n")
            return .failure
        }
        return .success
    }
}

/// A request ready to send, with the values of the variables the template used and, for a secret, its
/// data: the sender must never print them (they are often passwords), so it hands them to its redactor.
public struct BuiltRequest: Sendable {
    public let target: TargetID
    public let request: Request
    public let secretValues: [String]
}
