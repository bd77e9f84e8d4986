import Diagnostics
import Model

/// What a rule sees while it runs and where it reports. Reports take a located value or a node, so the
/// position and path always come from the template itself.
public struct RuleContext {
    /// The rule's id and severity, which every report carries; held rather than its whole description,
    /// which would be copied (examples and all) for every rule of every file.
    public let ruleID: RuleID
    public let severity: Severity
    /// The targeted platform, if any (`lint --target`).
    public let platform: Platform?
    /// The template's path as the user gave it, for the few rules that depend on naming conventions
    /// (Compose's `*.override.yml` fragments); empty when the template has no file.
    public let fileName: String
    /// For a project run with chosen profiles (`--profile`, `COMPOSE_PROFILES`), the services they set
    /// aside — no longer in the document — by name, with their profiles: a reference to one is
    /// `inactive-dependency`'s, not an undefined service.
    public let setAside: [String: [String]]
    public private(set) var diagnostics: [Diagnostic] = []
    /// What the rules of one check share (see `SharedDerivations`).
    let shared: SharedDerivations

    public init(rule: RuleID, severity: Severity, platform: Platform?, fileName: String = "", setAside: [String: [String]] = [:],
                shared: SharedDerivations = SharedDerivations()) {
        self.ruleID = rule
        self.severity = severity
        self.platform = platform
        self.fileName = fileName
        self.setAside = setAside
        self.shared = shared
    }

    /// - Parameter severity: nil for the rule's own; a rule passes another for a finding its rationale
    ///   grades differently (a warning where Docker Compose accepts and silently adjusts what its error
    ///   case refuses).
    /// - Parameter fix: the change that resolves the finding, only when it is certain (`lint --fix`
    ///   applies it; see `Located.replacement`).
    public mutating func report<Value>(_ message: String, at value: Located<Value>, notes: [Diagnostic.Note] = [], severity: Severity? = nil,
                                       fix: Fix? = nil) {
        diagnostics.append(Diagnostic(rule: ruleID, severity: severity ?? self.severity, message: message, range: value.range, path: value.path,
                                      notes: notes, fix: fix))
    }

    public mutating func report(_ message: String, at node: NodeRef, notes: [Diagnostic.Note] = [], severity: Severity? = nil) {
        diagnostics.append(Diagnostic(rule: ruleID, severity: severity ?? self.severity, message: message, range: node.range, path: node.path, notes: notes))
    }
}

extension RuleContext {
    /// Reports a value an unset variable left empty where Docker Compose parses it and refuses the empty
    /// string (a size, a duration, a container name): an error, where elsewhere an empty substitution is
    /// only `unset-variable`'s warning. The value is quoted as written, never as substituted.
    /// - Returns: whether the value was such a one (and is reported).
    mutating func reportLeftEmpty(_ node: NodeRef, _ name: String, example: String) -> Bool {
        guard node.isScalar, node.text.isEmpty, node.isWrittenWithVariable else { return false }
        report("\(name), written \(excerpt(node.sourceText)), is empty after substitution; Docker Compose refuses an empty value "
               + "there: set the variable or give it a default, such as \(example)", at: node)
        return true
    }
}

extension Located {
    /// A note pointing at this value ("first defined here").
    public func note(_ message: String) -> Diagnostic.Note {
        Diagnostic.Note(message: message, range: range)
    }
}
