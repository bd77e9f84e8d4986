import Diagnostics
import Rules

/// `lint --enable RULE` and `--disable RULE`: rule settings typed on the command line, with the last word
/// over every `.stackc.yaml` (its `rules` and matching `overrides`) and over `--strict-env`. `--disable`
/// drops the rule's findings; `--enable` undoes an `off` and otherwise keeps the configured severity
/// (`unset-variable: error` stays an error).
public struct RuleSwitches: Sendable, Equatable {
    public private(set) var enabled: [RuleID] = []
    public private(set) var disabled: [RuleID] = []

    public struct Failure: Error, Sendable, CustomStringConvertible {
        public let description: String
    }

    public init() {}

    /// Checks the ids: each must name a check (`stackc rules`), and none may be both enabled and disabled.
    public init(enable: [String], disable: [String]) throws(Failure) {
        for (flag, ids) in [("--enable", enable), ("--disable", disable)] {
            for id in ids where Catalogue.entry(id) == nil {
                throw Failure(description: "\(flag): unknown rule '\(id)'\(Catalogue.unknownIDHint(id))")
            }
        }
        if let both = enable.first(where: disable.contains) {
            throw Failure(description: "rule '\(both)' is given to both --enable and --disable")
        }
        enabled = enable.map { RuleID($0) }
        disabled = disable.map { RuleID($0) }
    }

    func apply(to policy: inout FindingPolicy) {
        for rule in enabled where policy.settings[rule] == nil || policy.isDisabled(rule) { policy.set(rule, .on) }
        for rule in disabled { policy.set(rule, .off) }
    }
}
