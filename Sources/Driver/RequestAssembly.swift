import Diagnostics
import Model
import Rules

/// One request's values from every source — flags, stack manifest, the template's own keys, documented
/// defaults — checked by the same rules as a template, with each finding filed under the input it
/// belongs to: a manifest value at the manifest's line and column, a flag or a missing value under
/// `<command line>`. `build`, `submit` and `submit --dry-run` all go through here (and the fuzz harness).
public struct RequestAssembly: Sendable {
    /// The checked values, typed; meaningful only when no finding is an error.
    public let metadata: RequestMetadata
    public let commandLine: [Diagnostic]
    public let manifest: [Diagnostic]
    public let template: [Diagnostic]

    /// - Parameter document: the template's document, nil when it could not be decoded: the values are
    ///   checked all the same, without the defaults the template would give.
    public init(target: TargetID, flags: [RequestField: String], manifest: [RequestField: Located<String>], document: Document?) {
        let values = RequestValues.assemble(target: target, flags: flags, manifest: manifest, document: document)
        let (findings, metadata) = RequestCheck.check(values, document: document, requireAll: true)
        self.metadata = metadata
        func filed(_ place: RequestFindingPlace) -> [Diagnostic] { findings.filter { $0.place == place }.map(\.diagnostic) }
        commandLine = filed(.commandLine)
        self.manifest = filed(.manifest)
        template = filed(.template)
    }

    /// The findings of the command line, as a report of their own.
    public var commandLineReport: FileReport {
        FileReport(file: .commandLine, diagnostics: commandLine)
    }
}
