import Lowering
import Model

extension SubmitOptions {
    /// `stackc plan`: opens the session `send` would, reads the deployed state with GET only and hands
    /// what `submit` would do to `report`, with the redactor that knows every secret of the command.
    public func plan(target: TargetID, request: Request, update: Request?, secretValues: [String], environment: [String: String],
                     deadline: Deadline, output: CommandOutput,
                     report: (Result<PlanResult, SubmitFailure>, Redactor) -> CommandResult) -> CommandResult {
        switch connect(target: target, request: request, secretValues: secretValues, environment: environment, deadline: deadline, output: output) {
        case .failure(let ended): return ended.result
        case .success(let (session, redactor)): return report(Planner.plan(target, request: request, update: update, session: session), redactor)
        }
    }
}
