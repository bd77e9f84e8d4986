import Diagnostics
import Model
import Reporting
import Rules
import Submit

/// Runs an `OperationJob` after holding the values it sends that a template or a stack manifest could
/// hold too to the rules that own them there — `scale`'s instance count and autoscaling bounds (the v2
/// scale bounds a podstack's `scale` is held to: `scale-bounds`, `integer-overflow`), a cloud disk's size
/// (at least 1 GB, as `disk-size` holds a template's disks) and file system (`type-mismatch`). A value in
/// error stops the command before anything is sent (exit 1), as `build` stops.
public enum OperationCheck {
    public static func run(_ job: OperationJob, environment: [String: String], output: CommandOutput) -> CommandResult {
        let report = FileReport(file: .commandLine, diagnostics: findings(job.arguments))
        var reporter = TextReporter(colors: output.colors)
        output.standardError(reporter.report(report))
        if report.hasErrors { return output.fail("nothing was sent: fix the errors above", status: 1) }
        return job.run(environment: environment, output: output)
    }

    static let replicasSpec = FieldSpec(.replicas, "replicas", .count(minimum: 0, maximum: nil))
    static let sizeSpec = FieldSpec(.diskSize, "size", .count(minimum: 1, maximum: nil))
    static let fileSystemSpec = FieldSpec(.fileSystem, "fs_type", .oneOf(OperationArguments.fileSystems))

    static func findings(_ arguments: OperationArguments) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        switch arguments.scale {
        case .manual(let replicas)?:
            findings += RequestCheck.check(RequestValue(String(replicas), origin: .flag), as: replicasSpec)
        case .auto(let low, let high, let cpu)?:
            let values = RequestValues.assemble(target: .v2Podstack, flags: [.minReplicas: String(low), .maxReplicas: String(high), .targetCPU: String(cpu)],
                                                manifest: [:], document: nil)
            findings += RequestCheck.check(values, document: nil, requireAll: false).findings.map(\.diagnostic)
        case nil:
            break
        }
        if let size = arguments.size { findings += RequestCheck.check(RequestValue(String(size), origin: .flag), as: sizeSpec) }
        if let fsType = arguments.fsType { findings += RequestCheck.check(RequestValue(fsType, origin: .flag), as: fileSystemSpec) }
        return findings
    }
}
