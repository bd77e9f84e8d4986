import Diagnostics
import Model

/// Runs the registered rules that apply to a document's kind and the targeted platform.
public enum RuleEngine {
    /// Findings come out in rule order whether or not the rules ran concurrently.
    /// - Parameter otherWork: work of the same file to share the cores with when the rules run
    ///   concurrently (the schema walk `DocumentDecoder` defers for a large file); its findings come first.
    /// - Parameter rules: the rules to run; nil for every registered one that runs by default, and the
    ///   opt-in ones `optIn` selects.
    /// - Parameter setAside: the services a project run's profiles set aside (`RuleContext.setAside`).
    public static func check(_ document: Document, platform: Platform? = nil, fileName: String = "", setAside: [String: [String]] = [:],
                             rules: [any Rule.Type]? = nil, optIn: OptInSelection = .none,
                             alongside otherWork: [@Sendable () -> [Diagnostic]] = []) -> [Diagnostic] {
        let kind = document.kind
        let selected = rules.map { $0.map(RuleSummary.init) }
            ?? (optIn.isEmpty ? RuleSummary.registered : RuleSummary.registered + RuleSummary.optIn.filter(optIn.includes))
        let applicable = selected.filter { rule in
            guard rule.kinds.contains(kind) else { return false }
            guard let platforms = rule.platforms else { return true }
            return platform.map(platforms.contains) ?? false
        }
        let shared = SharedDerivations()
        @Sendable func run(_ rule: RuleSummary) -> [Diagnostic] {
            var context = RuleContext(rule: rule.id, severity: rule.severity, platform: platform, fileName: fileName, setAside: setAside, shared: shared)
            rule.type.init().check(document, context: &context)
            return context.diagnostics
        }
        guard ConcurrentWork.isWorthSplitting(nodeCount: document.root.tree.nodes.count), applicable.count + otherWork.count > 1 else {
            return otherWork.flatMap { $0() } + applicable.flatMap(run)
        }
        // The other work first: it is usually the longest task, and a long task taken last leaves the
        // other cores idle at the end.
        return ConcurrentWork.map(count: otherWork.count + applicable.count) { index in
            index < otherWork.count ? otherWork[index]() : run(applicable[index - otherWork.count])
        }.flatMap { $0 }
    }
}

/// What the engine needs of a rule to choose and run it, read from its description once: the
/// description itself (examples and all) is a large value, and copying it for every rule of every file
/// cost more than some rules' checks.
struct RuleSummary: Sendable {
    let type: any Rule.Type
    let id: RuleID
    let severity: Severity
    let kinds: [DocumentKind]
    let platforms: [Platform]?
    let category: RuleCategory?

    init(_ type: any Rule.Type) {
        let description = type.description
        self.type = type
        id = description.id
        severity = description.severity
        kinds = description.kinds
        platforms = description.platforms
        category = description.category
    }

    /// The rules every check runs.
    static let registered = RuleRegistry.all.map(RuleSummary.init).filter { $0.category == nil }
    /// The rules a check runs only when its `OptInSelection` asks for them.
    static let optIn = RuleRegistry.all.map(RuleSummary.init).filter { $0.category != nil }
}
