import Diagnostics

/// Every rule, sorted by id, the opt-in ones (`RuleDescription.category`) included. Each category keeps its own list (one file per category, so rules can be
/// added side by side); `RegistryTests` checks the lists against the rule files on disk.
public enum RuleRegistry {
    public static let all: [any Rule.Type] = (namingRules + referenceRules + boundRules + valueRules + platformRules + policyRules)
        .map { (id: $0.description.id, rule: $0) }.sorted { $0.id < $1.id }.map(\.rule)

    public static func rule(_ id: RuleID) -> (any Rule.Type)? {
        all.first { $0.description.id == id }
    }
}
