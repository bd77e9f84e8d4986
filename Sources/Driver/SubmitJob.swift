import Lowering
import Model
import Submit

/// `stackc submit`: the template through every check and lowered (exit 1 on an error-level finding,
/// nothing sent), then sent by its target's flow within one `--timeout`. Returns what the command
/// exits with; everything it says goes to `output`.
public struct SubmitJob {
    public var build: BuildJob
    public var submit: SubmitOptions

    public init(build: BuildJob, submit: SubmitOptions) {
        self.build = build
        self.submit = submit
    }

    public func run(output: CommandOutput) -> CommandResult {
        // The deadline starts with the command: building is part of the time the user allowed.
        let deadline = Deadline(seconds: submit.access.connection.timeout)
        let built: BuiltRequest
        switch build.lower(errors: output.standardError, colors: output.colors) {
        case .failure(let status): return .exit(status.rawValue)
        case .success(let request): built = request
        }
        let projectFlow = built.target == .aliyunProject || built.target == .aliyunProjectUpdate
        if !projectFlow && (submit.wait || submit.operation != .submit || build.flags.values[.blueGreen] != nil) {
            return .usage("--wait, --blue-green, --confirm and --rollback are for aliyun projects (--target aliyun-project)")
        }
        var update: Request?
        if projectFlow {
            // The update carries the version the create would (the deployed one is then compared); its
            // findings are the create's, already printed.
            var updateBuild = build
            updateBuild.flags.target = .aliyunProjectUpdate
            updateBuild.flags.values[.version] = built.request.body?["version"]?.text ?? build.flags.values[.version]
            switch updateBuild.lower(errors: { _ in }, colors: false) {
            case .failure(let status): return .exit(status.rawValue)
            case .success(let request): update = request.request
            }
        }
        let environment = Dictionary(build.environment.process, uniquingKeysWith: { _, last in last })
        return submit.send(target: built.target, request: built.request, update: update, secretValues: built.secretValues,
                           environment: environment, deadline: deadline, output: output)
    }
}
