import Lowering
import Model
import Submit

/// `stackc plan`: the request `submit` would build (through `SubmitJob`, the same requests), the
/// deployed state read with GET only, and what `submit` would do with it (`ChangeDecision`), printed by
/// `PlanReport`. Changes nothing.
public struct PlanJob {
    public var build: BuildJob
    /// Where to read from and how to authenticate (`--format` too); the submit-only settings stay unset.
    public var submit: SubmitOptions

    public init(build: BuildJob, submit: SubmitOptions) {
        self.build = build
        self.submit = submit
    }

    public func run(output: CommandOutput) -> CommandResult {
        let deadline = Deadline(seconds: submit.access.connection.timeout)
        let requests: SubmitJob.Requests
        switch SubmitJob(build: build, submit: submit).requests(output: output) {
        case .failure(let ended): return ended.result
        case .success(let built): requests = built
        }
        let environment = Dictionary(build.environment.process, uniquingKeysWith: { _, last in last })
        return submit.plan(target: requests.request.target, request: requests.request.request, update: requests.update,
                           secretValues: requests.request.secretValues, environment: environment, deadline: deadline, output: output) { result, redactor in
            switch result {
            case .failure(let failure):
                let outcome = SubmitOutcome(action: .failed, target: SubmitPlan.label(of: requests.request.target),
                                            name: SubmitPlan.resourceName(of: requests.request.request), status: failure.status,
                                            requestID: failure.requestID, message: failure.message, failure: failure)
                return output.report(outcome, format: submit.format, redactor: redactor)
            case .success(let plan):
                let report = PlanReport(plan: plan, redactor: redactor)
                output.standardOutput(submit.format == .json ? report.json : report.text)
                return .exit(report.exitStatus)
            }
        }
    }
}
