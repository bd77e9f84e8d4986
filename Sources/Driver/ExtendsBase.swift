import Diagnostics
import Project
import Rules
import Syntax

/// A Compose file that serves as the `extends` base of a project beside it (`common.yml` holding a
/// `base:` service without an image, which `compose.yaml`'s services extend) is linted as a file of its
/// own, and Docker Compose would refuse it so (`-f common.yml`: neither an image nor a build), but no
/// one runs it so: Compose only ever reads it through the services that extend it, and those must
/// name the image, which their own project's check asks. So a `service-image` error about a service
/// that a Compose file in the same folder or the one above extends becomes a note naming that service.
/// Only a report holding such an error pays for the look around, and the error stays when no file
/// extends the service.
enum ExtendsBase {
    /// `report` of a file read alone, its `service-image` errors about extended services made notes.
    static func relax(_ report: FileReport, limits: ReaderLimits) -> FileReport {
        let rule = RuleID.serviceImage
        guard report.diagnostics.contains(where: { $0.rule == rule && $0.severity == .error }) else { return report }
        let extenders = extenders(of: report.file.path, limits: limits)
        guard !extenders.isEmpty else { return report }
        return FileReport(file: report.file, diagnostics: report.diagnostics.map { diagnostic in
            guard diagnostic.rule == rule, diagnostic.severity == .error, let service = serviceName(diagnostic),
                  let extender = extenders[service] else { return diagnostic }
            var note = diagnostic
            note.severity = .info
            note.message = "service '\(service)' has neither 'image' nor 'build', which Compose accepts of an extends base: "
                + "service '\(extender.service)' of \(extender.file) extends it and is checked there"
            note.fix = nil
            return note
        })
    }

    /// Per service of the file at `path`, a service of a Compose file in its folder or the folder above
    /// that extends it (`extends: {file: …, service: NAME}` naming this file).
    private static func extenders(of path: String, limits: ReaderLimits) -> [String: (file: String, service: String)] {
        let target = ProjectPath.clean(path)
        let folder = ProjectPath.directory(of: target)
        let folders = [folder, ProjectPath.join(folder, "..")].reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        var found: [String: (file: String, service: String)] = [:]
        for candidate in folders.flatMap(InputDiscovery.yamlFiles(in:)) where ProjectPath.clean(candidate) != target {
            guard case .success(let bytes) = FileBytes.contents(ofFile: candidate, maxBytes: limits.maxFileBytes),
                  ByteSearch.contains("extends", in: bytes, anchor: 1),
                  let tree = YAMLReader.read(SourceFile(path: candidate, bytes: bytes), limits: limits).tree,
                  let services = tree.value(forKey: "services", in: tree.root) else { continue }
            for pair in tree.pairs(of: services) {
                guard let extends = tree.value(forKey: "extends", in: pair.value), let file = tree.value(forKey: "file", in: extends),
                      let base = tree.value(forKey: "service", in: extends),
                      ProjectPath.join(ProjectPath.directory(of: ProjectPath.clean(candidate)), tree[file].text) == target else { continue }
                found[tree[base].text] = found[tree[base].text] ?? (candidate, tree[pair.key].text)
            }
        }
        return found
    }

    /// The service a `service-image` finding is about: the last key of its path (`services.NAME`, or
    /// `NAME` in the v1 layout).
    private static func serviceName(_ diagnostic: Diagnostic) -> String? {
        guard case .key(let name) = diagnostic.path?.components.last else { return nil }
        return name
    }
}
