import Diagnostics
import Interpolation
import Reporting

/// The start shared by commands that take one template (`render`, `graph`): load the environment of
/// its folder, read it and run the front end. Problems are written to `errors` as text; nil means
/// nothing can be done with the template (unreadable input or env file): exit status 2.
enum SingleTemplate {
    static func process(path: String, options: FrontEndOptions, environment: EnvironmentOptions,
                        errors: (String) -> Void, reporter: inout TextReporter) -> ProcessedTemplate? {
        let input: Input = path == "-" ? .standardInput : .file(path)
        let directory = FrontEnd.directory(of: input)
        var variables = Environment()
        if options.interpolate {
            let loaded = EnvironmentLoader(options: environment).load(forDirectory: directory)
            for report in loaded.reports { errors(reporter.report(report)) }
            if loaded.failed { return nil }
            variables = loaded.environment
        }
        switch FileLoader.load(input, maxBytes: options.limits.maxFileBytes) {
        case .failure(let failure):
            errors("stackc: \(input.displayName): \(failure.message)\n")
            return nil
        case .success(let file):
            return FrontEnd.process(file, environment: variables, directory: directory, options: options)
        }
    }
}
