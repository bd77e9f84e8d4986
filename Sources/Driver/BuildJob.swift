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
    public var target: TargetID
    public var metadata: RequestMetadata
    public var options: FrontEndOptions
    public var environment: EnvironmentOptions
    public var compact: Bool
    public var wholeRequest: Bool
    public var outputPath: String?

    public init(path: String, target: TargetID, metadata: RequestMetadata, options: FrontEndOptions, environment: EnvironmentOptions,
                compact: Bool = false, wholeRequest: Bool = false, outputPath: String? = nil) {
        self.path = path
        self.target = target
        self.metadata = metadata
        self.options = options
        self.environment = environment
        self.compact = compact
        self.wholeRequest = wholeRequest
        self.outputPath = outputPath
    }

    public func run(output: (String) -> Void, errors: (String) -> Void, colors: Bool) -> ExitStatus {
        var options = options
        options.platform = target.platform
        let input: Input = path == "-" ? .standardInput : .file(path)
        var reporter = TextReporter(colors: colors)
        let directory = FrontEnd.directory(of: input)
        let loaded = EnvironmentLoader(options: environment).load(forDirectory: directory)
        for report in loaded.reports { errors(reporter.report(report)) }
        if loaded.failed { return .failure }
        let file: SourceFile
        switch FileLoader.load(input, maxBytes: options.limits.maxFileBytes) {
        case .failure(let failure):
            errors("stackc: \(input.displayName): \(failure.message)\n")
            return .failure
        case .success(let loadedFile):
            file = loadedFile
        }

        let processed = FrontEnd.process(file, environment: loaded.environment, directory: directory, options: options)
        var diagnostics = processed.diagnostics
        var document: Document?
        if let tree = processed.tree {
            let decoded = DocumentDecoder.decode(tree, kind: options.kind)
            diagnostics += decoded.diagnostics
            if let decodedDocument = decoded.document {
                diagnostics += RuleEngine.check(decodedDocument, platform: target.platform)
                document = decodedDocument
            }
        }
        let report = FileReport(file: file, diagnostics: diagnostics)
        errors(reporter.report(report))
        guard report.count(of: .error) == 0, let document, let interpolated = processed.interpolated else {
            errors("stackc: no request built: \(input.displayName) has errors\n")
            return .findings
        }

        let request: Request
        do {
            request = try target.target.lower(LoweringInput(document: document, file: file, interpolated: interpolated,
                                                            environment: processed.environment, metadata: metadata))
        } catch {
            errors("stackc: \(error.message)\n")
            return .failure
        }
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
