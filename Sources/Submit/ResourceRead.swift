import Diagnostics
import Lowering
import Model

/// `get`, `list` and `logs`: one GET, repeated freely, and the answer printed with its secrets masked by the
/// `Redactor` (environment maps, env lists, a secret's `data`; a configMap's `data` stays, see
/// `OperationPlan.plainFields`). `--format json` prints the masked answer as one JSON line for
/// pipelines; text prints `field: value` lines (get), a NAME/STATE table (list) or one line per log entry (logs).
struct ResourceRead {
    var target: OperationTarget
    var operation: PlatformOperation
    var name: String
    var request: Request

    func run(_ session: Session, format: OutcomeFormat, output: CommandOutput) -> CommandResult {
        let redactor = session.options.redactor
        let failed = { (failure: SubmitFailure) -> CommandResult in
            let outcome = SubmitOutcome(action: .failed, target: target.rawValue, name: name, status: failure.status, requestID: failure.requestID,
                                        elapsedMilliseconds: session.elapsedMilliseconds, attempts: session.attempts, message: failure.message, failure: failure)
            return output.report(outcome, format: format, redactor: redactor)
        }
        let response: HTTPResponse
        switch session.send(request.method, request.path, query: request.query) {
        case .failure(let failure): return failed(failure)
        case .success(let answer): response = answer
        }
        guard (200..<300).contains(response.status) else {
            var failure = rejection(session, response, doing: "\(operation.rawValue) \(target.rawValue) \(name)".trimming(" "))
            if response.status == 404 { failure.message = "\(target.rawValue) \(name) does not exist: \(failure.message)" }
            return failed(failure)
        }
        guard let resource = JSONParser.parse(response.body) else {
            return failed(SubmitFailure(.unreachable, "the server's answer is not JSON (\(session.summary(of: response)))",
                                        status: response.status, requestID: session.requestID(of: response)))
        }
        if target.platform == .v2, let code = resource["Code"], code.text != "0" {
            return failed(SubmitFailure(.rejected, "the server refused: Code \(code.text ?? "?"): \(session.summary(of: response))",
                                        status: response.status, requestID: session.requestID(of: response)))
        }
        let shown = redactor.json(resource, plain: OperationPlan.plainFields(of: target))
        switch format {
        case .json: output.standardOutput(redactor.text(shown.rendered()) + "\n")
        case .text:
            let text = switch operation {
            case .list: Self.table(shown)
            case .logs: Self.logLines(shown)
            default: Self.fields(shown)
            }
            output.standardOutput(redactor.text(text))
        }
        return .exit(0)
    }

    /// `field: value` per member; nested values as compact JSON. The server's text, made terminal-safe.
    static func fields(_ resource: JSONValue) -> String {
        guard case .object(let members) = resource else { return Sanitizer.terminalSafe(resource.rendered()) + "\n" }
        return members.map { member in
            let value = member.value.text ?? member.value.rendered()
            return Sanitizer.terminalSafe(member.key) + ": " + Sanitizer.terminalSafe(value) + "\n"
        }.joined()
    }

    /// Alauda's log entries (003: `[{instance_id, message, time}]`), one line each: time, instance, message.
    static func logLines(_ answer: JSONValue) -> String {
        guard case .array(let entries) = answer else { return fields(answer) }
        return entries.map { entry in
            ["time", "instance_id", "message"].map { Sanitizer.terminalSafe(entry[$0]?.text ?? "-") }.joined(separator: "  ") + "\n"
        }.joined()
    }

    /// The listed items — the answer itself, or its documented list member (Alauda `results`, aliyun
    /// volumes `Volumes`, the v2 applications using a key `content`) — one line each: name and state
    /// (for a key's applications: how they use it, `Env` or `Volume`), when it has one.
    static func table(_ answer: JSONValue) -> String {
        let list = answer["results"] ?? answer["Volumes"] ?? answer["content"] ?? answer
        guard case .array(let items) = list else { return fields(answer) }
        let rows = items.map { item in
            [["name", "Name", "service_name", "appName"], ["current_state", "target_state", "State", "Status", "type"]].map { keys in
                Sanitizer.terminalSafe(keys.lazy.compactMap { item[$0]?.text }.first ?? "-")
            }
        }
        let width = max(4, rows.map { $0[0].count }.max() ?? 0)
        return ([["NAME", "STATE"]] + rows).map { row in
            row[0] + String(repeating: " ", count: width - row[0].count + 2) + row[1] + "\n"
        }.joined()
    }
}
