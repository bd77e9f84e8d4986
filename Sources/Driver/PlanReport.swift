import Diagnostics
import Lowering
import Model
import Submit

/// How `stackc plan` shows a `PlanResult`: a line saying what `submit` would do, the changed fields
/// with their deployed and wanted values, the requests it would send, a unified diff of the template
/// text where the body carries one — every value through the `Redactor` — and the exit status.
struct PlanReport {
    let plan: PlanResult
    let redactor: Redactor

    /// Exit status of a plan that read the deployed state: 0 nothing to do, 4 `submit` would change
    /// something, 1 `submit` would be refused (blocked). 2 and 3 keep their meaning (DESIGN.md).
    static let changes: Int32 = 4

    var exitStatus: Int32 {
        switch plan.change {
        case .unchanged: 0
        case .blocked: 1
        case .create, .update, .unknown: Self.changes
        }
    }

    /// The body fields holding the template as text: an aliyun project's Compose file, a v2 pod or compose.
    private static let templateFields = ["template", "content"]

    /// A configMap's values are configuration, shown as they are (`OperationPlan.plainFields`).
    private var plain: Set<String> { OperationPlan.plainFields(of: .template(plan.target)) }

    private var headline: String {
        let what = "\(plan.label) \(plan.name)"
        switch plan.change {
        case .create: return "create \(what): it does not exist"
        case .update(let changes): return "update \(what): \(changes.count) field\(changes.count == 1 ? "" : "s") differ"
        case .unchanged: return "unchanged \(what): deployed as the template says, nothing to send"
        case .blocked(let reason, _): return "blocked \(what): \(reason)"
        case .unknown: return "send \(what): \(plan.target.rawValue) has no documented GET, so what is deployed cannot be read; submit sends its request"
        }
    }

    private func shown(_ value: JSONValue?, at steps: [FieldChange.Step]) -> String {
        guard let value else { return "(none)" }
        return redactor.json(value, at: steps, plain: plain).rendered()
    }

    private func target(of request: Request) -> String {
        redactor.url(request.path + encodedQuery(request.query))
    }

    /// The unified diff of the deployed template text and the one `submit` would send; empty when the
    /// body carries none or the answer does not show it.
    private var templateDiff: String {
        guard case .update = plan.change else { return "" }
        for field in Self.templateFields {
            if let wanted = plan.body?[field]?.text, let deployed = plan.deployed?[field]?.text {
                return UnifiedDiff.diff(Array(deployed.utf8), Array(wanted.utf8), path: field)
            }
        }
        return ""
    }

    var text: String {
        var text = "stackc: plan: \(headline)\n"
        for change in plan.change.changes {
            text += "  \(change.path): \(shown(change.deployed, at: change.steps)) -> \(shown(change.wanted, at: change.steps))\n"
        }
        for request in plan.requests { text += "  would send: \(request.method) \(target(of: request))\n" }
        if !plan.notShown.isEmpty, plan.deployed != nil {
            text += "  not compared (the platform's answer does not show them): \(plan.notShown.joined(separator: ", "))\n"
        }
        // Names and template text come from the template and the server: each line made terminal-safe.
        let lines = (text + templateDiff).split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        return redactor.text(lines.map { Sanitizer.terminalSafe(String($0)) + "\n" }.joined())
    }

    /// `{action, target, name, reason, changes: [{path, deployed, wanted}], requests: [{method, path}], notCompared, diff}`, one line.
    var json: String {
        var writer = JSONWriter(indent: nil)
        writer.beginObject()
        writer.field("action", plan.change.word)
        writer.field("target", plan.target.rawValue)
        writer.field("name", plan.name)
        if case .blocked(let reason, _) = plan.change { writer.field("reason", reason) }
        writer.key("changes")
        writer.beginArray()
        for change in plan.change.changes {
            writer.beginObject()
            writer.field("path", change.path)
            writer.key("deployed")
            (change.deployed.map { redactor.json($0, at: change.steps, plain: plain) } ?? .null).write(to: &writer)
            writer.key("wanted")
            (change.wanted.map { redactor.json($0, at: change.steps, plain: plain) } ?? .null).write(to: &writer)
            writer.endObject()
        }
        writer.endArray()
        writer.key("requests")
        writer.beginArray()
        for request in plan.requests {
            writer.beginObject()
            writer.field("method", request.method)
            writer.field("path", target(of: request))
            writer.endObject()
        }
        writer.endArray()
        writer.key("notCompared")
        writer.beginArray()
        for field in plan.notShown { writer.string(field) }
        writer.endArray()
        writer.field("diff", templateDiff)
        writer.endObject()
        return redactor.text(writer.output) + "\n"
    }

}
