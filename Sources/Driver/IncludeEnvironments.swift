import Diagnostics
import Interpolation
import Project

/// The variables each `include` of a project adds for its files (`ComposeProject.IncludeScope`), read as
/// compose-go's `ApplyInclude` reads them: the env files in order, a `${…}` in one looking first at the
/// including project's variables, then at the values read so far; the including side wins every
/// conflict, so an included project only fills in names its includer leaves unset.
enum IncludeEnvironments {
    struct Read {
        /// One per included file whose include adds a variable; empty for the ordinary project.
        let regions: [IncludedEnvironment]
        /// The statements Compose refuses in those env files, each in its file's own report.
        let reports: [FileReport]
        /// Every value read: environment values, never printed outside the template they go into.
        let values: [(name: String, value: String)]
    }

    static func read(_ project: ComposeProject, environment: Environment, maxBytes: Int) -> Read {
        guard !project.includeScopes.isEmpty else { return Read(regions: [], reports: [], values: []) }
        var added: [Environment] = []
        var reports: [FileReport] = []
        var values: [(name: String, value: String)] = []
        var reported: Set<String> = []
        for scope in project.includeScopes {
            // A nested include's parent comes first in `includeScopes`.
            let inherited = scope.parent.map { added[$0] } ?? Environment()
            var own = Environment()
            for path in scope.envFiles {
                // A missing env_file is the loader's finding, at the include that names it.
                guard case .success(let file) = FileLoader.load(.file(path), maxBytes: maxBytes) else { continue }
                let parsed = parseDotEnv(String(decoding: file.bytes, as: UTF8.self)) { name in
                    (environment[name] ?? inherited[name] ?? own[name])?.value
                }
                for entry in parsed.entries {
                    own.set(entry.key, entry.value, source: .envFile(path: path, line: entry.line))
                    values.append((entry.key, entry.value))
                }
                if !parsed.failures.isEmpty, reported.insert(path).inserted {
                    reports.append(FileReport(envFile: file, failures: parsed.failures))
                }
            }
            var layered = own
            for name in inherited.names { layered.set(name, inherited[name]!.value, source: inherited[name]!.source) }
            added.append(layered)
        }
        let regions = project.scopedParts.compactMap { part in
            added[part.scope].names.isEmpty ? nil : IncludedEnvironment(bytes: part.bytes, variables: added[part.scope])
        }
        return Read(regions: regions, reports: reports, values: values)
    }
}
