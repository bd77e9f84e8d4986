import Diagnostics
import Model

/// One check. A rule type holds its own documentation and test cases in `description`, and reports
/// through `RuleContext`, always at a located value, so it can never get a position wrong.
public protocol Rule: Sendable {
    static var description: RuleDescription { get }
    init()
    func check(_ document: Document, context: inout RuleContext)
}

/// Everything known about a rule: what `stackc rules` lists, what `stackc explain` prints, and the
/// examples the test suite runs.
public struct RuleDescription: Sendable {
    public let id: RuleID
    public let severity: Severity
    /// Document kinds the rule looks at.
    public let kinds: [DocumentKind]
    /// Nil when the rule always runs; otherwise only when one of these platforms is targeted.
    public let platforms: [Platform]?
    /// Nil for a rule that runs by default; for an opt-in rule, the category that turns it on.
    public let category: RuleCategory?
    /// One line, no period.
    public let summary: String
    /// Why it matters and where the rule comes from (the source document).
    public let rationale: String
    /// Documents that must produce a finding at each `↓`.
    public let triggering: [Example]
    /// Documents that must produce no finding of this rule.
    public let nonTriggering: [Example]

    public init(id: RuleID, severity: Severity, kinds: [DocumentKind], platforms: [Platform]? = nil, category: RuleCategory? = nil,
                summary: String, rationale: String, triggering: [Example], nonTriggering: [Example]) {
        self.id = id
        self.severity = severity
        self.kinds = kinds
        self.platforms = platforms
        self.category = category
        self.summary = summary
        self.rationale = rationale
        self.triggering = triggering
        self.nonTriggering = nonTriggering
    }
}

/// A template used to document and test a rule. In triggering examples, `↓` marks where each finding
/// must start (the marker is removed before parsing); `messages`, when given, are the exact messages
/// in order, and `severity`, when given, is the severity of every finding (the rule's own otherwise).
/// The example remembers where it was written so a failing one is reported there. `fixed`, for an
/// example whose findings carry fixes, is its text (markers removed) after `lint --fix`: the tests apply
/// the fixes and compare, and the rule reference shows it, so each fix is documented by what it does.
public struct Example: Sendable {
    public static let marker: Character = "↓"

    public let text: String
    public let kind: DocumentKind?
    public let platform: Platform?
    public let messages: [String]?
    /// The severity of every finding of the example; nil for the rule's own.
    public let severity: Severity?
    public let fixed: String?
    public let file: String
    public let line: Int

    public init(_ text: String, kind: DocumentKind? = nil, platform: Platform? = nil, messages: [String]? = nil, severity: Severity? = nil,
                fixed: String? = nil, file: String = #filePath, line: Int = #line) {
        self.text = text
        self.kind = kind
        self.platform = platform
        self.messages = messages
        self.severity = severity
        self.fixed = fixed
        self.file = file
        self.line = line
    }

    /// The text without markers, and the 1-based (line, column) of each marker in it.
    public var parsed: (text: String, markers: [(line: Int, column: Int)]) {
        var output = ""
        var markers: [(line: Int, column: Int)] = []
        var line = 1
        var column = 1
        for character in text {
            if character == Self.marker {
                markers.append((line, column))
                continue
            }
            output.append(character)
            if character == "\n" {
                line += 1
                column = 1
            } else {
                column += character.unicodeScalars.count
            }
        }
        return (output, markers)
    }
}
