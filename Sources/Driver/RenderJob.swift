import Diagnostics
import Interpolation
import Reporting
import Syntax

/// The output formats of `render`.
public enum RenderFormat: String, CaseIterable, Sendable {
    case yaml
    case json
}

/// `stackc render`: one template through reading and interpolation, printed as YAML (libyaml's emitter,
/// styles kept) or typed JSON. Findings go to the error stream in text form; any error suppresses the
/// output, so a pipeline never consumes a half-substituted template.
public struct RenderJob {
    public var path: String
    public var format: RenderFormat
    public var options: FrontEndOptions
    public var environment: EnvironmentOptions

    public init(path: String, format: RenderFormat, options: FrontEndOptions, environment: EnvironmentOptions) {
        self.path = path
        self.format = format
        self.options = options
        self.environment = environment
    }

    public func run(output: (String) -> Void, errors: (String) -> Void, colors: Bool) -> ExitStatus {
        let input: Input = path == "-" ? .standardInput : .file(path)
        var reporter = TextReporter(colors: colors)
        let directory = FrontEnd.directory(of: input)
        var environment = Environment()
        if options.interpolate {
            let loaded = EnvironmentLoader(options: self.environment).load(forDirectory: directory)
            for report in loaded.reports { errors(reporter.report(report)) }
            if loaded.failed { return .failure }
            environment = loaded.environment
        }
        let file: SourceFile
        switch FileLoader.load(input, maxBytes: options.limits.maxFileBytes) {
        case .failure(let failure):
            errors("stackc: \(input.displayName): \(failure.message)\n")
            return .failure
        case .success(let loaded):
            file = loaded
        }
        let processed = FrontEnd.process(file, environment: environment, directory: directory, options: options)
        let report = FileReport(file: file, diagnostics: processed.diagnostics)
        errors(reporter.report(report))
        guard report.count(of: .error) == 0, let tree = processed.tree else { return .findings }
        switch format {
        case .json:
            output(tree.json() + "\n")
        case .yaml:
            do {
                output(try YAMLEmitter.emit(tree))
            } catch {
                errors("stackc: \(error)\n")
                return .failure
            }
        }
        return .success
    }
}
