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
        switch requests(output: output) {
        case .failure(let ended): return ended.result
        case .success(let built):
            let environment = Dictionary(build.environment.process, uniquingKeysWith: { _, last in last })
            return submit.send(target: built.request.target, request: built.request.request, update: built.update,
                               secretValues: built.request.secretValues, environment: environment, deadline: deadline, output: output)
        }
    }

    /// What a submission sends: the built request and, for an aliyun project, the same project as an
    /// update. `stackc plan` builds through here too, so both see the same requests.
    struct Requests {
        let request: BuiltRequest
        let update: Request?
    }

    struct Ended: Error {
        let result: CommandResult
    }

    func requests(output: CommandOutput) -> Result<Requests, Ended> {
        let built: BuiltRequest
        switch build.lower(errors: output.standardError, colors: output.colors) {
        case .failure(let status): return .failure(Ended(result: .exit(status.rawValue)))
        case .success(let request): built = request
        }
        let projectFlow = built.target == .aliyunProject || built.target == .aliyunProjectUpdate
        if !projectFlow && (submit.wait || submit.operation != .submit || build.flags.values[.blueGreen] != nil) {
            return .failure(Ended(result: .usage("--wait, --blue-green, --confirm and --rollback are for aliyun projects (--target aliyun-project)")))
        }
        guard projectFlow else { return .success(Requests(request: built, update: nil)) }
        // The update carries the version the create would (the deployed one is then compared); its
        // findings are the create's, already printed.
        var updateBuild = build
        updateBuild.flags.target = .aliyunProjectUpdate
        updateBuild.flags.values[.version] = built.request.body?["version"]?.text ?? build.flags.values[.version]
        switch updateBuild.lower(errors: { _ in }, colors: false) {
        case .failure(let status): return .failure(Ended(result: .exit(status.rawValue)))
        case .success(let request): return .success(Requests(request: built, update: request.request))
        }
    }
}
