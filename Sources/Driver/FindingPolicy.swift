import Diagnostics
import Rules

/// What a configuration (or `--strict-env`) says about one rule.
public enum RuleSetting: String, Sendable, CaseIterable {
    /// Findings of the rule are dropped.
    case off
    /// The rule reports at its own default severity (undoes an `off` of an outer setting).
    case on
    case error
    case warning
    case info

    /// The severity a finding gets, or nil when it is dropped.
    func severity(default severity: Severity) -> Severity? {
        switch self {
        case .off: nil
        case .on: severity
        case .error: .error
        case .warning: .warning
        case .info: .info
        }
    }
}

/// Rule settings applied to a file's findings after every stage has run, so every check (syntax,
/// interpolation, schema, rules) can be turned off or re-graded the same way. The stages themselves
/// stay unaware of configuration.
public struct FindingPolicy: Sendable, Equatable {
    /// Later assignments win: the configuration's own `rules`, then matching overrides in file order.
    public private(set) var settings: [RuleID: RuleSetting] = [:]
    /// Categories of opt-in rules turned on (`--enable-category`, `enable-categories:`).
    public private(set) var categories: Set<RuleCategory> = []

    public init(settings: [RuleID: RuleSetting] = [:], categories: Set<RuleCategory> = []) {
        self.settings = settings
        self.categories = categories
    }

    public static let none = FindingPolicy()

    public mutating func set(_ rule: RuleID, _ setting: RuleSetting) {
        settings[rule] = setting
    }

    public mutating func enable(_ categories: some Sequence<RuleCategory>) {
        self.categories.formUnion(categories)
    }

    public func isDisabled(_ rule: RuleID) -> Bool { settings[rule] == .off }

    /// The opt-in rules to run: those of the enabled categories, and any given a setting other than
    /// `off` (which the engine ignores for rules that run anyway).
    public var optIn: OptInSelection {
        guard !settings.isEmpty || !categories.isEmpty else { return .none }
        return OptInSelection(categories: categories, rules: Set(settings.compactMap { $0.value == .off ? nil : $0.key }))
    }

    /// The findings kept, with their severities overridden. `on` restores the default severity the
    /// stage reported, which is the finding's own.
    public func apply(to diagnostics: [Diagnostic]) -> [Diagnostic] {
        guard !settings.isEmpty else { return diagnostics }
        return diagnostics.compactMap { diagnostic in
            guard let setting = settings[diagnostic.rule] else { return diagnostic }
            guard let severity = setting.severity(default: diagnostic.severity) else { return nil }
            var graded = diagnostic
            graded.severity = severity
            return graded
        }
    }
}
