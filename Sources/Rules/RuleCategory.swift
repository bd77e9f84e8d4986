import Diagnostics
import Model

/// A group of opt-in rules: checks of a team's policy rather than of what Docker Compose or a platform
/// accepts. They run only when asked for (`lint --enable-category`, `enable-categories:` in
/// `.stackc.yaml`, or a setting of the rule itself), so a plain lint neither reports nor pays for them.
public enum RuleCategory: String, CaseIterable, Sendable, Comparable {
    /// Container hardening as the CIS Docker Benchmark and OWASP's Docker Security Cheat Sheet
    /// recommend it: privileges, host namespaces, exposed ports, pinned images, limits, health checks.
    case security

    public static func < (lhs: RuleCategory, rhs: RuleCategory) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The category a user typed, or why it is none: the known names and the closest one.
    public static func named(_ text: String) -> Result<RuleCategory, UnknownCategory> {
        if let category = RuleCategory(rawValue: text) { return .success(category) }
        let names = allCases.map(\.rawValue)
        let hint = Suggestions.closest(to: text, among: names).map { "; did you mean '\($0)'?" } ?? ""
        return .failure(UnknownCategory(message: "unknown rule category '\(text)'\(hint) (categories: \(names.joined(separator: ", ")))"))
    }

    public struct UnknownCategory: Error, Sendable {
        public let message: String
    }
}

/// The opt-in rules one check runs besides the default ones: every rule of the enabled categories, and
/// any opt-in rule the configuration gives a setting other than `off` (`rules: {privileged-container: on}`).
public struct OptInSelection: Sendable, Equatable {
    public var categories: Set<RuleCategory>
    public var rules: Set<RuleID>

    public init(categories: Set<RuleCategory> = [], rules: Set<RuleID> = []) {
        self.categories = categories
        self.rules = rules
    }

    public static let none = OptInSelection()

    public var isEmpty: Bool { categories.isEmpty && rules.isEmpty }

    func includes(_ rule: RuleSummary) -> Bool {
        rule.category.map(categories.contains) == true || rules.contains(rule.id)
    }
}
