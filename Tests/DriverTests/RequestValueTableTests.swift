import Diagnostics
import Driver
import Foundation
import Model
import Rules
import TestSupport
import Testing

/// Every value a target reads, from every source it can come from, held to its rule: the rows are
/// generated from `TargetID.fields` (what each endpoint reads, its form, its defaults), so a field or a
/// target added there gets its rows here without anyone writing them, and a new `ValueForm` does not
/// compile until `badValues(for:)` says how to break it. Each row builds the request the way `build`
/// does (in-process, `BuildJob`) and asserts no body, exit status 1, the rule id, and where the
/// finding is filed: the manifest's or the template's line and column, or the flag's name under
/// `<command line>`. The valid rest of each request comes from the target's sample stack manifest.
struct RequestValueTableTests {
    /// Where a bad value is written.
    enum Source: String, CaseIterable, Sendable {
        case flag, manifest, template
    }

    struct Row: Sendable, CustomStringConvertible {
        let target: TargetID
        let spec: FieldSpec
        let source: Source
        let text: String
        let rule: String

        var description: String { "\(target.rawValue) \(spec.field.rawValue) '\(text.prefix(20))' from the \(source.rawValue) → [\(rule)]" }
    }

    /// Values that break a form, each with the rule that must report it.
    static func badValues(for form: ValueForm) -> [(text: String, rule: String)] {
        switch form {
        case .text:
            return []
        case .nonEmpty:
            return [("", "missing-field")]
        case .aliyunName:
            return [("-bad", "project-name"), ("shop.front", "project-name"), (String(repeating: "x", count: 65), "project-name"),
                    ("a b", "project-name"), ("名字", "project-name"), ("", "project-name")]
        case .configMapName:
            return [("Special_Config", "configmap-name"), ("-db", "configmap-name"), ("", "configmap-name")]
        case .composeService:
            return [("no-such-service", "undefined-service")]
        case .count(let minimum, let maximum):
            return [(String(minimum - 1), "scale-bounds"), ("two", "scale-bounds"), ("99999999999", "integer-overflow")]
                + (maximum.map { [(String($0 + 1), "scale-bounds")] } ?? [])
        case .boolean:
            return [("maybe", "type-mismatch")]
        case .oneOf:
            return [("bogus", "type-mismatch")]
        }
    }

    static var rows: [Row] {
        TargetID.allCases.flatMap { target in
            target.fields.flatMap { spec in
                badValues(for: spec.form).flatMap { bad in
                    sources(of: spec, target: target)
                        // A manifest's count is a YAML integer: `minReplicas: two` is the schema's type-mismatch, tested elsewhere.
                        .filter { !($0 == .manifest && spec.field.isCount && RequestValues.integer(bad.text) == nil) }
                        .map { Row(target: target, spec: spec, source: $0, text: bad.text, rule: bad.rule) }
                }
            }
        }
    }

    /// Flags and manifests can give every field; the template only the fields whose default is one of its keys.
    static func sources(of spec: FieldSpec, target: TargetID) -> [Source] {
        [.flag, .manifest] + (spec.defaults.contains { if case .documentKey = $0 { true } else { false } } ? [.template] : [])
    }

    @Test func everyTargetAndEveryFormHasRows() {
        let rows = Self.rows
        #expect(Set(rows.map(\.target)) == Set(TargetID.allCases))
        #expect(rows.count >= 136, "\(rows.count) rows")
        for source in Source.allCases { #expect(rows.contains { $0.source == source }) }
    }

    @Test(arguments: rows)
    func aBadValueGivesNoBodyAndAFindingWhereItWasWritten(row: Row) throws {
        let sample = try SampleStack(row.target, for: row.spec)
        let folder = try TemporaryDirectory()
        let quoted = "'" + row.text.replacingOccurrences(of: "'", with: "''") + "'"
        var input = sample.path
        var flags = BuildFlags()
        var expectedPrefix: String
        switch row.source {
        case .flag:
            flags.values[row.spec.field] = row.text
            expectedPrefix = "<command line>: error: \(row.spec.field.flag)"
        case .manifest:
            let line = "\(row.spec.field.manifestKey): \(row.spec.field.isCount ? row.text : quoted)"
            let text = sample.manifest(replacing: row.spec.field.manifestKey, with: line)
            input = try folder.write("stack.yaml", text.manifest)
            expectedPrefix = "\(input):\(text.line):\(row.spec.field.manifestKey.count + 3): error: "
        case .template:
            guard case .documentKey(let key)? = row.spec.defaults.first(where: { if case .documentKey = $0 { true } else { false } }) else {
                Issue.record("no template key for \(row)")
                return
            }
            // The template's own key is used only when neither a flag nor the manifest sets the field.
            let template = try folder.write("template.yaml", sample.template(replacing: key, with: "\(key): \(quoted)"))
            let line = sample.templateLine(of: key)
            input = try folder.write("stack.yaml", sample.manifest(replacing: row.spec.field.manifestKey, with: nil, template: template).manifest)
            expectedPrefix = "\(template):\(line):\(key.count + 3): error: "
        }
        let job = BuildJob(path: input, flags: flags, options: FrontEndOptions(), environment: EnvironmentOptions(process: []))
        var output = ""
        var errors = ""
        let status = job.run(output: { output += $0 }, errors: { errors += $0 }, colors: false)
        #expect(status == .findings, "\(row): \(errors)")
        #expect(output.isEmpty, "\(row): a body was printed")
        let finding = errors.split(separator: "\n").first { $0.hasPrefix(expectedPrefix) && $0.hasSuffix("[\(row.rule)]") }
        #expect(finding != nil, "\(row): expected a line starting '\(expectedPrefix)' ending [\(row.rule)], got:\n\(errors)")
    }

    /// A required value nobody gives is a finding under `<command line>` that names the flag and the manifest key.
    @Test(arguments: TargetID.allCases.flatMap { target in target.fields.filter(\.required).map { (target, $0.field) } })
    func aMissingRequiredValueIsAFinding(target: TargetID, field: RequestField) throws {
        let sample = try SampleStack(target, for: target.fields.first { $0.field == field })
        guard let spec = target.fields.first(where: { $0.field == field }), spec.defaults.isEmpty else { return }
        let folder = try TemporaryDirectory()
        let input = try folder.write("stack.yaml", sample.manifest(replacing: field.manifestKey, with: nil).manifest)
        let job = BuildJob(path: input, flags: BuildFlags(), options: FrontEndOptions(), environment: EnvironmentOptions(process: []))
        var errors = ""
        let status = job.run(output: { _ in Issue.record("a body was printed") }, errors: { errors += $0 }, colors: false)
        #expect(status == .findings)
        #expect(errors.contains("<command line>: error: \(target.rawValue) needs the \(spec.meaning): pass \(field.flag) or set '\(field.manifestKey)' in a stack manifest [missing-field]"),
                "\(errors)")
    }

    /// A documented default is a source too: it is checked like the rest, and when it would contradict a
    /// value someone gave (a podstack's minReplicas defaults to the template's `replicas: 3`, above
    /// `--max-replicas 1`), the finding names the flag that settles it instead of building a body that
    /// contradicts itself.
    @Test func aDefaultThatContradictsAFlagNamesTheFlagToAdd() throws {
        let pod = packageRoot.appendingPathComponent("samples/pod/valid.yaml").path
        let named: [RequestField: String] = [.project: "team", .name: "web"]
        let (status, errors) = build(pod, named.merging([.maxReplicas: "1"]) { $1 }, target: .v2Podstack)
        #expect(status == .findings)
        #expect(errors.hasPrefix("""
            <command line>: error: --max-replicas is 1, less than minReplicas (the template's replicas, at least 1) 3; make it at least 3 [scale-bounds]
            <command line>: note: minReplicas is the template's replicas, at least 1 when not given; pass --min-replicas to choose it

            """), "\(errors)")
        let settled = build(pod, named.merging([.maxReplicas: "1", .minReplicas: "1"]) { $1 }, target: .v2Podstack)
        #expect(settled.status == .success, "\(settled.errors)")
    }

    /// The pair is checked whichever sources set its halves: a manifest's minimum against a flag's maximum.
    @Test func aMinimumInTheManifestAndAMaximumFlagAreCheckedTogether() throws {
        let (status, errors) = build(SampleStack.path(of: .v2Podstack), [.maxReplicas: "2"])
        #expect(status == .findings)
        #expect(errors.contains("<command line>: error: --max-replicas is 2, less than minReplicas 3; make it at least 3 [scale-bounds]\n"
                                + "<command line>: note: the minimum is set in the stack manifest at line 6, column 14\n"), "\(errors)")
    }

    /// The constant defaults (version 1.0, 80 % CPU, local variables) pass their own fields' checks.
    @Test func constantDefaultsAreValidValues() {
        for target in TargetID.allCases {
            for spec in target.fields {
                for case .constant(let text) in spec.defaults {
                    #expect(RequestCheck.check(RequestValue(text, origin: .defaulted("the default")), as: spec).isEmpty, "\(target) \(spec.field)")
                }
            }
        }
    }

    private func build(_ path: String, _ values: [RequestField: String], target: TargetID? = nil) -> (status: ExitStatus, errors: String) {
        let job = BuildJob(path: path, flags: BuildFlags(target: target, values: values), options: FrontEndOptions(), environment: EnvironmentOptions(process: []))
        var errors = ""
        let status = job.run(output: { _ in }, errors: { errors += $0 }, colors: false)
        return (status, errors)
    }

    /// Each sample stack builds as it is: the rows above break exactly one value of a valid request.
    @Test(arguments: TargetID.allCases)
    func theSampleRequestIsValid(target: TargetID) throws {
        let job = BuildJob(path: try SampleStack(target).path, flags: BuildFlags(), options: FrontEndOptions(), environment: EnvironmentOptions(process: []))
        var errors = ""
        #expect(job.run(output: { _ in }, errors: { errors += $0 }, colors: false) == .success, "\(errors)")
    }
}

/// The sample stack manifest of a target (`samples/stacks/`), and its template, as text to edit.
struct SampleStack {
    let path: String
    let text: String
    let templatePath: String

    /// - Parameter spec: the field a test breaks; a target with several samples (an Alauda service from its own
    ///   document or from Compose) gives the one whose template kind reads the field.
    init(_ target: TargetID, for spec: FieldSpec? = nil) throws {
        let folder = packageRoot.appendingPathComponent("samples/stacks")
        var candidates: [(path: String, text: String, template: String)] = []
        for file in try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() where file.hasSuffix(".stack.yaml") {
            let path = folder.appendingPathComponent(file).path
            let text = try String(contentsOfFile: path, encoding: .utf8)
            guard text.split(separator: "\n").contains("target: \(target.rawValue)") else { continue }
            let template = text.split(separator: "\n").first { $0.hasPrefix("template: ") }!.dropFirst("template: ".count)
            candidates.append((path, text, folder.appendingPathComponent(String(template)).standardizedFileURL.path))
        }
        let wantsCompose = spec?.onlyFor == .compose
        guard let chosen = candidates.first(where: { $0.template.contains("/samples/compose") == wantsCompose }) ?? candidates.first else {
            throw CocoaError(.fileNoSuchFile)
        }
        (path, text, templatePath) = chosen
    }

    /// The manifest with the line of `key` replaced by `line` (or removed, or added at the end when absent),
    /// the template path made absolute, and the 1-based line where `line` ended up.
    func manifest(replacing key: String, with line: String?, template: String? = nil) -> (manifest: String, line: Int) {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if let index = lines.firstIndex(where: { $0.hasPrefix("template: ") }) { lines[index] = "template: \(template ?? templatePath)" }
        var at = 0
        if let index = lines.firstIndex(where: { $0.hasPrefix("\(key):") }) {
            if let line { lines[index] = line } else { lines.remove(at: index) }
            at = index + 1
        } else if let line {
            if lines.last == "" { lines.removeLast() }
            lines.append(line)
            at = lines.count
            lines.append("")
        }
        return (lines.joined(separator: "\n"), at)
    }

    func template(replacing key: String, with line: String) throws -> String {
        let text = try String(contentsOfFile: templatePath, encoding: .utf8)
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.hasPrefix("\(key):") ? line : String($0) }.joined(separator: "\n")
    }

    static func path(of target: TargetID) -> String {
        (try? SampleStack(target).path) ?? ""
    }

    func templateLine(of key: String) -> Int {
        let text = (try? String(contentsOfFile: templatePath, encoding: .utf8)) ?? ""
        return (text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.hasPrefix("\(key):") } ?? -1) + 1
    }
}
