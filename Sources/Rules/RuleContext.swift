import Diagnostics
import Model

/// What a rule sees while it runs and where it reports. Reports take a located value or a node, so the
/// position and path always come from the template itself.
public struct RuleContext {
    public let rule: RuleDescription
    /// The targeted platform, if any (`lint --target`).
    public let platform: Platform?
    /// The template's path as the user gave it, for the few rules that depend on naming conventions
    /// (Compose's `*.override.yml` fragments); empty when the template has no file.
    public let fileName: String
    public private(set) var diagnostics: [Diagnostic] = []
    /// What the rules of one check share (see `SharedDerivations`).
    let shared: SharedDerivations

    public init(rule: RuleDescription, platform: Platform?, fileName: String = "", shared: SharedDerivations = SharedDerivations()) {
        self.rule = rule
        self.platform = platform
        self.fileName = fileName
        self.shared = shared
    }

    /// - Parameter severity: nil for the rule's own; a rule passes another for a finding its rationale
    ///   grades differently (a warning where Docker Compose accepts and silently adjusts what its error
    ///   case refuses).
    public mutating func report<Value>(_ message: String, at value: Located<Value>, notes: [Diagnostic.Note] = [], severity: Severity? = nil) {
        diagnostics.append(Diagnostic(rule: rule.id, severity: severity ?? rule.severity, message: message, range: value.range, path: value.path, notes: notes))
    }

    public mutating func report(_ message: String, at node: NodeRef, notes: [Diagnostic.Note] = [], severity: Severity? = nil) {
        diagnostics.append(Diagnostic(rule: rule.id, severity: severity ?? rule.severity, message: message, range: node.range, path: node.path, notes: notes))
    }
}

extension Located {
    /// A note pointing at this value ("first defined here").
    public func note(_ message: String) -> Diagnostic.Note {
        Diagnostic.Note(message: message, range: range)
    }
}
